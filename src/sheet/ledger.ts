// The district ledgers and 配置 on the sheet: each tab read with one getValues (header checked), and the one writer of a row and of 填表时间.
import { menuPath } from '../domain/menu';
import type { Day } from '../domain/calendar-day';
import { COLUMN_COUNT, FIRST_DATA_ROW, HEADER_ROW, TAB, UPPER_HEADER_ROW } from '../domain/contract';
import type { CodeIndex } from '../domain/edit-check';
import { indexCodes } from '../domain/edit-check';
import { AppError } from '../domain/errors';
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
    throw new AppError('HEADER_MISMATCH', `“${district}”工作表：${located.error.userMessage}`, { district });
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
 * The number of calls depends on the number of districts, not on the number of rows.
 */
export function readCodeIndex(ss: Spreadsheet, settings: Settings): CodeIndex {
  const index: CodeIndex = new Map();
  const column = TEMPLATE_COLUMNS.creditCode + 1;
  for (const { district } of settings.districts) {
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
 * The one writer of a ledger row: the row written once (A–X), 填表时间 touched, then the row selected for the user.
 * `build` gets the row's number formats as they are now: a row pasted or re-formatted by hand may no longer be '@'.
 * A row past the grid is made first, with the template's formats (whether inserted rows inherit them is undocumented).
 */
export function writeLedgerRow(ledger: Ledger, row: number, build: (formats: string[]) => unknown[], today: Day): void {
  const sheet = ledger.sheet;
  if (row > sheet.getMaxRows()) {
    const first = sheet.getMaxRows() + 1;
    sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
    for (const run of formatRuns()) sheet.getRange(first, run.column, row - first + 1, run.columns).setNumberFormat(run.format);
  }
  const range = sheet.getRange(row, 1, 1, COLUMN_COUNT);
  const formats = range.getNumberFormats()[0] ?? [];
  range.setValues([build(formats).slice(0, COLUMN_COUNT)]);
  touchFillDate(sheet, ledger.head[1] ?? [], today);
  range.activate();
}

/** Selects a ledger row (A–X) for the user, as a save does when it has nothing to write. */
export function selectLedgerRow(ledger: Ledger, row: number): void {
  ledger.sheet.getRange(row, 1, 1, COLUMN_COUNT).activate();
}
