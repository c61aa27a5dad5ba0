// Where rows and columns move when some are inserted or deleted: for single positions and for boxes.
import type { Box } from './a1';

/** `count` rows (or columns) inserted so the first new one is `at`, or deleted starting at `at`. */
export interface Shift {
  axis: 'row' | 'col';
  kind: 'insert' | 'delete';
  at: number;
  count: number;
}

/** The new position of a row/column index, or null when it was deleted. */
export function shiftIndex(i: number, s: Shift): number | null {
  if (s.kind === 'insert') return i >= s.at ? i + s.count : i;
  if (i < s.at) return i;
  if (i >= s.at + s.count) return i - s.count;
  return null;
}

/** A box after the shift: inserting strictly inside grows it, deleting shrinks it; null when all of it is gone. */
export function shiftBox(box: Box, s: Shift): Box | null {
  const start = s.axis === 'row' ? box.row : box.col;
  const size = s.axis === 'row' ? box.rows : box.cols;
  const end = start + size - 1;
  let ns: number, ne: number;
  if (s.kind === 'insert') {
    ns = start >= s.at ? start + s.count : start;
    ne = end >= s.at ? end + s.count : end;
  } else {
    const last = s.at + s.count - 1;
    const kept = size - Math.max(0, Math.min(end, last) - Math.max(start, s.at) + 1);
    if (kept <= 0) return null;
    ns = start < s.at ? start : Math.max(s.at, start - s.count);
    ne = ns + kept - 1;
  }
  return s.axis === 'row' ? { ...box, row: ns, rows: ne - ns + 1 } : { ...box, col: ns, cols: ne - ns + 1 };
}
