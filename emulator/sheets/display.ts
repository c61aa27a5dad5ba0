// Display text of a cell (getDisplayValues, TO_TEXT): general numbers, a small subset of number formats, dates.
import { NotImplemented } from '../kernel/errors';
import { serialFields } from './serial';

/** Whether a number format shows a date or time (so getValues gives a Date). */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === '@') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[yd]/i.test(bare) || /h/i.test(bare) || /(^|[^a-z])s+/i.test(bare);
}

export function generalNumber(v: number): string {
  if (!Number.isFinite(v)) return '#NUM!';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return v.toExponential().toUpperCase();
  return String(Number(v.toPrecision(10)));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Date/time formats: yyyy yy m mm mmm? (no) d dd h hh mm(after h / before s) ss, quoted literals, - / : space. */
function formatDate(serial: number, format: string): string {
  const f = serialFields(serial);
  const tokens = format.match(/"[^"]*"|\\.|yyyy|yy|mm|m|dd|d|hh|h|ss|s|am\/pm|./gi) ?? [];
  let out = '';
  tokens.forEach((t, i) => {
    const lower = t.toLowerCase();
    const prev = tokens.slice(0, i).reverse().find((x) => /^[a-z]/i.test(x))?.toLowerCase() ?? '';
    const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x))?.toLowerCase() ?? '';
    const minute = (prev.startsWith('h') || next.startsWith('s'));
    if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith('\\')) out += t.slice(1);
    else if (lower === 'yyyy') out += pad(f.year, 4);
    else if (lower === 'yy') out += pad(f.year % 100);
    else if (lower === 'mm') out += minute ? pad(f.minute) : pad(f.month);
    else if (lower === 'm') out += minute ? String(f.minute) : String(f.month);
    else if (lower === 'dd') out += pad(f.day);
    else if (lower === 'd') out += String(f.day);
    else if (lower === 'hh') out += pad(f.hour);
    else if (lower === 'h') out += String(f.hour);
    else if (lower === 'ss') out += pad(f.second);
    else if (lower === 's') out += String(f.second);
    else if (/[a-z]/i.test(t)) throw new NotImplemented(`number format "${format}"`);
    else out += t;
  });
  return out;
}

const NUMERIC = /^(#,##)?(0+)(\.(0+))?(%?)$/;

function formatNumber(v: number, format: string): string {
  const m = NUMERIC.exec(format);
  if (!m) throw new NotImplemented(`number format "${format}"`);
  const decimals = m[4]?.length ?? 0;
  const scaled = m[5] ? v * 100 : v;
  let text = Math.abs(scaled).toFixed(decimals);
  if (m[1]) text = text.replace(/^\d+/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
  const minInt = m[2]!.length;
  text = text.replace(/^\d+/, (int) => int.padStart(minInt, '0'));
  const negative = scaled < 0 && Number(text.replace(/[,%]/g, '')) !== 0;
  return `${negative ? '-' : ''}${text}${m[5]}`;
}

/** The text Sheets shows for a stored value under a number format (null = automatic). */
export function displayOf(value: string | number | boolean | undefined, format: string | null | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === '@' || format.toLowerCase() === 'general') return generalNumber(value);
  if (isDateFormat(format)) return formatDate(value, format);
  return formatNumber(value, format);
}
