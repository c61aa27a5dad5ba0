// An edit event as data (which spreadsheet, tab and block was edited, the old and new value, by whom), and the edited rows confirmed right before writing.
import { COLUMN_COUNT, FIRST_DATA_ROW } from '../domain/contract';
import { WRITE_TRIES } from '../domain/concurrency';
import { normaliseCreditCode } from '../domain/credit-code';
import { cellDisplay } from '../domain/edit-check';
import type { Block } from '../domain/grid';
import { activeUserEmail } from './session';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

export interface SheetEdit {
  readonly ss: Spreadsheet;
  readonly sheet: Sheet;
  readonly tab: string;
  readonly block: Block;
  readonly single: boolean;
  /** As Sheets gives them: only for a single-cell edit. */
  readonly oldValue: unknown;
  readonly value: unknown;
  /** The edited block in A1 notation (one call, so only when a log line needs it). */
  a1(): string;
}

export function readEdit(e: EditEvent): SheetEdit {
  const range = e.range;
  const sheet = range.getSheet();
  const block: Block = { row: range.getRow(), column: range.getColumn(), rows: range.getNumRows(), columns: range.getNumColumns() };
  return {
    ss: e.source ?? sheet.getParent(),
    sheet,
    tab: sheet.getName(),
    block,
    single: block.rows === 1 && block.columns === 1,
    oldValue: e.oldValue,
    value: e.value,
    a1: () => range.getA1Notation(),
  };
}

/**
 * The editor's address lower-cased, or '' when Sheets hides it (the caller stamps 未知账号). Only the installable
 * trigger asks: the simple one runs LIMITED, without the account. A throw (a missing scope) is not swallowed.
 */
export function editorOf(e: EditEvent): string {
  const email = e.user ? (e.user.getEmail() || '').trim().toLowerCase() : '';
  return email || activeUserEmail();
}

/** A row as the execution read it (A–X), and where it was. */
export interface ReadRow {
  readonly row: number;
  readonly cells: readonly unknown[];
}

const codeIn = (cells: readonly unknown[], codeCol: number): string => normaliseCreditCode(cellDisplay(cells[codeCol]));

/**
 * Right before writing, where each row read earlier in this execution is now (users' inserts, deletes and sorts are
 * not serialised with scripts). The rows are read again (A–X, one call for the block); a row with a credit code must
 * still hold that code, else it is looked for in the code column and confirmed there, up to WRITE_TRIES times while
 * rows keep moving; a row without one has only its place, so it must still hold what was read (columns in `free`,
 * such as the stamps, aside). null: not found, nothing may be written for that row.
 */
export function confirmRows(sheet: Sheet, read: readonly ReadRow[], codeCol: number, free: ReadonlySet<number>): (number | null)[] {
  return confirmBlock(sheet, read, codeCol, free).at;
}

/**
 * confirmRows, and the range of its first look when every row was confirmed there (the rows are where they were
 * read, adjacent): the caller syncs their notes through it without another getRange.
 */
export function confirmBlock(sheet: Sheet, read: readonly ReadRow[], codeCol: number, free: ReadonlySet<number>): { at: (number | null)[]; range: Range | null } {
  const same = (now: readonly unknown[], was: readonly unknown[]): boolean => {
    const code = codeIn(was, codeCol);
    if (code !== '') return codeIn(now, codeCol) === code;
    for (let c = 0; c < COLUMN_COUNT; c += 1) if (!free.has(c) && cellDisplay(now[c]) !== cellDisplay(was[c])) return false;
    return true;
  };
  const at: (number | null)[] = read.map((r) => r.row);
  const done = read.map(() => false);
  let first: Range | null = null;
  for (let t = 0; t < WRITE_TRIES; t += 1) {
    const open = read.flatMap((_, i) => (at[i] !== null && !done[i] ? [i] : []));
    if (open.length === 0) break;
    // The first look is the block as it was read: one call; later looks are single rows found again.
    const inPlace = t === 0 && open.every((i, k) => at[i] === at[open[0]!]! + k);
    if (inPlace) first = sheet.getRange(at[open[0]!]!, 1, open.length, COLUMN_COUNT);
    const now = inPlace && first
      ? first.getValues()
      : open.map((i) => sheet.getRange(at[i]!, 1, 1, COLUMN_COUNT).getValues()[0] ?? []);
    let codes: string[] | null = null;
    open.forEach((i, k) => {
      if (same(now[k] ?? [], read[i]!.cells)) {
        done[i] = true;
        return;
      }
      const code = codeIn(read[i]!.cells, codeCol);
      if (code === '') {
        at[i] = null;
        return;
      }
      if (codes === null) {
        const last = sheet.getLastRow();
        codes = last < FIRST_DATA_ROW ? [] : sheet.getRange(FIRST_DATA_ROW, codeCol + 1, last - FIRST_DATA_ROW + 1, 1).getValues().map(([v]) => normaliseCreditCode(cellDisplay(v)));
      }
      const found = codes.indexOf(code);
      at[i] = found < 0 ? null : found + FIRST_DATA_ROW;
    });
  }
  const confirmed = at.map((row, i) => (done[i] ? row : null));
  const still = first !== null && confirmed.every((row, i) => row === read[i]!.row);
  return { at: confirmed, range: still ? first : null };
}

/** The data rows whose cell in `column` (1-based) `holds`: one read of that column. */
export function rowsHolding(sheet: Sheet, column: number, holds: (cell: unknown) => boolean): number[] {
  const last = sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return [];
  return sheet.getRange(FIRST_DATA_ROW, column, last - FIRST_DATA_ROW + 1, 1).getValues().flatMap(([v], i) => (holds(v) ? [i + FIRST_DATA_ROW] : []));
}
