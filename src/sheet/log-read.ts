// Reading 操作日志 narrowly: its header, one column, then only the blocks of rows a caller asks for.
import { LOG_HEADERS, TAB } from '../domain/contract';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LogTable {
  /** Rows below the header (row 2 is index 0). */
  length: number;
  /** The cells of one column below the header, by its 0-based index in LOG_HEADERS. */
  column(index: number): unknown[];
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
    column: (index) => (length === 0 ? [] : sheet.getRange(2, index + 1, length, 1).getValues().map((r) => r[0])),
    rows: (blocks) => blocks.map((b) => sheet.getRange(2 + b.start, 1, b.count, width).getValues()),
  };
}
