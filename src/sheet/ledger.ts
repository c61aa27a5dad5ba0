// The district ledgers and 配置 on the sheet: each tab read with one getValues (header checked), and the one writer of a row and of 填表时间.
import { menuPath } from '../domain/menu';
import type { Day } from '../domain/calendar-day';
import { COLUMN_COUNT, FIRST_DATA_ROW, HEADER_ROW, TAB, UPPER_HEADER_ROW } from '../domain/contract';
import type { CodeIndex } from '../domain/edit-check';
import { cellDisplay, indexCodes } from '../domain/edit-check';
import { AppError } from '../domain/errors';
import { normaliseCreditCode } from '../domain/credit-code';
import { TEMPLATE_COLUMNS, isBlankRow, locateColumns, rowToPayload, templateFormats } from '../domain/ledger-row';
import { WRITE_TRIES } from '../domain/concurrency';
import { fillDateText, readFillDate } from '../domain/ledger-template';
import type { ColumnMap, RawRecord } from '../domain/ledger-row';
import { parseSettings } from '../domain/settings';
import type { Settings } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

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
function ledgerFromGrid(sheet: Sheet, district: string, grid: unknown[][]): Ledger {
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

/** A district tab as the credit-code pass found it: its sheet and last filled row, so later reads of it need neither again. */
interface HeldTab {
  readonly sheet: Sheet;
  readonly last: number;
}

/**
 * Column E of every district tab, one read each, for the uniqueness of credit codes across tabs (contract §2), with
 * each tab's sheet and last row kept for the reads that follow. Per tab: getSheetByName (a missing tab is skipped),
 * getLastRow (only filled rows are read), the column. The number of calls depends on the number of districts, not
 * on the number of rows. `known`: a tab already read whole, indexed from memory.
 */
function readCodeColumns(
  ss: Spreadsheet,
  settings: Settings,
  known?: { readonly district: string; readonly rows: readonly { readonly row: number; readonly cells: readonly unknown[] }[] },
): { index: CodeIndex; tabs: Map<string, HeldTab> } {
  const index: CodeIndex = new Map();
  const tabs = new Map<string, HeldTab>();
  const column = TEMPLATE_COLUMNS.creditCode + 1;
  for (const { district } of settings.districts) {
    // A tab the caller already read whole gives its column E from memory, not from a second read.
    if (known && known.district === district) {
      for (const r of known.rows) indexCodes(index, district, r.row, [r.cells[TEMPLATE_COLUMNS.creditCode]]);
      continue;
    }
    const sheet = ss.getSheetByName(district);
    if (!sheet) continue;
    const last = sheet.getLastRow();
    tabs.set(district, { sheet, last });
    if (last < FIRST_DATA_ROW) continue;
    indexCodes(index, district, FIRST_DATA_ROW, sheet.getRange(FIRST_DATA_ROW, column, last - FIRST_DATA_ROW + 1, 1).getValues().map((r) => r[0]));
  }
  return { index, tabs };
}

export function readCodeIndex(ss: Spreadsheet, settings: Settings, known?: Parameters<typeof readCodeColumns>[2]): CodeIndex {
  return readCodeColumns(ss, settings, known).index;
}

/** Rows 1–4 of a held tab (the column check, 填表时间) as a Ledger without rows: one read. Throws when the header no longer matches. */
export function readLedgerHead(sheet: Sheet, district: string): Ledger {
  return ledgerFromGrid(sheet, district, sheet.getRange(1, 1, FIRST_DATA_ROW - 1, COLUMN_COUNT).getValues());
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

/** What a writer decides on the row as read right before writing: cells to write at once, or an answer without writing. */
type RowPlan<T> = { readonly write: unknown[]; readonly answer: T } | { readonly keep: T };

/** Rows added at once when an append finds a tab's grid full (a ledger or a record tab), so the appends after it find rows ready. */
export const GROW_ROWS = 100;

/**
 * Rows past the grid, given the template's number formats with one read and one write: where the template has none
 * (序号, 职工人数) the platform's own name for the automatic format, as the new rows read back, is kept. Whether
 * rows added past the grid inherit formats is undocumented, so they are set. Returns the formats of `row`.
 */
function growGrid(ledger: Ledger, max: number, row: number): string[] {
  const sheet = ledger.sheet;
  const count = Math.max(row - max, GROW_ROWS);
  sheet.insertRowsAfter(max, count);
  const block = sheet.getRange(max + 1, 1, count, COLUMN_COUNT);
  const template = templateFormats(ledger.columns);
  const formats = block.getNumberFormats().map((r) => r.map((f, c) => template[c] ?? f));
  block.setNumberFormats(formats);
  return formats[row - max - 1] ?? [];
}

/**
 * The one writer of a ledger row. Right before writing, the row is read (its number formats, then A–X) and `plan`
 * decides on it with no service call in between: the cells to write (the row still holds the expected credit code,
 * or is still blank for an append), an answer to give without writing, or null when the row is not the expected
 * one (users' inserts, deletes and sorts are not serialised with scripts): nothing is written and the caller finds
 * the row again. `plan` gets the row's formats as they are now (a row pasted by hand may no longer be '@').
 * `append`: the row may lie just past the grid, which then grows by GROW_ROWS.
 */
export function writeLedgerRow<T>(
  ledger: Ledger,
  row: number,
  plan: (cells: unknown[], formats: string[]) => RowPlan<T> | null,
  today: Day,
  append = false,
): T | null {
  const sheet = ledger.sheet;
  let grown: string[] | null = null;
  if (append) {
    const max = sheet.getMaxRows();
    if (row > max) grown = growGrid(ledger, max, row);
  }
  let range: Range;
  try {
    range = sheet.getRange(row, 1, 1, COLUMN_COUNT);
  } catch {
    return null; // rows deleted since the row was found left it past the grid: it is found again
  }
  const formats = grown ?? range.getNumberFormats()[0] ?? [];
  const decided = plan(range.getValues()[0] ?? [], formats);
  if (!decided) return null;
  if ('keep' in decided) return decided.keep;
  range.setValues([decided.write.slice(0, COLUMN_COUNT)]);
  touchFillDate(sheet, ledger.head[1] ?? [], today);
  range.activate();
  return decided.answer;
}

/** Where column E says an enterprise is now (tab, its sheet, row), from one read of each tab's column. */
export function findEnterprisePlace(ss: Spreadsheet, settings: Settings, code: string): { district: string; sheet: Sheet; row: number } | null {
  const { index, tabs } = readCodeColumns(ss, settings);
  const at = index.get(code)?.[0];
  const held = at ? tabs.get(at.tab) : undefined;
  return at && held ? { district: at.tab, sheet: held.sheet, row: at.row } : null;
}

/**
 * The enterprise of a credit code: column E of each district tab, then only its tab's head and its row. The row
 * must still hold the code when read (a sort between the two reads moves it); otherwise column E is read again, up
 * to WRITE_TRIES times. Null when no tab holds the code.
 */
export function locateEnterprise(ss: Spreadsheet, settings: Settings, code: string): { ledger: Ledger; row: LedgerRow } | null {
  if (code === '') return null;
  for (let tries = 0; tries < WRITE_TRIES; tries++) {
    const place = findEnterprisePlace(ss, settings, code);
    if (!place) return null;
    const ledger = readLedgerHead(place.sheet, place.district);
    const cells = place.sheet.getRange(place.row, 1, 1, COLUMN_COUNT).getValues()[0] ?? [];
    const record = rowToPayload(cells, ledger.columns);
    if (record.payload.creditCode === code) return { ledger, row: { row: place.row, cells, record } };
  }
  return null;
}

/**
 * Where an added enterprise goes and its 序号, without reading the tab: column E of every tab (a code registered
 * anywhere is `duplicate`, contract §2), then the target's head (column check, 填表时间), the row below everything
 * the tab holds now (any column: its last row from the same pass), and the largest 序号 of column A.
 * Null when the target tab is missing.
 */
export function readAppendTarget(
  ss: Spreadsheet,
  settings: Settings,
  district: string,
  code: string,
): { duplicate: { tab: string; row: number } } | { ledger: Ledger; row: number; serial: number } | null {
  const { index, tabs } = readCodeColumns(ss, settings);
  const existing = index.get(code)?.[0];
  if (existing) return { duplicate: existing };
  const held = tabs.get(district) ?? heldTab(ss, district);
  if (!held) return null;
  const { sheet, last } = held;
  const ledger = readLedgerHead(sheet, district);
  let serial = 0;
  if (last >= FIRST_DATA_ROW) {
    for (const [v] of sheet.getRange(FIRST_DATA_ROW, ledger.columns.serial + 1, last - FIRST_DATA_ROW + 1, 1).getValues()) {
      const n = typeof v === 'number' ? v : /^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : 0;
      if (Number.isInteger(n) && n > serial) serial = n;
    }
  }
  return { ledger, row: Math.max(last + 1, FIRST_DATA_ROW), serial: serial + 1 };
}

/** A tab the pass did not hold (a district 配置 no longer lists): looked up on its own. */
function heldTab(ss: Spreadsheet, district: string): HeldTab | null {
  const sheet = ss.getSheetByName(district);
  return sheet ? { sheet, last: sheet.getLastRow() } : null;
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
