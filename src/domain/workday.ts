// Workdays on the Chinese calendar: weekends, State Council holidays and make-up workdays (调休), and the 遇节假日 note.
import type { Day } from './calendar-day';
import { addDays, dayNumber, dayParts } from './calendar-day';
import { HOLIDAY_TABLE, HOLIDAY_TABLE_FIRST_YEAR, HOLIDAY_TABLE_LAST_YEAR } from './holiday-table';

type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

export interface DayInfo {
  readonly day: Day;
  readonly kind: DayKind;
  /** True on a workday or a make-up workday. */
  readonly workday: boolean;
  /** The festival of a holiday or make-up day, else the weekday (`周六`). */
  readonly label: string;
  /** False when the day lies outside the holiday table: then only weekends are known. */
  readonly inTable: boolean;
  /** Set when `inTable` is false: what is missing and how to fix it, in Chinese. */
  readonly warning: string;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

function weekdayOf(day: Day): number {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday (4); the day number is remembered, so 汇总's thousands of deadlines parse no text.
  return Number.isInteger(n) ? (((n + 4) % 7) + 7) % 7 : new Date(Date.parse(`${day}T00:00:00Z`)).getUTCDay();
}

export const weekdayLabel = (day: Day): string => WEEKDAYS[weekdayOf(day)]!;

interface Lookup {
  off: Map<Day, string>;
  work: Map<Day, string>;
}

let lookup: Lookup | null = null;

function table(): Lookup {
  if (lookup) return lookup;
  const off = new Map<Day, string>();
  const work = new Map<Day, string>();
  for (const e of HOLIDAY_TABLE) {
    for (let d = e.off[0]; d <= e.off[1]; d = addDays(d, 1)) off.set(d, e.name);
    for (const d of e.work) work.set(d, e.name);
  }
  lookup = { off, work };
  return lookup;
}

function tableCovers(day: Day): boolean {
  const { year } = dayParts(day);
  return year >= HOLIDAY_TABLE_FIRST_YEAR && year <= HOLIDAY_TABLE_LAST_YEAR;
}

function outOfTableWarning(day: Day): string {
  return (
    `节假日表只收录${HOLIDAY_TABLE_FIRST_YEAR}年至${HOLIDAY_TABLE_LAST_YEAR}年的法定节假日，${day}不在表内，` +
    `暂只按周末判断是否工作日。请在 src/domain/holiday-table.ts 中补充国务院办公厅当年的节假日安排后重新部署。`
  );
}

export function dayInfo(day: Day): DayInfo {
  const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
  if (!tableCovers(day)) {
    return {
      day,
      kind: weekend ? 'weekend' : 'workday',
      workday: !weekend,
      label: weekdayLabel(day),
      inTable: false,
      warning: outOfTableWarning(day),
    };
  }
  const { off, work } = table();
  const holiday = off.get(day);
  if (holiday !== undefined) return { day, kind: 'holiday', workday: false, label: holiday, inTable: true, warning: '' };
  const makeup = work.get(day);
  if (makeup !== undefined) return { day, kind: 'makeupWorkday', workday: true, label: `${makeup}调休上班`, inTable: true, warning: '' };
  return { day, kind: weekend ? 'weekend' : 'workday', workday: !weekend, label: weekdayLabel(day), inTable: true, warning: '' };
}

export const isWorkday = (day: Day): boolean => dayInfo(day).workday;

const HOLIDAY_NOTE = '遇节假日';

/**
 * The note shown after a deadline or 季度报送截止日 that falls on a day off: `遇节假日（国庆节）`, `遇节假日（周六）`;
 * empty on a workday (a make-up workday included). The date itself is not moved: the plan fixes it.
 */
export function holidayNote(day: Day): string {
  const info = dayInfo(day);
  return info.workday ? '' : `${HOLIDAY_NOTE}（${info.label}）`;
}

/** `2021-10-01（遇节假日（国庆节））` reads badly; this gives `2021-10-01（遇节假日：国庆节）`. */
export function dayWithNote(day: Day): string {
  const info = dayInfo(day);
  return info.workday ? day : `${day}（${HOLIDAY_NOTE}：${info.label}）`;
}

