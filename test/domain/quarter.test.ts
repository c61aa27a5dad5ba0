// Quarters, report due dates, timeliness, a district's report state and the escalation count.

import type { Day } from '../../src/domain/calendar-day';
import { STATUSES } from '../../src/domain/contract';
import type { ReportRecord } from '../../src/domain/quarter';
import {
  consecutiveMissedQuarters,
  firstDay,
  lastDay,
  nextQuarter,
  parseQuarter,
  planQuarters,
  previousQuarter,
  quarterId,
  quarterLabel,
  quarterOf,
  reportDueDate,
  reportReminderWindow,
  reportStateFor,
  reportStateText,
  reportTimeliness,
  reportingSince,
} from '../../src/domain/quarter';

function report(district: string, on: Day, kind: ReportRecord['kind'] = 'first'): ReportRecord {
  const t = reportTimeliness(on, 25);
  return {
    quarter: quarterId(t.quarter),
    district,
    on,
    at: null,
    account: 'clerk@tc.gov.cn',
    counts: Object.fromEntries(STATUSES.map((s) => [s, 0])),
    total: 0,
    onTime: t.onTime,
    kind,
  };
}

describe('quarters', () => {
  test.each([
    ['2022-01-01', 2022, 1],
    ['2022-03-31', 2022, 1],
    ['2022-04-01', 2022, 2],
    ['2022-09-30', 2022, 3],
    ['2022-12-31', 2022, 4],
  ])('puts %s in %i Q%i', (day, year, q) => {
    expect(quarterOf(day)).toEqual({ year, q });
  });

  test('names a quarter by id and by Chinese label, and reads both back', () => {
    const q = quarterOf('2022-02-10');
    expect(quarterId(q)).toBe('2022Q1');
    expect(quarterLabel(q)).toBe('2022年第1季度');
    expect(parseQuarter('2022Q1')).toEqual(q);
    expect(parseQuarter('2022年第1季度')).toEqual(q);
    expect(parseQuarter('2022年第5季度')).toBeNull();
    expect(parseQuarter('')).toBeNull();
  });

  test('knows the first and last day of each quarter, including a leap February', () => {
    expect(firstDay({ year: 2024, q: 1 })).toBe('2024-01-01');
    expect(lastDay({ year: 2024, q: 1 })).toBe('2024-03-31');
    expect(lastDay({ year: 2022, q: 2 })).toBe('2022-06-30');
    expect(firstDay({ year: 2022, q: 4 })).toBe('2022-10-01');
    expect(lastDay({ year: 2022, q: 4 })).toBe('2022-12-31');
  });

  test('steps to the next and previous quarter across a year end', () => {
    expect(nextQuarter({ year: 2022, q: 4 })).toEqual({ year: 2023, q: 1 });
    expect(previousQuarter({ year: 2023, q: 1 })).toEqual({ year: 2022, q: 4 });
    expect(nextQuarter({ year: 2022, q: 2 })).toEqual({ year: 2022, q: 3 });
  });

  test('lists the plan quarters from one day to another, and none when reversed', () => {
    const ids = planQuarters('2021-11-15', '2023-12-31').map(quarterId);
    expect(ids[0]).toBe('2021Q4');
    expect(ids[ids.length - 1]).toBe('2023Q4');
    expect(ids).toHaveLength(9);
    expect(planQuarters('2023-01-01', '2022-01-01')).toEqual([]);
  });
});

describe('report due date', () => {
  test('falls on the report day of the last month of the quarter', () => {
    expect(reportDueDate({ year: 2022, q: 1 }, 25)).toBe('2022-03-25');
    expect(reportDueDate({ year: 2022, q: 2 }, 25)).toBe('2022-06-25');
    expect(reportDueDate({ year: 2022, q: 3 }, 20)).toBe('2022-09-20');
    expect(reportDueDate({ year: 2022, q: 4 }, 25)).toBe('2022-12-25');
  });

  test('clamps a report day beyond the month to its last day, and below 1 to the 1st', () => {
    expect(reportDueDate({ year: 2022, q: 2 }, 31)).toBe('2022-06-30');
    expect(reportDueDate({ year: 2022, q: 1 }, 40)).toBe('2022-03-31');
    expect(reportDueDate({ year: 2022, q: 1 }, 0)).toBe('2022-03-01');
  });
});

