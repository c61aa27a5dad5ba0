// The district ledgers and 配置 on the sheet: each tab read with one getValues (header checked), and the one writer of a row and of 填表时间.
import { menuPath } from '../domain/menu';
import type { Day } from '../domain/calendar-day';
import { COLUMN_COUNT, FIRST_DATA_ROW, HEADER_ROW, TAB, UPPER_HEADER_ROW } from '../domain/contract';
import type { CodeIndex } from '../domain/edit-check';
import { cellDisplay, indexCodes } from '../domain/edit-check';
import { AppError } from '../domain/errors';
import { normaliseCreditCode } from '../domain/credit-code';
import { TEMPLATE_COLUMNS, isBlankRow, locateColumns, rowToPayload } from '../domain/ledger-row';
import { fillDateText, formatRuns, readFillDate } from '../domain/ledger-template';
import type { ColumnMap, RawRecord } from '../domain/ledger-row';
import { parseSettings } from '../domain/settings';
import type { Settings } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LedgerRow {
  /** 1-based sheet row, valid only until the lock is released: rows are found again by credit code. */
  readonly row: number;
  readonly cells: unknown[];
  readonly record: RawRecord;
}

export interface Ledger {
  readonly sheet: Sheet;
  readonly district: string;
  readonly columns: ColumnMap;
  readonly rows: readonly LedgerRow[];
  /** Rows 1–4 as read, for callers that rewrite the 填表时间 cell or check the title. */
  readonly head: unknown[][];
}

export function readSettings(ss: Spreadsheet): ReturnType<typeof parseSettings> {
  const sheet = ss.getSheetByName(TAB.config);
  return parseSettings(sheet ? sheet.getDataRange().getValues() : []);
}

/** '' for a file without an owner (a shared drive's); a throw is a fault to show, not an unknown owner. */
export function ownerEmail(ss: Spreadsheet): string {
  const owner = ss.getOwner();
  return owner ? owner.getEmail().trim().toLowerCase() : '';
}

/** Turns a tab's grid (from one getValues) into a Ledger; throws when the header no longer matches the template. */
export function ledgerFromGrid(sheet: Sheet, district: string, grid: unknown[][]): Ledger {
  const located = locateColumns(grid[UPPER_HEADER_ROW - 1] ?? [], grid[HEADER_ROW - 1] ?? []);
  if (!located.ok) {
    throw new AppError('HEADER_MISMATCH', `“${district}”工作表：${located.error.userMessage}`, { district, problems: located.error.details['problems'] });
  }
  const rows: LedgerRow[] = [];
  for (let i = FIRST_DATA_ROW - 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    if (isBlankRow(cells, located.columns)) continue;
    rows.push({ row: i + 1, cells, record: rowToPayload(cells, located.columns) });
  }
  return { sheet, district, columns: located.columns, rows, head: grid.slice(0, FIRST_DATA_ROW - 1) };
}

export function openLedger(ss: Spreadsheet, district: string): Ledger {
  const sheet = ss.getSheetByName(district);
  if (!sheet) {
    throw new AppError('TAB_MISSING', `找不到“${district}”工作表。请领导小组办公室运行“${menuPath('menuSetup')}”。`, {
      district,
    });
  }
  return ledgerFromGrid(sheet, district, sheet.getDataRange().getValues());
}

/**
 * One enterprise row without reading the whole tab: the head (rows 1–4, for the column check and 填表时间) and
 * that row, two reads whatever the tab's size. null when the tab is missing or the row is blank.
 */
export function readLedgerRow(ss: Spreadsheet, district: string, row: number): { ledger: Ledger; row: LedgerRow } | null {
  const sheet = ss.getSheetByName(district);
  if (!sheet || row < FIRST_DATA_ROW) return null;
  const grid = sheet.getRange(1, 1, FIRST_DATA_ROW - 1, COLUMN_COUNT).getValues();
  grid[row - 1] = sheet.getRange(row, 1, 1, COLUMN_COUNT).getValues()[0] ?? [];
  const ledger = ledgerFromGrid(sheet, district, grid);
  const found = ledger.rows[0];
  return found ? { ledger, row: found } : null;
}

export function openAllLedgers(ss: Spreadsheet, settings: Settings): Ledger[] {
  return settings.districts.map((d) => openLedger(ss, d.district));
}

export function findEnterprise(ledgers: readonly Ledger[], creditCode: string): { ledger: Ledger; row: LedgerRow } | null {
  for (const ledger of ledgers) {
    for (const row of ledger.rows) {
      if (row.record.payload.creditCode === creditCode) return { ledger, row };
    }
  }
  return null;
}

/**
 * Column E of every district tab, one read each, for the uniqueness of credit codes across tabs (contract §2).
 * The number of calls depends on the number of districts, not on the number of rows. `known`: a tab already read.
 */
