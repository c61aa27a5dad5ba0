// 汇总: the recompute (refreshSummary), its menu item, and the debounced hook every ledger change calls.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property holding the instant (ms) of the last ledger change not yet in 汇总. */
export const DIRTY_KEY = 'summary.dirtySince';

/**
 * Called once at the end of every code path that changes ledger rows. Never throws: a failed summary must not
 * undo or hide a saved edit. First version: marks 汇总 stale; the throttled recompute follows.
 */
export function afterLedgerChange(_ss: Spreadsheet, now: Date = new Date()): void {
  try {
    const props = PropertiesService.getDocumentProperties();
    if (props.getProperty(DIRTY_KEY) === null) props.setProperty(DIRTY_KEY, String(now.getTime()));
  } catch (e) {
    console.error(`afterLedgerChange: ${e instanceof Error ? e.message : String(e)}`);
  }
}
