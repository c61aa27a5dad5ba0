// Column widths on the sheet: what a tab shows read back, and the widths set where content needs more room.
import { fitWidths, widthRuns } from '../domain/column-width';
import type { WidthBounds } from '../domain/column-width';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows the widths are measured on: enough to see the content, and a constant cost at any number of rows. */
export const WIDTH_SAMPLE_ROWS = 200;

/**
 * Up to WIDTH_SAMPLE_ROWS rows from `first` (the last ones with `latest`: a log's recent lines) as Sheets shows
 * them, dates and percentages as displayed.
 */
export function shownRows(sheet: Sheet, first: number, columns: number, latest = false): string[][] {
  const last = sheet.getLastRow();
  const rows = Math.min(last - first + 1, WIDTH_SAMPLE_ROWS);
  return rows > 0 ? sheet.getRange(latest ? last - rows + 1 : first, 1, rows, columns).getDisplayValues() : [];
}

/** Every column set on a new tab (`fresh`); otherwise only those narrower than `wanted`, so a rerun sets none. */
export function sizeColumns(sheet: Sheet, wanted: readonly number[], fresh: boolean): void {
  const current = fresh ? null : wanted.map((_, i) => sheet.getColumnWidth(i + 1));
  for (const run of widthRuns(wanted, current)) sheet.setColumnWidths(run.column, run.columns, run.width);
}

/** A whole tab measured as shown (汇总, 配置: a few hundred cells at most) and sized within `bounds`. */
export function sizeToContent(sheet: Sheet, bounds: WidthBounds, fresh: boolean, overflow = false): void {
  const grid = sheet.getDataRange().getDisplayValues();
  const columns = grid[0]?.length ?? 0;
  if (columns > 0) sizeColumns(sheet, fitWidths(grid, columns, bounds, overflow), fresh);
}

