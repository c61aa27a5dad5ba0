// 企业档案 (contract §11): getEnterpriseDossier and the dialog, reading only 操作日志's matched blocks (found by 档案索引).
import { LOG_HEADERS } from '../domain/contract';
import { normaliseCreditCode } from '../domain/credit-code';
import {
  DOSSIER_DATA_ID,
  LOG_READ_COST,
  cellConcerns,
  codesOf,
  extendIndex,
  indexedRows,
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
import { logTableAfterAppend, openLogTable, readLogIndex, writeLogIndex } from '../sheet/log-read';
import type { Appended } from '../sheet/log';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { selectedEnterprise } from './enterprise-form';
import { openedEnterprise } from './enterprise-service';
import { fromMenu } from './error-boundary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CODE_COLUMN = LOG_HEADERS.indexOf('统一社会信用代码');

/**
 * The 操作日志 lines of `code`: the rows 档案索引 names plus the code column of the rows logged since it was built,
 * read in as few blocks as pay. A row that no longer concerns the code (the log sorted or edited by hand) sends
 * it back to reading the whole code column, as without an index.
 */
function logLines(ss: Spreadsheet, code: string): DossierEvent[] {
  const table = openLogTable(ss);
  if (!table || table.length === 0) return [];
  const index = readLogIndex(ss);
  const known = index && index.through <= table.length ? indexedRows(index, code) : null;
  const read = (wanted: number[]): unknown[][] => {
    const blocks = readBlocks(wanted, LOG_HEADERS.length * LOG_READ_COST.cellMs, LOG_READ_COST.callMs);
    return wanted.length === 0 ? [] : pickRows(blocks, table.rows(blocks), wanted);
  };
  const scan = (from: number): number[] => matchingRows(table.column(CODE_COLUMN, from), code).map((i) => i + from);
  let rows = known ? read([...known, ...scan(index!.through)]) : null;
  if (!rows || rows.some((r) => !cellConcerns(r[CODE_COLUMN], code))) rows = read(scan(0));
  return logEvents([...LOG_HEADERS], rows);
}

/**
 * The daily job's step (as the office): 档案索引 grown by the lines logged since, read with its last indexed row;
 * rebuilt when that row no longer holds the code it had (the log sorted, cut or edited by hand). `appended`: the
 * job's own append just before, in the same lock session.
 */
export function refreshLogIndex(ss: Spreadsheet, appended: Appended | null = null): void {
  // Right after the job's own append the log's end and its last lines are known: not asked for again.
  const table = appended ? logTableAfterAppend(appended) : openLogTable(ss);
  const index = table && readLogIndex(ss);
  if (!index) return;
  const n = index.through;
  const start = index.at >= 0 ? index.at : n;
  const seen = n > 0 && n <= table!.length ? table!.column(CODE_COLUMN, start) : null;
  const same = seen !== null && (index.at < 0 || codesOf(seen[0])[0] === index.last);
  if (same && n === table!.length) return;
  writeLogIndex(ss, same ? extendIndex(index, n, seen.slice(n - start)) : extendIndex(index, 0, table!.column(CODE_COLUMN, 0)));
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