export function readCodeIndex(
  ss: Spreadsheet,
  settings: Settings,
  known?: { readonly district: string; readonly rows: readonly { readonly row: number; readonly cells: readonly unknown[] }[] },
): CodeIndex {
  const index: CodeIndex = new Map();
  const column = TEMPLATE_COLUMNS.creditCode + 1;
  for (const { district } of settings.districts) {
    // A tab the caller already read whole gives its column E from memory, not from a second read.
    if (known && known.district === district) {
      for (const r of known.rows) indexCodes(index, district, r.row, [r.cells[TEMPLATE_COLUMNS.creditCode]]);
      continue;
    }
    const sheet = ss.getSheetByName(district);
    const last = sheet ? sheet.getLastRow() : 0;
    if (!sheet || last < FIRST_DATA_ROW) continue;
    indexCodes(index, district, FIRST_DATA_ROW, sheet.getRange(FIRST_DATA_ROW, column, last - FIRST_DATA_ROW + 1, 1).getValues().map((r) => r[0]));
  }
  return index;
}

/**
 * Row 2's 填表时间 is the day of the tab's last change; written only when the day moved on. `row2` is row 2 as
 * already read (Ledger.head[1]), so the check costs no read.
 */
export function touchFillDate(sheet: Sheet, row2: readonly unknown[], today: Day): void {
  const found = readFillDate(row2);
  if (found.day === today) return;
  sheet.getRange(2, found.column + 1).setValue(fillDateText(today));
}

/**
 * The one writer of a ledger row. Right before writing, the row is read again (A–X) and `confirm` must accept it
 * (the expected credit code, or still blank for an append): users' inserts, deletes and sorts are not serialised
 * with scripts. False, nothing written, when it does not: the caller finds the row again and retries.
 * `build` gets the row's number formats as they are now (a row pasted by hand may no longer be '@') and its cells.
 * A row past the grid is made first, with the template's formats (whether inserted rows inherit them is undocumented).
 */
export function writeLedgerRow(
  ledger: Ledger,
  row: number,
  confirm: (cells: unknown[]) => boolean,
  build: (formats: string[], cells: unknown[]) => unknown[],
  today: Day,
): boolean {
  const sheet = ledger.sheet;
  const max = sheet.getMaxRows();
  if (row > max) {
    sheet.insertRowsAfter(max, row - max);
    for (const run of formatRuns()) sheet.getRange(max + 1, run.column, row - max, run.columns).setNumberFormat(run.format);
  }
  const range = sheet.getRange(row, 1, 1, COLUMN_COUNT);
  const formats = range.getNumberFormats()[0] ?? [];
  const cells = range.getValues()[0] ?? [];
  if (!confirm(cells)) return false;
  range.setValues([build(formats, cells).slice(0, COLUMN_COUNT)]);
  touchFillDate(sheet, ledger.head[1] ?? [], today);
  range.activate();
  return true;
}

/** The enterprise of a credit code: column E of each district tab, then only its tab's head and its row. */
export function locateEnterprise(ss: Spreadsheet, settings: Settings, code: string): { ledger: Ledger; row: LedgerRow } | null {
  const place = code === '' ? undefined : readCodeIndex(ss, settings).get(code)?.[0];
  return place ? readLedgerRow(ss, place.tab, place.row) : null;
}

/**
 * Where an added enterprise goes and its 序号, without reading the tab: the head (column check, 填表时间), the row
 * below everything the tab holds now (any column), and the largest 序号 of column A.
 */
export function readAppendTarget(ss: Spreadsheet, district: string): { ledger: Ledger; row: number; serial: number } | null {
  const sheet = ss.getSheetByName(district);
  if (!sheet) return null;
  const ledger = ledgerFromGrid(sheet, district, sheet.getRange(1, 1, FIRST_DATA_ROW - 1, COLUMN_COUNT).getValues());
  const last = sheet.getLastRow();
  let serial = 0;
  if (last >= FIRST_DATA_ROW) {
    for (const [v] of sheet.getRange(FIRST_DATA_ROW, ledger.columns.serial + 1, last - FIRST_DATA_ROW + 1, 1).getValues()) {
      const n = typeof v === 'number' ? v : /^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : 0;
      if (Number.isInteger(n) && n > serial) serial = n;
    }
  }
  return { ledger, row: Math.max(last + 1, FIRST_DATA_ROW), serial: serial + 1 };
}

/**
 * The row holding `code` right now, for writers of a few cells (the office's decisions): that row's credit-code cell
 * read first, and when it no longer holds the code, the credit-code column once. Null when no row holds it.
 */
export function rowOfCode(ledger: Ledger, row: number, code: string): number | null {
  const sheet = ledger.sheet;
  const col = ledger.columns.creditCode + 1;
  const same = (v: unknown): boolean => normaliseCreditCode(cellDisplay(v)) === code;
  if (row >= FIRST_DATA_ROW && same(sheet.getRange(row, col).getValue())) return row;
  const last = sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return null;
  const at = sheet.getRange(FIRST_DATA_ROW, col, last - FIRST_DATA_ROW + 1, 1).getValues().findIndex(([v]) => same(v));
  return at < 0 ? null : at + FIRST_DATA_ROW;
}

/** Selects a ledger row (A–X) for the user, as a save does when it has nothing to write. */
export function selectLedgerRow(ledger: Ledger, row: number): void {
  ledger.sheet.getRange(row, 1, 1, COLUMN_COUNT).activate();
}
