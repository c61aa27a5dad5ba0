// Direct edits the edit trigger could not record because the lock stayed busy: kept by credit code in a document property for the next run.
import { documentProperties } from './props';

export const PENDING_KEY = 'pendingEdits';
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

/** `raw`: the property as the execution already read it (the daily job's snapshot); else one getProperty. */
export function loadPending(raw: string | null | undefined = documentProperties().getProperty(PENDING_KEY)): PendingEdit[] {
  try {
    return JSON.parse(raw ?? '[]') as PendingEdit[];
  } catch {
    return [];
  }
}

export function addPending(edit: PendingEdit): void {
  documentProperties().setProperty(PENDING_KEY, JSON.stringify([...loadPending(), edit].slice(-KEEP)));
}

export function clearPending(): void {
  documentProperties().deleteProperty(PENDING_KEY);
}
