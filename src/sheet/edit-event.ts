// An edit event as data: which spreadsheet, tab and block was edited, the old and new value, and (asked only when needed) by whom.
import type { Block } from '../domain/grid';
import { activeUserEmail } from './session';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
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
