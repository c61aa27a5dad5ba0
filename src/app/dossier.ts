// 企业档案 (contract §11): getEnterpriseDossier and the dialog, reading 操作日志 by one column and then only the matched blocks.
import { LOG_HEADERS } from '../domain/contract';
import { normaliseCreditCode } from '../domain/credit-code';
import {
  DOSSIER_DATA_ID,
  LOG_READ_COST,
  logEvents,
  matchingRows,
  oldestFirst,
  pickRows,
  readBlocks,
} from '../domain/dossier';
import type { Dossier, DossierEvent, DossierView } from '../domain/dossier';
import { isAppError } from '../domain/errors';
import { jsonBlock } from '../domain/page-data';
import { readCodeIndex, readLedgerRow, readSettings } from '../sheet/ledger';
import type { Ledger, LedgerRow } from '../sheet/ledger';
import { openLogTable } from '../sheet/log-read';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { selectedEnterprise } from './enterprise-form';
import { openedEnterprise } from './enterprise-service';
import { fromMenu } from './error-boundary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The 操作日志 lines of `code`: the code column read once, then the matched rows in as few blocks as pay. */
function logLines(ss: Spreadsheet, code: string): DossierEvent[] {
  const table = openLogTable(ss);
  if (!table || table.length === 0) return [];
  const wanted = matchingRows(table.column(LOG_HEADERS.indexOf('统一社会信用代码')), code);
  const blocks = readBlocks(wanted, LOG_HEADERS.length * LOG_READ_COST.cellMs, LOG_READ_COST.callMs);
  return wanted.length === 0 ? [] : logEvents([...LOG_HEADERS], pickRows(blocks, table.rows(blocks), wanted));
}

function dossierView(ss: Spreadsheet, found: { ledger: Ledger; row: LedgerRow }): DossierView {
  const opened = openedEnterprise(found.row);
  const code = opened.creditCode;
  // 申请延期, its decision and 验收销号 are logged with the credit code, reason and opinion (src/app/office.ts), so the
  // log alone holds the whole history; reading 延期申请 and 验收记录 as well would show each of them twice.
  const events = oldestFirst(logLines(ss, code));
  return { enterprise: { ...opened, district: found.ledger.district }, events, row: opened.row, serial: opened.serial };
}

/** The enterprise of a credit code: column E of each district tab, then only its head and row. */
function locate(ss: Spreadsheet, creditCode: unknown): { ledger: Ledger; row: LedgerRow } | null {
  const code = normaliseCreditCode(typeof creditCode === 'string' ? creditCode : '');
  const place = code === '' ? undefined : readCodeIndex(ss, readSettings(ss).settings).get(code)?.[0];
  return place ? readLedgerRow(ss, place.tab, place.row) : null;
}

/** Contract §11: the record and its events, oldest first; null when no district tab holds the code. */
export function getEnterpriseDossier(creditCode: unknown): Dossier | null {
  try {
    const ss = activeSpreadsheet();
    const found = locate(ss, creditCode);
    if (!found) return null;
    const { enterprise, events } = dossierView(ss, found);
    return { enterprise, events };
  } catch (e) {
    throw isAppError(e) ? new Error(e.userMessage) : e;
  }
}

const show = (view: DossierView): void => screen().dialogFromFile('Dossier', `企业档案：${view.enterprise.name}`, jsonBlock(DOSSIER_DATA_ID, view), 960, 640);

export function menuDossier(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    show(dossierView(ss, selectedEnterprise(ss, readSettings(ss).settings, 'menuDossier')));
  });
}

/** The 企业档案 link of the edit sidebar (issue 15 point 4): the same dialog for the enterprise the form shows. */
export function showDossier(creditCode: unknown): void {
  const ss = activeSpreadsheet();
  const found = locate(ss, creditCode);
  if (!found) throw new Error('找不到该企业，它可能已被删除。请关闭侧边栏后重新选中企业所在行。');
  show(dossierView(ss, found));
}
