// The Chinese workday calendar: known holidays and make-up days, every day of the table against a second source, the 遇节假日 note.
import { addDays } from '../../src/domain/calendar-day';
import { HOLIDAY_TABLE, HOLIDAY_TABLE_FIRST_YEAR, HOLIDAY_TABLE_LAST_YEAR } from '../../src/domain/holiday-table';
import { dayInfo, dayWithNote, holidayNote, isWorkday, weekdayLabel } from '../../src/domain/workday';
import second from '../support/chinese-days-2021-2026.json';

describe('State Council holidays and make-up workdays', () => {
  it('takes 2021-10-01 to 2021-10-07 off (国庆节)', () => {
    for (let d = '2021-10-01'; d <= '2021-10-07'; d = addDays(d, 1)) {
      expect(dayInfo(d)).toMatchObject({ kind: 'holiday', workday: false, label: '国庆节', inTable: true });
    }
    expect(isWorkday('2021-10-08')).toBe(true);
  });

  it('works the make-up Sunday 2021-09-26 and Saturday 2021-10-09', () => {
    expect(weekdayLabel('2021-09-26')).toBe('周日');
    expect(weekdayLabel('2021-10-09')).toBe('周六');
    expect(dayInfo('2021-09-26')).toMatchObject({ kind: 'makeupWorkday', workday: true, label: '国庆节调休上班' });
    expect(dayInfo('2021-10-09')).toMatchObject({ kind: 'makeupWorkday', workday: true });
  });

  it('works the weekend 2023-01-28/29 after the Spring Festival', () => {
    expect(isWorkday('2023-01-28')).toBe(true);
    expect(isWorkday('2023-01-29')).toBe(true);
    expect(isWorkday('2023-01-27')).toBe(false);
  });

  it('knows an ordinary weekend and weekday', () => {
    expect(dayInfo('2022-09-24')).toMatchObject({ kind: 'weekend', workday: false, label: '周六' });
    expect(dayInfo('2022-09-23')).toMatchObject({ kind: 'workday', workday: true, label: '周五' });
  });

  it('agrees with a second published source on every day of 2021–2026', () => {
    const off = new Set(second.holidays);
    const worked = new Set(second.workdays);
    const disagreements: string[] = [];
    let days = 0;
    for (let d = `${HOLIDAY_TABLE_FIRST_YEAR}-01-01`; d <= `${HOLIDAY_TABLE_LAST_YEAR}-12-31`; d = addDays(d, 1)) {
      days += 1;
      const weekend = ['周六', '周日'].includes(weekdayLabel(d));
      const theirs = worked.has(d) || (!weekend && !off.has(d));
      if (theirs !== isWorkday(d)) disagreements.push(d);
    }
    expect(days).toBe(2191);
    expect(disagreements).toEqual([]);
  });

  it('keeps every entry well formed: first day ≤ last day, make-up days on weekends', () => {
    for (const e of HOLIDAY_TABLE) {
      expect(e.off[0] <= e.off[1]).toBe(true);
      for (const w of e.work) expect(['周六', '周日']).toContain(weekdayLabel(w));
    }
  });
});

describe('a date past the table', () => {
  it('falls back to weekends and says clearly what is missing', () => {
    const info = dayInfo('2027-10-01');
    expect(info.inTable).toBe(false);
    expect(info.workday).toBe(true); // a Friday: without the 2027 notice only weekends are known
    expect(info.warning).toContain('节假日表只收录2021年至2026年');
    expect(info.warning).toContain('2027-10-01不在表内');
    expect(info.warning).toContain('src/domain/holiday-table.ts');
    expect(dayInfo('2027-10-02')).toMatchObject({ workday: false, inTable: false });
    expect(dayInfo('2020-10-01').inTable).toBe(false);
  });

  it('has no warning inside the table', () => {
    expect(dayInfo('2026-12-31').warning).toBe('');
  });
});

describe('the 遇节假日 note', () => {
  it('marks a deadline on a holiday or a weekend, not on a workday or a make-up day', () => {
    expect(holidayNote('2021-10-01')).toBe('遇节假日（国庆节）');
    expect(holidayNote('2022-09-25')).toBe('遇节假日（周日）');
    expect(holidayNote('2021-09-26')).toBe('');
    expect(holidayNote('2022-03-25')).toBe('');
    expect(dayWithNote('2022-06-04')).toBe('2022-06-04（遇节假日：端午节）');
    expect(dayWithNote('2022-03-25')).toBe('2022-03-25');
  });
});
