// One tab's storage: rows of cell values with sparse formulas, notes, styles and validation rules, plus tab settings.
import { boxA1, type Box } from './a1';
import { displayValue, scriptValue, type Book } from './cell-values';
import type { ChartData } from './chart-data';
import type { CfRuleData } from './cf-data';
import type { Shift } from './shift';
import type { Style } from './style';
import type { StoredRule } from './validation-rule';

export type Stored = string | number | boolean;

/** One row; arrays are indexed by column - 1 and may be shorter than the sheet (missing = blank / none). */
export class Row {
  v: (Stored | undefined)[] = [];
  f?: (string | undefined)[];
  n?: (string | undefined)[];
  s?: (Style | undefined)[];
  dv?: (StoredRule | undefined)[];

  /** An empty row carrying this row's styles and validations (what Sheets gives rows inserted next to it). */
  formatsOnly(): Row | undefined {
    if (!this.s && !this.dv) return undefined;
    const r = new Row();
    if (this.s) r.s = this.s.slice();
    if (this.dv) r.dv = this.dv.slice();
    return r;
  }

  hasContent(): boolean {
    return this.v.some((x) => x !== undefined) || (this.f?.some((x) => x !== undefined) ?? false);
  }

  lastContentCol(): number {
    let last = 0;
    for (let c = this.v.length; c > last; c--) if (this.v[c - 1] !== undefined) { last = c; break; }
    if (this.f) for (let c = this.f.length; c > last; c--) if (this.f[c - 1] !== undefined) { last = c; break; }
    return last;
  }
}

type Sparse = 'f' | 'n' | 's' | 'dv';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export class SheetModel {
  rows: (Row | undefined)[] = [];
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLS;
  colWidths: (number | undefined)[] = [];
  rowHeights: (number | undefined)[] = [];
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  hidden = false;
  merges: Box[] = [];
  cfRules: CfRuleData[] = [];
  charts: ChartData[] = [];
  /** Bumped on every content change (values, formulas, rows), so getLastRow/Column can be cached. */
  version = 0;
  #extent: { version: number; rows: number; cols: number } | null = null;

  constructor(public name: string, readonly id: number, readonly book: Book) {}

  // ---- host view for tests and the preview (uncounted) ----

  /** getValue's answer: '' blank, Date for date cells, a formula's result. */
  valueAt(r: number, c: number): unknown {
    return scriptValue(this, r, c, this.book);
  }
  displayAt(r: number, c: number): string {
    return displayValue(this, r, c, this.book);
  }
  formulaAt(r: number, c: number): string {
    return this.formula(r, c) ?? '';
  }
  noteAt(r: number, c: number): string {
    return this.note(r, c) ?? '';
  }
  backgroundAt(r: number, c: number): string {
    return this.style(r, c)?.background ?? '#ffffff';
  }
  numberFormatAt(r: number, c: number): string | null {
    return this.style(r, c)?.numberFormat ?? null;
  }
  validationAt(r: number, c: number): StoredRule | null {
    return this.rule(r, c) ?? null;
  }
  mergesOf(): string[] {
    return this.merges.map(boxA1);
  }

  row(r: number): Row | undefined {
    return this.rows[r - 1];
  }

  rowFor(r: number): Row {
    let row = this.rows[r - 1];
    if (!row) this.rows[r - 1] = row = new Row();
    return row;
  }

  // ---- cells ----

  stored(r: number, c: number): Stored | undefined {
    return this.rows[r - 1]?.v[c - 1];
  }
  formula(r: number, c: number): string | undefined {
    return this.rows[r - 1]?.f?.[c - 1];
  }
  note(r: number, c: number): string | undefined {
    return this.rows[r - 1]?.n?.[c - 1];
  }
  style(r: number, c: number): Style | undefined {
    return this.rows[r - 1]?.s?.[c - 1];
  }
  rule(r: number, c: number): StoredRule | undefined {
    return this.rows[r - 1]?.dv?.[c - 1];
  }

  /** Writes one cell's content: a value or a formula (the other is cleared). */
  put(r: number, c: number, value: Stored | undefined, formula?: string): void {
    const existing = this.rows[r - 1];
    if (!existing && value === undefined && formula === undefined) return;
    const row = existing ?? this.rowFor(r);
    row.v[c - 1] = value;
    if (formula !== undefined) (row.f ??= [])[c - 1] = formula;
    else if (row.f) row.f[c - 1] = undefined;
    this.version++;
  }

  setSparse<K extends Sparse>(r: number, c: number, key: K, value: NonNullable<Row[K]>[number]): void {
    const existing = this.rows[r - 1];
    if (!existing && value === undefined) return;
    const row = existing ?? this.rowFor(r);
    const arr = (row[key] ??= []) as unknown[];
    arr[c - 1] = value;
  }

  forEachCell(box: Box, fn: (r: number, c: number) => void): void {
    for (let r = box.row; r < box.row + box.rows; r++) for (let c = box.col; c < box.col + box.cols; c++) fn(r, c);
  }

  // ---- extent ----

  #computeExtent(): { rows: number; cols: number } {
    if (this.#extent && this.#extent.version === this.version) return this.#extent;
    let rows = 0, cols = 0;
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (!row) continue;
      const last = row.lastContentCol();
      if (last > 0 && rows === 0) rows = r;
      if (last > cols) cols = last;
    }
    this.#extent = { version: this.version, rows, cols };
    return this.#extent;
  }

  lastRow(): number {
    return this.#computeExtent().rows;
  }
  lastColumn(): number {
    return this.#computeExtent().cols;
  }

  // ---- structure ----

  /** Moves the stored rows/columns; merges, rules and references are moved by the SpreadsheetModel. */
  applyShift(s: Shift): void {
    this.version++;
    if (s.axis === 'row') {
      if (s.kind === 'insert') {
        // rows added past the grid's last row start blank: whether they inherit is undocumented (the stricter reading)
        const inside = s.at <= this.maxRows;
        const template = inside ? this.rows[s.at - 2] ?? (s.at === 1 ? this.rows[0] : undefined) : undefined;
        if (this.rows.length < s.at - 1) this.rows.length = s.at - 1;
        const fresh = Array.from({ length: s.count }, () => template?.formatsOnly());
        this.rows.splice(s.at - 1, 0, ...fresh);
        if (this.rowHeights.length >= s.at - 1) this.rowHeights.splice(s.at - 1, 0, ...new Array<undefined>(s.count));
        this.maxRows += s.count;
      } else {
        this.rows.splice(s.at - 1, s.count);
        this.rowHeights.splice(s.at - 1, s.count);
        this.maxRows -= s.count;
      }
      return;
    }
    const spliceCols = (arr: unknown[] | undefined, keepFormat: boolean) => {
      if (!arr || arr.length < s.at - 1) return;
      if (s.kind === 'delete') arr.splice(s.at - 1, s.count);
      else arr.splice(s.at - 1, 0, ...new Array<unknown>(s.count).fill(keepFormat ? arr[s.at - 2] : undefined));
    };
    for (const row of this.rows) {
      if (!row) continue;
      spliceCols(row.v, false);
      spliceCols(row.f, false);
      spliceCols(row.n, false);
      spliceCols(row.s, true);
      spliceCols(row.dv, true);
    }
    spliceCols(this.colWidths, false);
    this.maxCols += s.kind === 'insert' ? s.count : -s.count;
  }
}
