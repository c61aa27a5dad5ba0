// The grid vocabulary every rule shares: a block of cells, column letters, A1 notation, header text and cell text.
import { dayOf } from './calendar-day';

/** A block of cells, 1-based, as Apps Script's getRange(row, column, rows, columns) takes it. */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A = 0, Z = 25, AA = 26. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The inverse of columnLetter: 'A' = 0, 'AA' = 26. */
export const columnIndex = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** 'R5' for one cell, 'A5:X7' for more: what the Sheets name box shows. */
export function a1(b: Block): string {
  const start = `${columnLetter(b.column - 1)}${b.row}`;
  if (b.rows === 1 && b.columns === 1) return start;
  return rangeA1(b);
}

/** Always 'start:end', even for one cell ('R5:R5'): the form 操作日志 records a block in. */
export const rangeA1 = (b: Block): string =>
  `${columnLetter(b.column - 1)}${b.row}:${columnLetter(b.column + b.columns - 2)}${b.row + b.rows - 1}`;

/** Wrapped header cells may hold line breaks or stray spaces; those do not make a header different. */
export const headerText = (v: unknown): string => (v == null ? '' : String(v).replace(/\s+/g, ''));

/** A cell as people read it: trimmed text, a date cell as its Shanghai day, blank for nothing or an invalid date. */
export function cellText(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dayOf(v);
  if (v === null || v === undefined) return '';
  return String(v).trim();
}
