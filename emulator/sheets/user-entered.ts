// The USER_ENTERED parser: what Sheets makes of a string typed (or written by setValue) into a cell.
import { serialOf } from './serial';

export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
export const DEFAULT_DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const DEFAULT_TIME_FORMAT = 'hh:mm:ss';

/** What a typed string becomes; `autoFormat` is the number format Sheets applies when the cell's is automatic. */
export type Entered =
  | { kind: 'blank' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; autoFormat?: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))\s*%$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function realDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  return month >= 1 && month <= 12 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    && !(month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)));
}

function dateOf(text: string): Entered | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!realDay(year, month, day)) return null;
  if (m[4] === undefined) return { kind: 'number', value: serialOf(year, month, day), autoFormat: DEFAULT_DATE_FORMAT };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { kind: 'number', value: serialOf(year, month, day, hour, minute, second), autoFormat: DEFAULT_DATE_TIME_FORMAT };
}

function timeOf(text: string): Entered | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { kind: 'number', value: (hour * 3600 + minute * 60 + second) / 86400, autoFormat: DEFAULT_TIME_FORMAT };
}

/**
 * `numberFormat` is the target cell's format. A plain-text ('@') cell stores the string as written, a leading
 * '=' or "'" included (apps-script-behaviors §10: the apostrophe stays a visible character). Elsewhere a leading
 * apostrophe forces text and is hidden, and a leading '=' is a formula.
 */
export function parseUserEntered(input: string, numberFormat: string | null): Entered {
  if (input === '') return { kind: 'blank' };
  if (numberFormat === '@') return { kind: 'text', value: input };
  if (input.startsWith("'")) return input.length === 1 ? { kind: 'blank' } : { kind: 'text', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const text = input.trim();
  if (NUMBER.test(text)) return { kind: 'number', value: Number(text) };
  const pct = PERCENT.exec(text);
  if (pct) return { kind: 'number', value: Number(pct[1]) / 100, autoFormat: '0%' };
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  return dateOf(text) ?? timeOf(text) ?? { kind: 'text', value: input };
}
