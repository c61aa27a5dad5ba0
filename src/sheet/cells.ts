// Blocks of cells on any tab: values read and written once per block, notes synced in one read and at most one write; the active tab and selection.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A block as read: its values, and the handle its notes are synced through (no second getRange). */
export interface CellBlock {
  readonly range: Range;
  readonly values: unknown[][];
}

export function readBlock(sheet: Sheet, row: number, column: number, rows: number, columns: number): CellBlock {
  const range = sheet.getRange(row, column, rows, columns);
  return { range, values: range.getValues() };
}

/** The block's range without reading it, for a caller that only syncs its notes. */
export const blockAt = (sheet: Sheet, row: number, column: number, rows: number, columns: number): Range =>
  sheet.getRange(row, column, rows, columns);

/** The whole used area of a tab with one getValues. */
export const readGrid = (sheet: Sheet): unknown[][] => sheet.getDataRange().getValues();

/** Reads the notes once; `plan` returns the notes to write, or null to leave them as they are. */
export function syncNotes(range: Range, plan: (before: string[][]) => string[][] | null): void {
  const after = plan(range.getNotes());
  if (after) range.setNotes(after);
}

export function writeBlock(sheet: Sheet, row: number, column: number, values: unknown[][]): void {
  if (values.length === 0) return;
  sheet.getRange(row, column, values.length, values[0]!.length).setValues(values);
}

export const activeTab = (ss: Spreadsheet): Sheet => ss.getActiveSheet();
export const tabName = (sheet: Sheet): string => sheet.getName();
export const spreadsheetOf = (sheet: Sheet): Spreadsheet => sheet.getParent();

/** The row of the selection's first cell, or 0 with no selection. */
export const selectedRow = (ss: Spreadsheet): number => ss.getActiveRange()?.getRow() ?? 0;
