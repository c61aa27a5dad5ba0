// Reading 操作日志 narrowly: its header, one column, then only the blocks of rows a caller asks for.
import { LOG_HEADERS, TAB } from '../domain/contract';
import { LOG_INDEX_HEADERS, LOG_INDEX_TAB, parseLogIndex } from '../domain/dossier';
import type { LogIndex } from '../domain/dossier';
import { TEXT_FORMAT } from '../domain/ledger-row';
import { isRecordTab } from '../domain/record-tab';
import { openRecordTab } from './office-store';
import type { Appended } from './log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface LogTable {
  /** Rows below the header (row 2 is index 0). */
  length: number;
  /** The cells of one column below the header from row `from` (0-based), by its 0-based index in LOG_HEADERS. */
  column(index: number, from?: number): unknown[];
  /** Whole rows of the blocks (0-based from row 2), in the blocks' order. */
  rows(blocks: readonly { start: number; count: number }[]): unknown[][][];
}

/**
 * null when the tab does not exist yet. The log's one writer (./log) keeps its columns as LOG_HEADERS, so the
 * header is not read: at 50,000 lines every call counts.
 */
export function openLogTable(ss: Spreadsheet): LogTable | null {
  const sheet = ss.getSheetByName(TAB.log);
  if (!sheet) return null;
  const length = Math.max(sheet.getLastRow() - 1, 0);
  const width = LOG_HEADERS.length;
  return {
    length,
    column: (index, from = 0) => (length <= from ? [] : sheet.getRange(2 + from, index + 1, length - from, 1).getValues().map((r) => r[0])),
    rows: (blocks) => blocks.map((b) => sheet.getRange(2 + b.start, 1, b.count, width).getValues()),
  };
}

/**
 * 操作日志 as it is right after this execution's own append (./log): its length and the appended lines are known, so
 * only the rows above them are read, and only when a caller asks for a column of them.
 */
export function logTableAfterAppend(appended: Appended): LogTable {
  const { sheet, start, rows: written } = appended;
  const before = Math.max(start - 2, 0);
  const width = LOG_HEADERS.length;
  const above = (from: number, to: number, col: number, cols: number): unknown[][] =>
    to <= from ? [] : sheet.getRange(2 + from, col, to - from, cols).getValues();
  const mine = (from: number, to: number): unknown[][] => written.slice(Math.max(from - before, 0), Math.max(to - before, 0)).map((r) => [...r]);
  return {
    length: before + written.length,
    column: (index, from = 0) => [...above(from, before, index + 1, 1).map((r) => r[0]), ...mine(from, before + written.length).map((r) => r[index])],
    rows: (blocks) => blocks.map((b) => [...above(b.start, Math.min(b.start + b.count, before), 1, width), ...mine(b.start, b.start + b.count)]),
  };
}

/** 档案索引 read with one getValues; null when the tab is missing (setup makes it) or its header lost a column. */
export function readLogIndex(ss: Spreadsheet): LogIndex | null {
  const { sheet, tab } = openRecordTab(ss, LOG_INDEX_TAB, LOG_INDEX_HEADERS);
  if (!sheet) return null;
  if (tab === null) return { through: 0, at: -1, last: '', rows: new Map() };
  return isRecordTab(tab) ? parseLogIndex(tab.rows.map((r) => r.cells)) : null;
}

/** The whole index rewritten below its header in one write (as text), rows left over from a rebuild cleared. */
export function writeLogIndex(ss: Spreadsheet, rows: readonly string[][]): void {
  const sheet = ss.getSheetByName(LOG_INDEX_TAB);
  if (!sheet) return;
  const extra = rows.length + 1 - sheet.getMaxRows();
  if (extra > 0) sheet.insertRowsAfter(sheet.getMaxRows(), extra);
  const left = sheet.getLastRow() - rows.length - 1;
  if (left > 0) sheet.getRange(rows.length + 2, 1, left, 2).clearContent();
  sheet.getRange(2, 1, rows.length, 2).setNumberFormat(TEXT_FORMAT).setValues(rows.map((r) => [...r]));
}
