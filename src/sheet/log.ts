// Appends rows to 操作日志, the append-only record of every change and script action.
import { LOG_HEADERS, TAB } from '../domain/contract';
import { formatInstant } from '../domain/calendar-day';
import { TEXT_FORMAT } from '../domain/ledger-row';
import { logValueText } from '../domain/log-text';
import type { EditLogLine } from '../domain/edit-check';

/** A line of 操作日志: what changed (the domain's EditLogLine), plus when, by whom, where and which action. */
export interface LogEntry extends EditLogLine {
  at: Date;
  account: string;
  tab: string;
  action: string;
}

/** A line about the workbook as a whole (setup, 自检 …): no tab, cell, enterprise or field. */
export function workbookLogEntry(at: Date, account: string, action: string, newValue: string): LogEntry {
  return { at, account, tab: '', range: '', creditCode: '', name: '', field: '', oldValue: '', newValue, action };
}

/** The cells of one line, as written into plain-text ('@') cells: the text itself, never a formula or a serial. */
export function logRow(entry: LogEntry): string[] {
  // Time as Shanghai text, not a date cell: it reads the same whatever the spreadsheet's zone.
  return [
    formatInstant(entry.at),
    entry.account,
    entry.tab,
    entry.range,
    entry.creditCode,
    entry.name,
    entry.field,
    logValueText(entry.tab, entry.field, String(entry.oldValue)),
    logValueText(entry.tab, entry.field, String(entry.newValue)),
    entry.action,
  ].map((v) => String(v));
}

/** Where an append went: the tab, the sheet row of its first line and the cells written (the daily job's index step reuses them). */
export interface Appended {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly start: number;
  readonly rows: readonly (readonly string[])[];
}

/** One write for all entries; callers hold the document lock so two executions never claim the same rows. */
export function appendLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: readonly LogEntry[]): Appended | null {
  if (entries.length === 0) return null;
  let sheet = ss.getSheetByName(TAB.log);
  if (!sheet) {
    // Setup creates the tab; if someone deleted it, the log must still not be lost.
    sheet = ss.insertSheet(TAB.log);
    sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([[...LOG_HEADERS]]);
  }
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  const rows = entries.map(logRow);
  // The log's one writer makes its cells plain text first, so each text is stored exactly as written (contract
  // §1: append-only history), whether setup formatted these rows, rows were added, or the tab was just made.
  appendRange(sheet, start, entries.length).setNumberFormat(TEXT_FORMAT).setValues(rows);
  return { sheet, start, rows };
}

/**
 * The block below the last row. A block past the grid is refused by getRange (nothing written), and the log outgrows
 * the 1,000 rows of a new sheet within weeks: only then is the grid size read and rows added, so an append that fits
 * costs no getMaxRows. Any other refusal is not ours to repair and is thrown as it came.
 */
function appendRange(sheet: GoogleAppsScript.Spreadsheet.Sheet, start: number, count: number): GoogleAppsScript.Spreadsheet.Range {
  try {
    return sheet.getRange(start, 1, count, LOG_HEADERS.length);
  } catch (e) {
    const max = sheet.getMaxRows();
    const spare = max - start + 1;
    if (spare >= count) throw e;
    sheet.insertRowsAfter(max, count - spare);
    return sheet.getRange(start, 1, count, LOG_HEADERS.length);
  }
}
