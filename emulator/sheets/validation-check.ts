// Applying a data-validation rule to a cell's current content, as Sheets does when a user types or pastes.
import { cellA1 } from './a1';
import { displayValue, type Book, computed, numberFormatAt } from './cell-values';
import { isDateFormat } from './display';
import { evaluateFormula, FormulaError, isTruthy, type Scalar } from './formula';
import { NotImplemented } from '../kernel/errors';
import { isDate } from '../kernel/realm';
import { dateToSerial } from './serial';
import type { SheetModel } from './sheet-model';
import type { RangeRef, StoredRule } from './validation-rule';

export type CheckResult = { ok: true } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i;

export function rejectionMessage(stored: StoredRule, row: number, col: number): string {
  const text = stored.rule.helpText || `The data you entered in cell ${cellA1(row, col)} violates the data validation rules set on this cell.`;
  return `There was a problem — ${text}`;
}

function dayOf(v: unknown, zone: string): number {
  if (isDate(v)) return Math.floor(dateToSerial(v, zone));
  return Math.floor(Number(v));
}

function rangeTexts(ref: RangeRef, book: Book & { sheetByName(name: string): SheetModel | null }): Set<string> {
  const sheet = book.sheetByName(ref.sheet);
  const out = new Set<string>();
  if (!sheet) return out;
  sheet.forEachCell(ref.box, (r, c) => out.add(displayValue(sheet, r, c, book)));
  return out;
}

function passes(stored: StoredRule, sheet: SheetModel, row: number, col: number, value: Scalar, book: Book & { sheetByName(name: string): SheetModel | null }): boolean {
  const { type, values } = stored.rule;
  const text = () => displayValue(sheet, row, col, book);
  const isDate = typeof value === 'number' && isDateFormat(numberFormatAt(sheet, row, col));
  const n = typeof value === 'number' ? value : NaN;
  const v0 = values[0], v1 = values[1];
  const day = Math.floor(n);
  const zone = book.timeZone;
  switch (type) {
    case 'VALUE_IN_LIST': return (v0 as unknown[]).map(String).includes(text());
    case 'VALUE_IN_RANGE': return rangeTexts(v0 as RangeRef, book).has(text());
    case 'NUMBER_BETWEEN': return n >= Number(v0) && n <= Number(v1);
    case 'NUMBER_NOT_BETWEEN': return !Number.isNaN(n) && (n < Number(v0) || n > Number(v1));
    case 'NUMBER_EQUAL_TO': return n === Number(v0);
    case 'NUMBER_NOT_EQUAL_TO': return !Number.isNaN(n) && n !== Number(v0);
    case 'NUMBER_GREATER_THAN': return n > Number(v0);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return n >= Number(v0);
    case 'NUMBER_LESS_THAN': return n < Number(v0);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return n <= Number(v0);
    case 'DATE_IS_VALID_DATE': return isDate;
    case 'DATE_AFTER': return isDate && day > dayOf(v0, zone);
    case 'DATE_BEFORE': return isDate && day < dayOf(v0, zone);
    case 'DATE_ON_OR_AFTER': return isDate && day >= dayOf(v0, zone);
    case 'DATE_ON_OR_BEFORE': return isDate && day <= dayOf(v0, zone);
    case 'DATE_EQUAL_TO': return isDate && day === dayOf(v0, zone);
    case 'DATE_BETWEEN': return isDate && day >= dayOf(v0, zone) && day <= dayOf(v1, zone);
    case 'DATE_NOT_BETWEEN': return isDate && (day < dayOf(v0, zone) || day > dayOf(v1, zone));
    case 'TEXT_CONTAINS': return text().toLowerCase().includes(String(v0).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN': return !text().toLowerCase().includes(String(v0).toLowerCase());
    case 'TEXT_EQUAL_TO': return text().toLowerCase() === String(v0).toLowerCase();
    case 'TEXT_IS_VALID_EMAIL': return EMAIL.test(text());
    case 'TEXT_IS_VALID_URL': return URL_RE.test(text());
    case 'CHECKBOX':
      if (values.length === 0) return typeof value === 'boolean';
      return values.map((x) => String(x)).includes(typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : text());
    case 'CUSTOM_FORMULA':
      return isTruthy(evaluateFormula(String(v0), book.formulaHost(sheet), { row: stored.anchorRow, col: stored.anchorCol }, { row, col }));
    default:
      throw new NotImplemented(`data validation criteria ${type}`);
  }
}

/** The cell's current content against its rule (blank always passes; a formula cell is checked on its result). */
export function checkCell(sheet: SheetModel, row: number, col: number, book: Book & { sheetByName(name: string): SheetModel | null }): CheckResult {
  const stored = sheet.rule(row, col);
  if (!stored) return { ok: true };
  const value = computed(sheet, row, col, book);
  if (value === null || value === '') return { ok: true };
  if (value instanceof FormulaError) return { ok: false, message: rejectionMessage(stored, row, col) };
  return passes(stored, sheet, row, col, value, book) ? { ok: true } : { ok: false, message: rejectionMessage(stored, row, col) };
}
