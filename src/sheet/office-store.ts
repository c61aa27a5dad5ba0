// Where the office's decisions live: approved records in document properties, and the record tabs (延期申请, 验收记录, 销号存档).
import { documentProperties, readDocumentProperties } from './props';
import { GROW_ROWS } from './ledger';
import type { ApprovedMap } from '../domain/approval';
import { approvedWrites, readApproved } from '../domain/approval';
import { TEXT_FORMAT } from '../domain/ledger-row';
import type { RecordTab } from '../domain/record-tab';
import { readRecordTab } from '../domain/record-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One getProperties for the whole store, or the snapshot the execution already read. */
export function loadApproved(props: Readonly<Record<string, string>> = readDocumentProperties()): ApprovedMap {
  return readApproved(props);
}

/** One setProperties for the buckets of `codes`; callers hold the document lock (read, change, write). */
export function saveApproved(all: ApprovedMap, codes: Iterable<string>): void {
  const writes = approvedWrites(all, codes);
  if (Object.keys(writes).length > 0) documentProperties().setProperties(writes);
}

export interface OpenTab<H extends string> {
  readonly sheet: Sheet | null;
  /** null when the tab is missing or empty; `missing` when its header lost a column. */
  readonly tab: RecordTab<H> | { missing: H[] } | null;
}

/** The tab read with one getValues. */
export function openRecordTab<H extends string>(ss: Spreadsheet, name: string, headers: readonly H[]): OpenTab<H> {
  const sheet = ss.getSheetByName(name);
  return { sheet, tab: sheet && sheet.getLastRow() > 0 ? readRecordTab(sheet.getDataRange().getValues(), headers) : null };
}

/** The tab's header row alone (for an append: the tab may be long), and its last row: four calls, the cells of row 1. */
export function openRecordHead<H extends string>(ss: Spreadsheet, name: string, headers: readonly H[]): OpenTab<H> & { readonly lastRow: number } {
  const sheet = ss.getSheetByName(name);
  const lastRow = sheet ? sheet.getLastRow() : 0;
  const tab = sheet && lastRow > 0 ? readRecordTab(sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues(), headers) : null;
  return { sheet, tab, lastRow };
}

export function hideTab(ss: Spreadsheet, name: string): void {
  const sheet = ss.getSheetByName(name);
  if (sheet && !sheet.isSheetHidden()) sheet.hideSheet();
}

/** Rows of text appended in one write, into plain-text cells so user text stays literal. `lastRow`: as just read. */
export function appendTextRows(sheet: Sheet, rows: readonly string[][], lastRow: number = sheet.getLastRow()): number {
  const start = Math.max(lastRow, 1) + 1;
  const max = sheet.getMaxRows();
  const spare = max - start + 1;
  // Grown by a block, as the ledger's grid is: a full tab (销号存档 takes a line per office edit of a closed row) does not pay two calls per append.
  if (spare < rows.length) sheet.insertRowsAfter(max, Math.max(rows.length - spare, GROW_ROWS));
  sheet.getRange(start, 1, rows.length, rows[0]!.length).setNumberFormat(TEXT_FORMAT).setValues(rows.map((r) => [...r]));
  return start;
}

/** One row rewritten in place. */
function writeTextRow(sheet: Sheet, row: number, cells: readonly string[]): void {
  sheet.getRange(row, 1, 1, cells.length).setNumberFormat(TEXT_FORMAT).setValues([[...cells]]);
}

/**
 * A record's row rewritten where it is right before writing (the office may sort or insert rows in the tab meanwhile):
 * the row read earlier while it still `holds` the record, else the row below the header that does now (one more read);
 * null, nothing written, when none does.
 */
export function rewriteRecordRow(sheet: Sheet, row: number, cells: readonly string[], holds: (cells: readonly unknown[]) => boolean): number | null {
  const last = sheet.getLastRow();
  let at: number | null = row <= last && holds(sheet.getRange(row, 1, 1, cells.length).getValues()[0] ?? []) ? row : null;
  if (at === null && last >= 2) {
    const found = sheet.getRange(2, 1, last - 1, cells.length).getValues().findIndex(holds);
    at = found < 0 ? null : found + 2;
  }
  if (at !== null) writeTextRow(sheet, at, cells);
  return at;
}

/** Some cells of one row (0-based columns → values), one setValues per run of adjacent columns. */
export function writeCells(sheet: Sheet, row: number, cells: ReadonlyMap<number, unknown>): void {
  const cols = [...cells.keys()].sort((a, b) => a - b);
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j += 1;
    sheet.getRange(row, cols[i]! + 1, 1, j - i + 1).setValues([cols.slice(i, j + 1).map((c) => cells.get(c))]);
    i = j + 1;
  }
}

/** A failed acceptance waiting for the district's next reminder (contract §10). */
interface Notice {
  readonly name: string;
  readonly date: string;
  readonly opinion: string;
}

const NOTICE_PREFIX = 'acceptNotice:';

export function addNotice(district: string, notice: Notice): void {
  const props = documentProperties();
  const key = `${NOTICE_PREFIX}${district}`;
  const list = JSON.parse(props.getProperty(key) ?? '[]') as Notice[];
  // The newest 20, each opinion cut short: one value stays far below the 9 KB limit.
  list.push({ ...notice, opinion: notice.opinion.slice(0, 200) });
  props.setProperty(key, JSON.stringify(list.slice(-20)));
}

/** Every district's waiting notices, from one getProperties (or the execution's snapshot). */
export function loadNotices(props: Readonly<Record<string, string>> = readDocumentProperties()): Map<string, Notice[]> {
  const out = new Map<string, Notice[]>();
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith(NOTICE_PREFIX)) out.set(k.slice(NOTICE_PREFIX.length), JSON.parse(v) as Notice[]);
  }
  return out;
}

/** Once the district's reminder went out it has been told. */
export function clearNotices(district: string): void {
  documentProperties().deleteProperty(`${NOTICE_PREFIX}${district}`);
}
