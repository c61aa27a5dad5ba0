// The 打印签章版 dialog's script: shows the sheet handed over by the server and prints it with the browser's own print.
import { PRINT_DATA_ID, printModel, printSheetHtml } from '../domain/print-ledger';
import type { PrintView } from '../domain/print-ledger';
import { whenParsed } from './dom';

function start(): void {
  const block = document.getElementById(PRINT_DATA_ID);
  const view = JSON.parse(block?.textContent ?? 'null') as PrintView | null;
  const sheet = document.getElementById('sheet') as HTMLElement;
  const hint = document.getElementById('hint') as HTMLElement;
  if (!view) {
    hint.textContent = '没有收到台账数据，请关闭后重新点“打印签章版”。';
    return;
  }
  const model = printModel(view.input);
  // Every text in the markup is escaped by printSheetHtml, so the sheet's cells stay text.
  sheet.innerHTML = printSheetHtml(model);
  // Chrome names the saved PDF after the title.
  document.title = `${view.district}整治工作台账（签章版）${view.input.fillDay ?? ''}`;
  hint.textContent = `A3 横向，表头在每页重复；共${model.rows.length}家企业。在打印窗口选择打印机，或选“另存为 PDF”。`;
  const button = document.getElementById('print') as HTMLButtonElement;
  button.addEventListener('click', () => window.print());
}

whenParsed(start);
