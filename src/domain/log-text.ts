// What a 操作日志 line says in words: a new enterprise described, cell values and times shown as dates, never serials.

import type { Day } from './calendar-day';
import { addDays, dayOf, formatInstant, parseDay } from './calendar-day';
import type { EnterprisePayload } from './enterprise';
import { FIELD_LABELS } from './enterprise';
import { COLUMNS, TAB } from './contract';

/** Sheets' day 0. */
const SERIAL_EPOCH: Day = '1899-12-30';
/** Serials of 1950-01-01 … 2099-12-31: a five-digit number in a date field is a date written as a number. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73050;

/** The day a Sheets date serial names (the fraction is the time of day and is dropped). */
export function serialDay(serial: number): Day {
  return addDays(SERIAL_EPOCH, Math.floor(serial));
}

export const DATE_FIELDS: ReadonlySet<string> = new Set([FIELD_LABELS.deadline, FIELD_LABELS.closedOn, '原整改完成时限', '申请延期至', '验收日期']);

/**
 * A value of a date field as `YYYY-MM-DD`: earlier releases logged some dates as serials (`44742`) or as a JS
 * date's text; whatever is not recognisably a date is returned as it was.
 */
export function dateFieldText(value: string): string {
  const v = value.trim();
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    const n = Number(v);
    if (n >= SERIAL_MIN && n <= SERIAL_MAX) return serialDay(n);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return dayOf(new Date(t));
  }
  const long = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}/.exec(v);
  if (long) {
    const t = Date.parse(long[0]);
    if (!Number.isNaN(t)) return dayOf(new Date(t));
  }
  return value;
}

const STAMP_FIELD = COLUMNS.find((c) => c.key === 'updatedAt')?.header;

/**
 * An old or new value as 操作日志 stores it: a date field's serial (Sheets gives an edited date cell's old value as
 * `44742`) as `YYYY-MM-DD`, the stamp 最后更新时间's serial as `YYYY-MM-DD HH:mm:ss`; 配置 has no five-digit
 * setting, so a five-digit number there is one of its dates.
 */
export function logValueText(tab: string, field: string, value: string): string {
  const stamp = /^\d{5}\.?\d*$/.test(value) && field === STAMP_FIELD ? Number(value) : NaN;
  if (stamp >= SERIAL_MIN && stamp <= SERIAL_MAX) {
    const s = Math.min(86399, Math.round((stamp % 1) * 86400));
    const hms = [s / 3600, (s % 3600) / 60, s % 60].map((n) => String(Math.floor(n)).padStart(2, '0')).join(':');
    return `${serialDay(stamp)} ${hms}`;
  }
  return tab === TAB.config || DATE_FIELDS.has(field) ? dateFieldText(value) : value;
}

/** A log cell's time as `YYYY-MM-DD HH:mm` (Shanghai), from a date cell, a serial or the text the log writes. */
export function minuteText(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatInstant(value).slice(0, 16);
  if (typeof value === 'number' && value >= SERIAL_MIN && value <= SERIAL_MAX) {
    const minutes = Math.round((value - Math.floor(value)) * 24 * 60);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return `${serialDay(value)} ${hh}:${mm}`;
  }
  const text = value === null || value === undefined ? '' : String(value).trim().replace(/^'/, '');
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text);
  if (m && m[1] && parseDay(m[1])) return `${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}`;
  return '';
}

/** 新值 of the log line that adds an enterprise: the record in words, so the line reads on its own. */
export function describeNewEnterprise(p: EnterprisePayload, serial: number | null): string {
  const parts = [
    serial === null ? '' : `序号${serial}`,
    p.name,
    `${FIELD_LABELS.industry}：${p.industry}`,
    `${FIELD_LABELS.category}：${p.category}`,
    `${FIELD_LABELS.deadline}：${p.deadline}`,
    `${FIELD_LABELS.status}：${p.status}`,
    `${FIELD_LABELS.town}：${p.town}`,
  ].filter((s) => s !== '');
  return `新增企业：${parts.join('；')}`;
}
