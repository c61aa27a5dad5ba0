// Calendar days ('YYYY-MM-DD') in Asia/Shanghai: parsing, arithmetic, and the day an instant falls on.

/** A calendar day as `YYYY-MM-DD`. Plain strings compare in date order. */
export type Day = string;

/** China has kept UTC+8 without daylight saving since 1991, so the offset is a constant. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Whole-workbook steps (汇总 at 10,000 enterprises) ask the same few hundred days again and again: each answer below
// is kept, keyed by its text or its day number, so a day is parsed and a Date built once per execution, not per row.
// Memos of pure functions (same answer, whatever was asked before); the text-keyed ones are bounded.
const MEMO_LIMIT = 50_000;
function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

const parsed = new Map<string, Day | null>();

/** The day `text` names when it is a real calendar day in `YYYY-MM-DD` form (so `2022-02-30` is null). */
export function parseDay(text: string): Day | null {
  const known = parsed.get(text);
  return known !== undefined ? known : remember(parsed, text, parseDayText(text));
}

function parseDayText(text: string): Day | null {
  const m = DAY_PATTERN.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return null;
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Why `text` is not a calendar day: `format` when it is not written `YYYY-MM-DD`, otherwise the reason the day does
 * not exist (in Chinese, e.g. `2022年2月只有28天`); null when it is a real day.
 */
export function dayTextProblem(text: string): { kind: 'format' } | { kind: 'impossible'; reason: string } | null {
  const m = DAY_PATTERN.exec(text.trim());
  if (!m) return { kind: 'format' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200) return { kind: 'impossible', reason: '年份应在1900到2200之间' };
  if (mo < 1 || mo > 12) return { kind: 'impossible', reason: '月份应为01到12' };
  if (d < 1) return { kind: 'impossible', reason: '日应从01起' };
  const last = daysInMonth(y, mo);
  if (d > last) return { kind: 'impossible', reason: `${y}年${mo}月只有${last}天` };
  return null;
}

/** The Shanghai calendar day of an instant, whatever the host's time zone. */
export function dayOf(instant: Date): Day {
  return dayName(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The day `n` days after 1970-01-01 (n whole). */
function dayName(n: number): Day {
  const known = dayNames.get(n);
  // NaN (an invalid Date, a day that is not one) throws from toISOString as before, and is never kept.
  return known !== undefined ? known : remember(dayNames, n, new Date(n * DAY_MS).toISOString().slice(0, 10));
}

const dayNames = new Map<number, Day>();
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (NaN when it is not one): the arithmetic of the functions below. */
export function dayNumber(day: Day): number {
  const known = dayNumbers.get(day);
  return known !== undefined ? known : remember(dayNumbers, day, Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** Midnight in Shanghai at the start of `day`: the instant a date-only cell holds. */
export function startOfDay(day: Day): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

export function addDays(day: Day, days: number): Day {
  // Whole days (every caller's) go through the memos: the approved records decode three days each, 10,000 times.
  if (Number.isInteger(days)) return dayName(dayNumber(day) + days);
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** `YYYY-MM-DD HH:mm:ss` in Shanghai, for logs and stamps shown as text. */
export function formatInstant(instant: Date): string {
  const iso = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function dayParts(day: Day): { year: number; month: number; date: number } {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), date: Number(day.slice(8, 10)) };
}
