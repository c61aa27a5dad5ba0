// 打印签章版 (contract §12): the district tab read once and shown as the template in the Print dialog; nothing is written.
import { AppError } from '../domain/errors';
import { readFillDate } from '../domain/ledger-template';
import { jsonBlock } from '../domain/page-data';
import { PRINT_DATA_ID, printRow } from '../domain/print-ledger';
import type { PrintView } from '../domain/print-ledger';
import { openLedger, readSettings } from '../sheet/ledger';
import { activeTab, tabName } from '../sheet/cells';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { fromMenu } from './error-boundary';

export function menuPrintLedger(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const { districts } = readSettings(ss).settings;
    const name = tabName(activeTab(ss));
    const district = districts.find((d) => d.district === name);
    if (!district) throw new AppError('NOT_DISTRICT_TAB', `请先切换到要打印的辖区工作表，再点“打印签章版”。`);
    const ledger = openLedger(ss, name);
    const view: PrintView = {
      district: name,
      input: { filler: district.filler, fillDay: readFillDate(ledger.head[1] ?? []).day, rows: ledger.rows.map((r) => printRow(r.record)) },
    };
    screen().dialogFromFile('Print', `打印签章版：${name}`, jsonBlock(PRINT_DATA_ID, view), 1200, 760);
  });
}
