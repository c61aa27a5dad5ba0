// 导入台账's reads and writes: the imported tab read once, the 导入报告 tab rewritten, one block appended per district.
import { COLUMN_COUNT, FIRST_DATA_ROW } from '../domain/contract';
import { WRITE_TRIES } from '../domain/concurrency';
import { AppError } from '../domain/errors';
import { TEXT_FORMAT } from '../domain/ledger-row';
import { formatRuns } from '../domain/ledger-template';
import type { Day } from '../domain/calendar-day';
import { touchFillDate } from './ledger';
import { IMPORT_REPORT_HEADERS, IMPORT_REPORT_TAB } from '../domain/import-rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tab's whole grid in one read, or null when there is no such tab. */
export function readGrid(ss: Spreadsheet, name: string): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/**
 * 导入报告 rewritten in place (made when missing) and shown: its text columns plain text first, so a name typed as
 * `=…` stays text; the summary beside the header, in G1.
 */
export function writeReport(ss: Spreadsheet, grid: readonly (readonly unknown[])[], summary: string): void {
  const sheet = ss.getSheetByName(IMPORT_REPORT_TAB) ?? ss.insertSheet(IMPORT_REPORT_TAB);
  sheet.clearContents();
  const rows = grid.length;
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  sheet.getRange(1, 2, rows, IMPORT_REPORT_HEADERS.length - 1).setNumberFormat(TEXT_FORMAT);
  sheet.getRange(1, 1, rows, IMPORT_REPORT_HEADERS.length).setValues(grid.map((r) => [...r]));
  sheet.getRange(1, IMPORT_REPORT_HEADERS.length + 2).setNumberFormat(TEXT_FORMAT).setValue(summary);
  sheet.activate();
}

/**
 * Appends `rows` (each COLUMN_COUNT wide, built for the template's formats) below everything the tab holds at this
 * moment, so no row someone filled meanwhile is overwritten: the template's formats, then one setValues. Returns
 * the first row written.
 */
export function appendBlock(sheet: Sheet, row2: readonly unknown[], rows: readonly (readonly unknown[])[], today: Day): number {
  for (let attempt = 0; attempt < WRITE_TRIES; attempt++) {
    const first = Math.max(sheet.getLastRow() + 1, FIRST_DATA_ROW);
    const last = first + rows.length - 1;
    const max = sheet.getMaxRows();
    if (last > max) sheet.insertRowsAfter(max, last - max);
    for (const run of formatRuns()) sheet.getRange(first, run.column, rows.length, run.columns).setNumberFormat(run.format);
    // People type while the script runs (issue 12): write only while every row of the block is still below the last
    // filled one, i.e. still empty; otherwise take the new end of the table and try again.
    if (sheet.getLastRow() >= first) continue;
    sheet.getRange(first, 1, rows.length, COLUMN_COUNT).setValues(rows.map((r) => [...r]));
    touchFillDate(sheet, row2, today);
    return first;
  }
  throw new AppError('LOCK_BUSY', `“${sheet.getName()}”工作表末尾一直有人在录入，为免覆盖，本区企业未写入。请稍后重新运行导入台账（已导入的企业不会重复导入）。`);
}

