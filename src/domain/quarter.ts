// Quarters and the quarterly progress report (contract §5): due dates, timeliness, a district's report state, escalation.
import type { Day } from './calendar-day';
import { addDays, dayParts, parseDay } from './calendar-day';

type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  readonly year: number;
  readonly q: QuarterNumber;
}

/** One line of 报送记录 as the domain needs it. */
export interface ReportRecord {
  /** quarterId of the quarter the report counts for (`2022Q1`) */
  readonly quarter: string;
  readonly district: string;
  /** The Shanghai day the report was made. */
  readonly on: Day;
  readonly at: Date | null;
  readonly account: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
  readonly onTime: boolean;
  readonly kind: ReportKind;
  /** 进展说明 typed by the district (contract §5); '' on reports made before it existed. */
  readonly narrative?: string;
}

export type ReportKind = 'first' | 'update';

export type ReportState = { kind: 'onTime' | 'late'; on: Day } | { kind: 'missing' };

export const REPORT_ON_TIME = '按时';
export const REPORT_LATE = '逾期';
export const REPORT_FIRST = '首次报送';
export const REPORT_UPDATE = '更新';

const STATE_TEXT = { onTime: '已报送', late: '逾期报送', missing: '未报送' } as const;

export function quarterOf(day: Day): Quarter {
  const { year, month } = dayParts(day);
  return { year, q: (Math.floor((month - 1) / 3) + 1) as QuarterNumber };
}

export function quarterId(quarter: Quarter): string {
  return `${quarter.year}Q${quarter.q}`;
}

function parseQuarterId(text: string): Quarter | null {
  const m = /^\s*(\d{4})\s*Q([1-4])\s*$/i.exec(text);
  return m ? { year: Number(m[1]), q: Number(m[2]) as QuarterNumber } : null;
}

export function quarterLabel(quarter: Quarter): string {
  return `${quarter.year}年第${quarter.q}季度`;
}

/** How a message asks for a quarter (parseQuarter also takes `2022Q1`). */
export const QUARTER_FORM = '写成“2022年第1季度”的形式';

/** A quarter written either way: `2022Q1` or `2022年第1季度`. */
export function parseQuarter(text: string): Quarter | null {
  const m = /^\s*(\d{4})\s*年\s*第\s*([1-4])\s*季度\s*$/.exec(text);
  return m ? { year: Number(m[1]), q: Number(m[2]) as QuarterNumber } : parseQuarterId(text);
}

const pad = (n: number): string => String(n).padStart(2, '0');

function lastMonth(quarter: Quarter): number {
  return quarter.q * 3;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function firstDay(quarter: Quarter): Day {
  return `${quarter.year}-${pad(lastMonth(quarter) - 2)}-01`;
}

export function lastDay(quarter: Quarter): Day {
  const month = lastMonth(quarter);
  return `${quarter.year}-${pad(month)}-${pad(daysInMonth(quarter.year, month))}`;
}

export function nextQuarter(quarter: Quarter): Quarter {
  return quarter.q === 4 ? { year: quarter.year + 1, q: 1 } : { year: quarter.year, q: (quarter.q + 1) as QuarterNumber };
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.q === 1 ? { year: quarter.year - 1, q: 4 } : { year: quarter.year, q: (quarter.q - 1) as QuarterNumber };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.q - b.q;
}

/** The report's due date: `reportDay` of the quarter's last month, clamped into that month (a 31 in June is 30 June). */
export function reportDueDate(quarter: Quarter, reportDay: number): Day {
  const month = lastMonth(quarter);
  const whole = Number.isFinite(reportDay) ? Math.trunc(reportDay) : 25;
  const date = Math.min(Math.max(whole, 1), daysInMonth(quarter.year, month));
  return `${quarter.year}-${pad(month)}-${pad(date)}`;
}

/** Every quarter that overlaps the days from `from` to `to`, in order (empty when `to` is before `from`). */
export function planQuarters(from: Day, to: Day): Quarter[] {
  const out: Quarter[] = [];
  if (to < from) return out;
  const end = quarterOf(to);
  for (let q = quarterOf(from); compareQuarters(q, end) <= 0; q = nextQuarter(q)) out.push(q);
  return out;
}

/**
 * A report counts for the quarter it is made in (contract §5): on time up to the due date, late after it;
 * a report made after the quarter's end belongs to the next quarter, and the missed one stays missing.
 */
export function reportTimeliness(submittedOn: Day, reportDay: number): { quarter: Quarter; onTime: boolean } {
  const quarter = quarterOf(submittedOn);
  return { quarter, onTime: submittedOn <= reportDueDate(quarter, reportDay) };
}

/**
 * The district's report state for a quarter. The first report of the quarter decides it; later ones are updates
 * and cannot turn a late report into an on-time one. Timeliness is recomputed from the day the report was made,
 * so a record whose 季度 column was edited by hand cannot claim a quarter it was not made in.
 */
export function reportStateFor(reports: readonly ReportRecord[], district: string, quarter: Quarter, reportDay: number): ReportState {
  let first: Day | null = null;
  for (const r of reports) {
    if (r.district !== district || parseDay(r.on) === null) continue;
    if (compareQuarters(quarterOf(r.on), quarter) !== 0) continue;
    if (first === null || r.on < first) first = r.on;
  }
  if (first === null) return { kind: 'missing' };
  return { kind: reportTimeliness(first, reportDay).onTime ? 'onTime' : 'late', on: first };
}

/** 汇总's 本季度报送 text: `已报送（YYYY-MM-DD）`, `逾期报送（YYYY-MM-DD）` or `未报送`. */
export function reportStateText(state: ReportState): string {
  return state.kind === 'missing' ? STATE_TEXT.missing : `${STATE_TEXT[state.kind]}（${state.on}）`;
}

/** Whether the reminder should mention a missing report: from 3 days before the due date to the quarter's last day. */
export function reportReminderWindow(today: Day, reportDay: number): boolean {
  const quarter = quarterOf(today);
  return today >= addDays(reportDueDate(quarter, reportDay), -3) && today <= lastDay(quarter);
}

/**
 * How many quarters in a row, up to the latest settled one, the district's report was missing or late (督办).
 * The current quarter is settled once reported or once its due date has passed; before that the count starts
 * at the previous quarter. Quarters before `since` (when the workbook's reporting began) are not counted.
 */
export function consecutiveMissedQuarters(
  reports: readonly ReportRecord[],
  district: string,
  today: Day,
  reportDay: number,
  since: Quarter,
): number {
  const current = quarterOf(today);
  const currentState = reportStateFor(reports, district, current, reportDay);
  const settled = currentState.kind !== 'missing' || today > reportDueDate(current, reportDay);
  let count = 0;
  for (let q = settled ? current : previousQuarter(current); compareQuarters(q, since) >= 0; q = previousQuarter(q)) {
    if (reportStateFor(reports, district, q, reportDay).kind === 'onTime') break;
    count += 1;
  }
  return count;
}

/** Where escalation starts counting: the quarter of the earliest report by any district, else the current one. */
export function reportingSince(reports: readonly ReportRecord[], today: Day): Quarter {
  let earliest: Day = today;
  for (const r of reports) if (parseDay(r.on) !== null && r.on < earliest) earliest = r.on;
  return quarterOf(earliest);
}
