// A1 notation for the user drivers: 'C5' or 'C5:D7' → 1-based row, column and size.

export interface CellBox { row: number; col: number; rows: number; cols: number }

function cell(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`emulator: not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function parseA1(a1: string): CellBox {
  const [from, to] = a1.split(':');
  const a = cell(from!);
  const b = to === undefined ? a : cell(to);
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function toA1(box: CellBox): string {
  const start = `${columnLetter(box.col)}${box.row}`;
  if (box.rows === 1 && box.cols === 1) return start;
  return `${start}:${columnLetter(box.col + box.cols - 1)}${box.row + box.rows - 1}`;
}
