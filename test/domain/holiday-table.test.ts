// The State Council holiday table as data: its days off and make-up workdays against a second source, and the shape every year's entries must keep.
import type { Day } from '../../src/domain/calendar-day';
import { addDays } from '../../src/domain/calendar-day';
import { HOLIDAY_TABLE, HOLIDAY_TABLE_FIRST_YEAR, HOLIDAY_TABLE_LAST_YEAR } from '../../src/domain/holiday-table';
import second from '../support/chinese-days-2021-2026.json';

/** Every day of an inclusive range, in order. */
function daysFrom(first: Day, last: Day): Day[] {
  const out: Day[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

// Computed here from the calendar, not taken from src/domain/workday.ts: that module reads this table.
const weekday = (day: Day): number => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))).getUTCDay();
const isWeekend = (day: Day): boolean => weekday(day) === 0 || weekday(day) === 6;
const yearOf = (day: Day): number => Number(day.slice(0, 4));

const offDays = HOLIDAY_TABLE.flatMap((e) => daysFrom(e.off[0], e.off[1]));
const workDays = HOLIDAY_TABLE.flatMap((e) => e.work);

/** The seven festivals of every year's notice; 2023 and 2025 join 中秋节 and 国庆节 in one entry. */
const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

describe('the days the table gives off and on, against chinese-days 1.5.7', () => {
  it('gives off exactly the second source’s 178 holidays of 2021–2026, each day once, first and last day of a range included', () => {
    expect(offDays).toHaveLength(178);
    expect(new Set(offDays).size).toBe(offDays.length);
    expect([...offDays].sort()).toEqual([...second.holidays].sort());
  });

  it('makes exactly the second source’s 40 weekend days into workdays, each once', () => {
    expect(workDays).toHaveLength(40);
    expect(new Set(workDays).size).toBe(workDays.length);
    expect([...workDays].sort()).toEqual([...second.workdays].sort());
  });

  it('reads a one-day range as that single day, its neighbours not given off (清明节 2023-04-05)', () => {
    const single = HOLIDAY_TABLE.filter((e) => e.off[0] === e.off[1]);
    expect(single.map((e) => e.off[0])).toEqual(['2023-04-05', '2024-01-01', '2024-06-10', '2025-01-01']);
    const off = new Set(offDays);
    expect(single.flatMap((e) => [addDays(e.off[0], -1), addDays(e.off[0], 1)]).filter((d) => off.has(d))).toEqual([]);
    expect(offDays.filter((d) => d.startsWith('2023-04-0'))).toEqual(['2023-04-05']);
  });

  it('puts a holiday that spans New Year in both years: 元旦 2023 starts on 2022-12-31', () => {
    const newYear2023 = HOLIDAY_TABLE.find((e) => e.name === '元旦' && e.off[1] === '2023-01-02');
    expect(newYear2023 && daysFrom(newYear2023.off[0], newYear2023.off[1])).toEqual(['2022-12-31', '2023-01-01', '2023-01-02']);
  });
});

describe('the shape every entry keeps (so next year’s entries are checked before any second source has them)', () => {
  it('lists the entries in date order, no two ranges overlapping', () => {
    const late: string[] = [];
    for (let i = 1; i < HOLIDAY_TABLE.length; i += 1) {
      const [prev, next] = [HOLIDAY_TABLE[i - 1]!, HOLIDAY_TABLE[i]!];
      if (!(prev.off[1] < next.off[0])) late.push(`${prev.name} ${prev.off[1]} / ${next.name} ${next.off[0]}`);
    }
    expect(late).toEqual([]);
  });

  it('never starts a range after it ends', () => {
    expect(HOLIDAY_TABLE.filter((e) => e.off[0] > e.off[1])).toEqual([]);
  });

  it('makes only Saturdays and Sundays into workdays, and never a day it also gives off', () => {
    expect(workDays.filter((d) => !isWeekend(d))).toEqual([]);
    const off = new Set(offDays);
    expect(workDays.filter((d) => off.has(d))).toEqual([]);
  });

  it('gives each range at least one weekday off (a range of weekend days only would change nothing)', () => {
    expect(HOLIDAY_TABLE.filter((e) => daysFrom(e.off[0], e.off[1]).every(isWeekend)).map((e) => e.off[0])).toEqual([]);
  });

  it('keeps each make-up workday within two weeks of its own festival (a mistyped month or year fails here)', () => {
    const far: string[] = [];
    for (const e of HOLIDAY_TABLE) {
      for (const w of e.work) {
        const near = w >= addDays(e.off[0], -14) && w <= addDays(e.off[1], 14);
        if (!near) far.push(`${e.name} ${e.off[0]}: ${w}`);
      }
    }
    expect(far).toEqual([]);
  });

  it('names every festival of every year from the first year to the last, and no year outside them', () => {
    const years = new Set(HOLIDAY_TABLE.map((e) => yearOf(e.off[1])));
    const expected = Array.from({ length: HOLIDAY_TABLE_LAST_YEAR - HOLIDAY_TABLE_FIRST_YEAR + 1 }, (_, i) => HOLIDAY_TABLE_FIRST_YEAR + i);
    expect([...years].sort()).toEqual(expected);
    const missing: string[] = [];
    for (const year of expected) {
      const names = HOLIDAY_TABLE.filter((e) => yearOf(e.off[1]) === year).flatMap((e) => e.name.split('、'));
      for (const f of FESTIVALS) if (names.filter((n) => n === f).length !== 1) missing.push(`${year} ${f}`);
      if (names.length !== FESTIVALS.length) missing.push(`${year}: ${names.join(' ')}`);
    }
    expect(missing).toEqual([]);
  });

  it('holds no day before its first year or after its last, and starts on the first year’s 元旦', () => {
    const outside = [...offDays, ...workDays].filter((d) => yearOf(d) < HOLIDAY_TABLE_FIRST_YEAR || yearOf(d) > HOLIDAY_TABLE_LAST_YEAR);
    expect(outside).toEqual([]);
    expect(offDays[0]).toBe(`${HOLIDAY_TABLE_FIRST_YEAR}-01-01`);
    expect(offDays[offDays.length - 1]! <= `${HOLIDAY_TABLE_LAST_YEAR}-12-31`).toBe(true);
  });
});
