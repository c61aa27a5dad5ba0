// A1 notation: column letters, cell and area references (optionally sheet-qualified), boxes and their A1 text.
import { EmulatorError } from '../kernel/errors';

/** A rectangle of cells, 1-based. */
export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function boxA1(box: Box): string {
  const start = cellA1(box.row, box.col);
  if (box.rows === 1 && box.cols === 1) return start;
  return `${start}:${cellA1(box.row + box.rows - 1, box.col + box.cols - 1)}`;
}

/** One end of an A1 area; a missing row or column means "the whole column / row" (A:A, 3:3). */
interface End {
  row: number | null;
  col: number | null;
}

const END = /^\$?([A-Z]*)\$?(\d*)$/i;

function parseEnd(text: string): End | null {
  const m = END.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row };
}

/** Splits 'Tab!A1:B2' / "'My tab'!A1" into the sheet name (or null) and the area. */
export function splitSheet(a1: string): { sheet: string | null; area: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, area: a1 };
  let name = a1.slice(0, bang).trim();
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheet: name, area: a1.slice(bang + 1) };
}

/** The area of an A1 string clipped to the grid (whole columns/rows span it); null when it is not A1. */
export function parseArea(area: string, maxRows: number, maxCols: number): Box | null {
  const parts = area.split(':');
  if (parts.length > 2) return null;
  const a = parseEnd(parts[0]!);
  const b = parts.length === 2 ? parseEnd(parts[1]!) : a;
  if (!a || !b) return null;
  // A lone end must be a cell; 'A:B' and '2:5' must be whole columns / rows on both sides.
  if (parts.length === 1 && (a.row === null || a.col === null)) return null;
  if ((a.row === null) !== (b.row === null) && (a.col === null) !== (b.col === null)) return null;
  const r1 = a.row ?? 1, r2 = b.row ?? maxRows;
  const c1 = a.col ?? 1, c2 = b.col ?? maxCols;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

/** A cell or a cell-to-cell area ('C5', 'C5:D7'), as the user drivers take it; anything else is a test's mistake. */
export function cellArea(a1: string): Box {
  const parts = a1.split(':');
  const box = parts.length <= 2 && parts.every((p) => { const e = parseEnd(p); return e && e.row !== null && e.col !== null; })
    ? parseArea(a1, 1, 1) : null;
  if (!box) throw new EmulatorError(`emulator: not a cell reference: ${a1}`);
  return box;
}

export function sameBox(a: Box, b: Box): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

export function intersects(a: Box, b: Box): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.row >= outer.row && inner.col >= outer.col
    && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;
}

export function containsCell(box: Box, row: number, col: number): boolean {
  return row >= box.row && row < box.row + box.rows && col >= box.col && col < box.col + box.cols;
}
