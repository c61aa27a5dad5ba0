// Direct edits the edit trigger could not record because the lock stayed busy: kept by credit code in a document property for the next run.
import { FIRST_DATA_ROW } from '../domain/contract';
import { normaliseCreditCode } from '../domain/credit-code';
import { cellDisplay } from '../domain/edit-check';
import { TEMPLATE_COLUMNS } from '../domain/ledger-row';
import { documentProperties } from './props';

const KEY = 'pendingEdits';
/** One value stays far below the 9 KB property limit. */
const KEEP = 40;

export interface PendingEdit {
  readonly tab: string;
  /** The edited rows' credit codes as they were then ('' for a row without one: its row number is kept instead). */
  readonly rows: readonly { readonly code: string; readonly row: number }[];
  readonly range: string;
  readonly at: number;
  readonly by: string;
}

export function loadPending(): PendingEdit[] {
  try {
    return JSON.parse(documentProperties().getProperty(KEY) ?? '[]') as PendingEdit[];
  } catch {
    return [];
  }
}

export function addPending(edit: PendingEdit): void {
  documentProperties().setProperty(KEY, JSON.stringify([...loadPending(), edit].slice(-KEEP)));
}

export function clearPending(): void {
  documentProperties().deleteProperty(KEY);
}

/**
 * Stamps each row of a pending edit with its time and account, on the row that holds its credit code now (column E
 * read once) or, for a row that had none, the row it was; a row stamped later since keeps its newer stamp.
 */
export function stampPending(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, edit: PendingEdit): void {
  const sheet = ss.getSheetByName(edit.tab);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last < FIRST_DATA_ROW) return;
  const codes = sheet.getRange(FIRST_DATA_ROW, TEMPLATE_COLUMNS.creditCode + 1, last - FIRST_DATA_ROW + 1, 1).getValues().map(([v]) => normaliseCreditCode(cellDisplay(v)));
  for (const r of edit.rows) {
    const row = r.code === '' ? r.row : codes.indexOf(r.code) + FIRST_DATA_ROW;
    if (row < FIRST_DATA_ROW) continue;
    const stamp = sheet.getRange(row, TEMPLATE_COLUMNS.updatedAt + 1, 1, 2);
    const [now] = stamp.getValues()[0] ?? [];
    if (!(now instanceof Date) || now.getTime() < edit.at) stamp.setValues([[new Date(edit.at), edit.by]]);
  }
}
