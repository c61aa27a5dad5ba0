// Tabs whose one header row is found by text (延期申请, 验收记录 …), read with one getValues; cells found by header text.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface TableRow {
  /** 1-based sheet row, valid only under the lock it was read in. */
  readonly row: number;
  readonly cells: unknown[];
}

export interface Table {
  readonly sheet: Sheet;
  /** Row 1 as trimmed text. */
  readonly header: string[];
  /** Rows 2…, blank ones included, in sheet order. */
  readonly rows: readonly TableRow[];
}

const headText = (v: unknown): string => (v == null ? '' : String(v).trim());

/** The tab with one getValues; null when there is no such tab (a tab with no rows has an empty header). */
export function readTable(ss: Spreadsheet, tab: string): Table | null {
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return null;
  if (sheet.getLastRow() === 0) return { sheet, header: [], rows: [] };
  const grid = sheet.getDataRange().getValues();
  return { sheet, header: (grid[0] ?? []).map(headText), rows: grid.slice(1).map((cells, i) => ({ row: i + 2, cells })) };
}

/** Headers the table lacks, in the order asked: [] when every one is there. */
export function missingColumns(table: Table, headers: readonly string[]): string[] {
  return headers.filter((h) => !table.header.includes(h));
}

/** A cell by header text; undefined when the header or the cell is missing. */
export function cellOf(table: Table, row: TableRow, header: string): unknown {
  const at = table.header.indexOf(header);
  return at < 0 ? undefined : row.cells[at];
}