describe('report timeliness', () => {
  test('is on time on the due date itself', () => {
    expect(reportTimeliness('2022-03-25', 25)).toEqual({ quarter: { year: 2022, q: 1 }, onTime: true });
  });

  test('is late the day after the due date, in the same quarter', () => {
    expect(reportTimeliness('2022-03-26', 25)).toEqual({ quarter: { year: 2022, q: 1 }, onTime: false });
  });

  test('is late on the last day of the quarter', () => {
    expect(reportTimeliness('2022-03-31', 25).onTime).toBe(false);
  });

  test('counts a report made in the next quarter for that next quarter, on time', () => {
    expect(reportTimeliness('2022-04-01', 25)).toEqual({ quarter: { year: 2022, q: 2 }, onTime: true });
  });

  test('uses the clamped due date when the report day exceeds the month', () => {
    expect(reportTimeliness('2022-06-30', 31).onTime).toBe(true);
  });
});

describe('report state of a district', () => {
  const q1 = { year: 2022, q: 1 } as const;

  test('is missing when the district has no report in the quarter', () => {
    const state = reportStateFor([report('达川区', '2022-03-10')], '通川区', q1, 25);
    expect(state).toEqual({ kind: 'missing' });
    expect(reportStateText(state)).toBe('未报送');
  });

  test('is on time with the date of a report made on or before the due date', () => {
    const state = reportStateFor([report('通川区', '2022-03-25')], '通川区', q1, 25);
    expect(state).toEqual({ kind: 'onTime', on: '2022-03-25' });
    expect(reportStateText(state)).toBe('已报送（2022-03-25）');
  });

  test('is late when the first report came after the due date', () => {
    const state = reportStateFor([report('通川区', '2022-03-26')], '通川区', q1, 25);
    expect(reportStateText(state)).toBe('逾期报送（2022-03-26）');
  });

  test('keeps the first report deciding when a later update follows', () => {
    const reports = [report('通川区', '2022-03-28'), report('通川区', '2022-03-20', 'update')];
    // sheet order is not date order: the earliest report decides
    expect(reportStateFor(reports, '通川区', q1, 25)).toEqual({ kind: 'onTime', on: '2022-03-20' });
    const late = [report('通川区', '2022-03-27'), report('通川区', '2022-03-30', 'update')];
    expect(reportStateFor(late, '通川区', q1, 25)).toEqual({ kind: 'late', on: '2022-03-27' });
  });

  test('leaves a missed quarter missing when the report comes in the next quarter', () => {
    const reports = [report('通川区', '2022-04-02')];
    expect(reportStateFor(reports, '通川区', q1, 25)).toEqual({ kind: 'missing' });
    expect(reportStateFor(reports, '通川区', { year: 2022, q: 2 }, 25)).toEqual({ kind: 'onTime', on: '2022-04-02' });
  });
});

describe('report reminder window', () => {
  test('opens three days before the due date and closes after the last day of the quarter', () => {
    expect(reportReminderWindow('2022-03-21', 25)).toBe(false);
    expect(reportReminderWindow('2022-03-22', 25)).toBe(true);
    expect(reportReminderWindow('2022-03-25', 25)).toBe(true);
    expect(reportReminderWindow('2022-03-28', 25)).toBe(true);
    expect(reportReminderWindow('2022-03-31', 25)).toBe(true);
    expect(reportReminderWindow('2022-04-01', 25)).toBe(false);
  });
});

describe('escalation: consecutive missing or late quarters', () => {
  const since = { year: 2021, q: 3 } as const;

  test('counts back from the current quarter once its due date has passed', () => {
    // 2021Q3 on time, 2021Q4 late, 2022Q1 missing and past due
    const reports = [report('通川区', '2021-09-10'), report('通川区', '2021-12-28')];
    expect(consecutiveMissedQuarters(reports, '通川区', '2022-03-26', 25, since)).toBe(2);
  });

  test('starts at the previous quarter while the current report is not yet due', () => {
    const reports = [report('通川区', '2021-09-10'), report('通川区', '2021-12-28')];
    expect(consecutiveMissedQuarters(reports, '通川区', '2022-03-20', 25, since)).toBe(1);
  });

  test('is zero when the latest settled quarter was reported on time', () => {
    const reports = [report('通川区', '2021-12-01'), report('通川区', '2022-03-01')];
    expect(consecutiveMissedQuarters(reports, '通川区', '2022-03-10', 25, since)).toBe(0);
  });

  test('never counts quarters before reporting began', () => {
    expect(consecutiveMissedQuarters([], '通川区', '2022-03-26', 25, { year: 2022, q: 1 })).toBe(1);
    expect(consecutiveMissedQuarters([], '通川区', '2022-03-26', 25, since)).toBe(3);
  });

  test('takes the start of reporting from the earliest report of any district', () => {
    expect(reportingSince([report('达川区', '2021-11-03'), report('通川区', '2022-01-05')], '2022-03-26')).toEqual({ year: 2021, q: 4 });
    expect(reportingSince([], '2022-03-26')).toEqual({ year: 2022, q: 1 });
  });
});
