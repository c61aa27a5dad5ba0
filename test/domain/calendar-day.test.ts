// Calendar days: addDays and dayOf answer from their memos exactly what the Date arithmetic says.
import { addDays, dayNumber, dayOf, startOfDay } from '../../src/domain/calendar-day';

/** The arithmetic addDays had before its memos, written out once here as the reference. */
const reference = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('addDays', () => {
  test('agrees with Date arithmetic across months, leap days, years and negative steps, asked twice', () => {
    const starts = ['2000-01-01', '2020-02-28', '2021-02-28', '2022-03-31', '2022-12-31', '1999-12-31', '2100-02-28'];
    for (let pass = 0; pass < 2; pass++) {
      for (const day of starts) {
        for (const n of [-400, -366, -29, -1, 0, 1, 28, 29, 30, 365, 366, 4000]) {
          expect([day, n, addDays(day, n)]).toEqual([day, n, reference(day, n)]);
        }
      }
    }
  });

  test('the approved records\' day codes: every day from 2000-01-01 up to 2030, in order', () => {
    const got: [string, number][] = [];
    const want: [string, number][] = [];
    let day = '2000-01-01';
    for (let n = 0; n < 11_000; n++) {
      const next = addDays('2000-01-01', n);
      got.push([next, dayNumber(next) - dayNumber('2000-01-01')]);
      want.push([day, n]);
      day = reference(day, 1);
    }
    expect(got).toEqual(want);
  });

  test('a part of a day counts as the day it falls in, as the arithmetic says', () => {
    expect(addDays('2022-03-20', 0.5)).toBe(reference('2022-03-20', 0.5));
    expect(addDays('2022-03-20', -0.5)).toBe('2022-03-19');
  });

  test('a text that is no day throws as before, and is not remembered as one', () => {
    expect(() => addDays('2022-13-45', 1)).toThrow(RangeError);
    expect(() => addDays('', 1)).toThrow(RangeError);
    expect(() => addDays('2022-13-45', 1)).toThrow(RangeError);
  });
});

describe('dayOf', () => {
  test('the Shanghai day of an instant, and the start of that day back', () => {
    expect(dayOf(new Date('2022-03-20T15:59:59Z'))).toBe('2022-03-20');
    expect(dayOf(new Date('2022-03-20T16:00:00Z'))).toBe('2022-03-21');
    expect(dayOf(startOfDay('2024-02-29'))).toBe('2024-02-29');
    expect(() => dayOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
