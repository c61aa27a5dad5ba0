// Deciding reminders: overdue, due soon, the report window, nothing to say, urgency order, escalation.

import type { Day } from '../../src/domain/calendar-day';
import type { ReportRecord } from '../../src/domain/quarter';
import { quarterId, reportTimeliness } from '../../src/domain/quarter';
import type { DistrictLedger, ReminderEnterprise } from '../../src/domain/reminders';
import { compareUrgency, districtSituation, hasSomethingToSay } from '../../src/domain/reminders';
import type { ReminderInput } from '../../src/domain/reminders';

/** The order the reminder plan sends in: most urgent first, 配置's order breaking ties (Array.sort is stable). */
const mostUrgentFirst = (input: ReminderInput) =>
  input.ledgers.map((l) => districtSituation(l, input.reports, input.settings, input.today)).sort(compareUrgency);

const SETTINGS = { reportDay: 25, dueSoonDays: 7, staleDays: 30, firstQuarter: null };

function ent(name: string, deadline: Day, status = '整改中'): ReminderEnterprise {
  return { name, creditCode: `91511700MA${name.length}`, deadline, status, updatedOn: null };
}

function report(district: string, on: Day): ReportRecord {
  const t = reportTimeliness(on, 25);
  return { quarter: quarterId(t.quarter), district, on, at: null, account: '', counts: {}, total: 0, onTime: t.onTime, kind: 'first' };
}

const situation = (ledger: DistrictLedger, today: Day, reports: ReportRecord[] = []) =>
  districtSituation(ledger, reports, SETTINGS, today);

describe('a district reminder', () => {
  test('lists an enterprise the day after its deadline as overdue', () => {
    const s = situation({ district: '通川区', enterprises: [ent('甲公司', '2022-03-10')] }, '2022-03-11', [report('通川区', '2022-03-01')]);
    expect(s.overdue).toEqual([expect.objectContaining({ name: '甲公司', days: 1, kind: 'overdue', deadline: '2022-03-10' })]);
    expect(hasSomethingToSay(s)).toBe(true);
  });

  test('lists a deadline of today as due soon with 0 days left, not overdue', () => {
    const s = situation({ district: '通川区', enterprises: [ent('甲公司', '2022-03-10')] }, '2022-03-10');
    expect(s.overdue).toEqual([]);
    expect(s.dueSoon).toEqual([expect.objectContaining({ days: 0, kind: 'dueSoon' })]);
  });

  test('ignores finished enterprises and deadlines beyond the due-soon days', () => {
    const s = situation(
      {
        district: '通川区',
        enterprises: [ent('甲公司', '2022-02-01', '已完成（待验收）'), ent('乙公司', '2022-02-01', '已验收销号'), ent('丙公司', '2022-02-18')],
      },
      '2022-02-10',
    );
    expect(hasSomethingToSay(s)).toBe(false);
  });

  test('treats an empty status as 未启动', () => {
    const s = situation({ district: '通川区', enterprises: [ent('甲公司', '2022-02-01', '')] }, '2022-02-10');
    expect(s.overdue[0]?.status).toBe('未启动');
  });

  test('orders overdue enterprises most overdue first and due-soon ones nearest first', () => {
    const s = situation(
      { district: '通川区', enterprises: [ent('甲', '2022-02-05'), ent('乙', '2022-01-05'), ent('丙', '2022-02-15'), ent('丁', '2022-02-11')] },
      '2022-02-10',
    );
    expect(s.overdue.map((i) => i.name)).toEqual(['乙', '甲']);
    expect(s.dueSoon.map((i) => i.name)).toEqual(['丁', '丙']);
  });

  test.each([
    ['2022-03-21', false],
    ['2022-03-22', true],
    ['2022-03-25', true],
    ['2022-03-28', true],
    ['2022-03-31', true],
    ['2022-04-01', false],
  ])('on %s a missing report is reminded: %s', (today, remind) => {
    const s = situation({ district: '通川区', enterprises: [] }, today);
    expect(s.report.remind).toBe(remind);
    expect(hasSomethingToSay(s)).toBe(remind);
  });

  test('does not remind about a report already made this quarter', () => {
    const s = situation({ district: '通川区', enterprises: [] }, '2022-03-24', [report('通川区', '2022-03-23')]);
    expect(s.report.state).toEqual({ kind: 'onTime', on: '2022-03-23' });
    expect(hasSomethingToSay(s)).toBe(false);
  });

  test('counts enterprises overdue by more than 30 days and the missed quarters for escalation', () => {
    const s = situation(
      { district: '通川区', enterprises: [ent('甲', '2022-02-23'), ent('乙', '2022-02-24')] },
      '2022-03-26',
      [report('达川区', '2021-12-01'), report('通川区', '2021-12-27')],
    );
    // 甲 is 31 days overdue, 乙 30; 2021Q4 late and 2022Q1 missing past its due date
    expect(s.escalation).toEqual({ longOverdue: 1, missedQuarters: 2 });
  });
});

describe('deciding the reminders of all districts', () => {
  test('puts the most urgent district first', () => {
    const ledgers: DistrictLedger[] = [
      { district: '通川区', enterprises: [] },
      { district: '达川区', enterprises: [ent('甲', '2022-03-01')] },
      { district: '达州高新区', enterprises: [ent('乙', '2022-03-01'), ent('丙', '2022-03-20')] },
    ];
    const order = mostUrgentFirst({ ledgers, settings: SETTINGS, reports: [], today: '2022-03-23' }).map((r) => r.district);
    expect(order).toEqual(['达州高新区', '达川区', '通川区']);
  });

  test('breaks ties by the longest overdue, then by the districts order', () => {
    const ledgers: DistrictLedger[] = [
      { district: '通川区', enterprises: [ent('甲', '2022-03-10')] },
      { district: '达川区', enterprises: [ent('乙', '2022-03-01')] },
      { district: '达州高新区', enterprises: [ent('丙', '2022-03-10')] },
    ];
    const order = mostUrgentFirst({ ledgers, settings: SETTINGS, reports: [], today: '2022-03-12' }).map((r) => r.district);
    expect(order).toEqual(['达川区', '通川区', '达州高新区']);
  });
});
