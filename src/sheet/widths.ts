// Column widths on the sheet: what a tab shows read back, and the widths set where content needs more room.
import { fitWidths } from '../domain/column-width';
import type { WidthBounds } from '../domain/column-width';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows the widths are measured on: enough to see the content, and a constant cost at any number of rows. */
const WIDTH_SAMPLE_ROWS = 200;

/** The last WIDTH_SAMPLE_ROWS rows from `first` on (a log's recent lines) as Sheets shows them: dates, percentages. */
export function shownRows(sheet: Sheet, first: number, columns: number): string[][] {
  const last = sheet.getLastRow();
  const from = Math.max(first, last - WIDTH_SAMPLE_ROWS + 1);
  return last >= from ? sheet.getRange(from, 1, last - from + 1, columns).getDisplayValues() : [];
}

/**
 * Every column set on a new tab (`fresh`); otherwise only those narrower than their content, so a column someone
 * widened stays as they left it and a rerun sets none.
 */
export function sizeColumns(sheet: Sheet, wanted: readonly number[], fresh: boolean): void {
  wanted.forEach((width, i) => {
    if (fresh || sheet.getColumnWidth(i + 1) < width) sheet.setColumnWidth(i + 1, width);
  });
}

/** A whole tab measured as shown (汇总, 配置: a few hundred cells at most) and sized within `bounds`. */
export function sizeToContent(sheet: Sheet, bounds: WidthBounds, fresh: boolean, overflow = false): void {
  const grid = sheet.getDataRange().getDisplayValues();
  const columns = grid[0]?.length ?? 0;
  if (columns > 0) sizeColumns(sheet, fitWidths(grid, columns, bounds, overflow), fresh);
}
