// Value semantics of a cell: what getValue(s)/getDisplayValue(s) give and what setValue(s) stores (USER_ENTERED).
import { displayOf, isDateFormat } from './display';
import { evaluateFormula, FormulaError, type FormulaHost, type Scalar } from './formula';
import { NotImplemented } from '../kernel/errors';
import { isDate } from '../kernel/realm';
import { dateToSerial, serialToDate } from './serial';
import type { SheetModel, Stored } from './sheet-model';
import { withStyle } from './style';
import { DEFAULT_DATE_FORMAT, DEFAULT_DATE_TIME_FORMAT, parseUserEntered, type Entered } from './user-entered';

/** What the cell functions need from the spreadsheet. */
export interface Book {
  readonly timeZone: string;
  formulaHost(sheet: SheetModel): FormulaHost;
}

export function numberFormatAt(sheet: SheetModel, r: number, c: number): string | null {
  return sheet.style(r, c)?.numberFormat ?? null;
}

const MAX_DEPTH = 64;
let depth = 0;

/** A formula cell's result as the evaluator sees values (dates as serials, blank null). */
export function computed(sheet: SheetModel, r: number, c: number, book: Book): Scalar {
  const f = sheet.formula(r, c);
  if (f === undefined) return sheet.stored(r, c) ?? null;
  if (depth > MAX_DEPTH) throw new NotImplemented('formula: circular or too deep references');
  depth++;
  try {
    return evaluateFormula(f, book.formulaHost(sheet), { row: r, col: c });
  } finally {
    depth--;
  }
}

/** getValue: '' for blank, a Date for a number under a date format, an error cell's code as text. */
export function scriptValue(sheet: SheetModel, r: number, c: number, book: Book): unknown {
  const v = computed(sheet, r, c, book);
  if (v === null) return '';
  if (v instanceof FormulaError) return v.code;
  if (typeof v === 'number' && isDateFormat(numberFormatAt(sheet, r, c))) return serialToDate(v, book.timeZone);
  return v;
}

export function displayValue(sheet: SheetModel, r: number, c: number, book: Book): string {
  const v = computed(sheet, r, c, book);
  if (v === null) return '';
  if (v instanceof FormulaError) return v.code;
  return displayOf(v, numberFormatAt(sheet, r, c));
}

/** Stores a parsed entry; a date or percentage also sets the number format when the cell's is automatic. */
export function writeEntered(sheet: SheetModel, r: number, c: number, e: Entered): void {
  if (e.kind === 'blank') return sheet.put(r, c, undefined);
  if (e.kind === 'formula') return sheet.put(r, c, undefined, e.formula);
  sheet.put(r, c, e.value as Stored);
  if (e.kind === 'number' && e.autoFormat) {
    const current = numberFormatAt(sheet, r, c);
    if (current === null || (isDateFormat(e.autoFormat) && !isDateFormat(current))) {
      sheet.setSparse(r, c, 's', withStyle(sheet.style(r, c), 'numberFormat', e.autoFormat));
    }
  }
}

/** What setValue(s) makes of a script value (strings go through the USER_ENTERED parser). */
export function enteredOf(v: unknown, sheet: SheetModel, r: number, c: number, book: Book): Entered {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'string') return parseUserEntered(v, numberFormatAt(sheet, r, c));
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'text', value: '#NUM!' };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (isDate(v)) {
    const serial = dateToSerial(v, book.timeZone);
    if (Number.isNaN(serial)) return { kind: 'blank' };
    return { kind: 'number', value: serial, autoFormat: Number.isInteger(serial) ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT };
  }
  throw new NotImplemented(`Range.setValue(${Array.isArray(v) ? 'array' : typeof v})`);
}

export function writeScriptValue(sheet: SheetModel, r: number, c: number, v: unknown, book: Book): void {
  writeEntered(sheet, r, c, enteredOf(v, sheet, r, c, book));
}

/** Sheets' per-cell limit (public error text, seen from Apps Script and the Sheets API alike). */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

/** Throws before anything is written when one of the values would not fit in a cell. */
export function checkCellLengths(values: readonly unknown[]): void {
  if (values.some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS)) throw new Error(CELL_TOO_LONG);
}

