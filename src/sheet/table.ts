// Tabs whose one header row is found by text (延期申请, 验收记录 …): read with one getValues, rows appended or rewritten whole.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TableRow {
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

/**
 * Appends one row placed by header text; a missing tab is made with `headers` (setup normally makes it). Each
 * value lands under its header wherever the columns now are; the caller holds the document lock. Returns the row.
 */
export function appendTableRow(ss: Spreadsheet, tab: string, headers: readonly string[], values: Readonly<Record<string, unknown>>): number {
  let sheet = ss.getSheetByName(tab);
  let header: string[];
  if (!sheet) {
    sheet = ss.insertSheet(tab);
    sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]);
    header = [...headers];
  } else {
    const width = Math.max(sheet.getLastColumn(), 1);
    header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map(headText);
  }
  const missing = headers.filter((h) => !header.includes(h));
  if (missing.length > 0) throw new Error(`“${tab}”第1行缺少列：${missing.join('、')}`);
  const cells = header.map((h) => (h in values ? values[h] : ''));
  const row = Math.max(sheet.getLastRow(), 1) + 1;
  sheet.getRange(row, 1, 1, cells.length).setValues([cells]);
  return row;
}

/** Rewrites one read row with one setValues: `values` by header text, every other cell as it was read. */
export function writeTableRow(table: Table, row: TableRow, values: Readonly<Record<string, unknown>>): void {
  const cells = table.header.map((h, i) => (h !== '' && h in values ? values[h] : (row.cells[i] ?? '')));
  table.sheet.getRange(row.row, 1, 1, cells.length).setValues([cells]);
}
