// Overdue and due-soon (contract §4) around the boundary days.

import { addDays } from '../../src/domain/calendar-day';
import { DONE_STATUSES, OPEN_STATUSES } from '../../src/domain/contract';
import { deadlineState, isOpenStatus } from '../../src/domain/overdue';

const TODAY = '2022-03-01';
const state = (deadline: string, status = '整改中', dueSoonDays = 7) => deadlineState({ status, deadline }, TODAY, dueSoonDays);

describe('deadlineState', () => {
  it('flags an enterprise the day after its deadline as overdue by one day', () => {
    expect(state(addDays(TODAY, -1))).toEqual({ kind: 'overdue', daysOverdue: 1 });
  });

  it('counts overdue days across a month end', () => {
    expect(state('2022-02-27')).toEqual({ kind: 'overdue', daysOverdue: 2 });
  });

  it('treats a deadline of today as due soon with 0 days left, not overdue', () => {
    expect(state(TODAY)).toEqual({ kind: 'dueSoon', daysLeft: 0 });
  });

  it('treats a deadline exactly dueSoonDays ahead as due soon and one more day as nothing', () => {
    expect(state(addDays(TODAY, 7))).toEqual({ kind: 'dueSoon', daysLeft: 7 });
    expect(state(addDays(TODAY, 8))).toEqual({ kind: 'none' });
  });

  it('follows the configured number of days', () => {
    expect(state(addDays(TODAY, 10), '未启动', 10)).toEqual({ kind: 'dueSoon', daysLeft: 10 });
    expect(state(addDays(TODAY, 1), '未启动', 0)).toEqual({ kind: 'none' });
    expect(state(TODAY, '未启动', 0)).toEqual({ kind: 'dueSoon', daysLeft: 0 });
  });

  it('applies to both open statuses and to a blank status (a new row)', () => {
    for (const status of [...OPEN_STATUSES, '']) expect(state(addDays(TODAY, -3), status).kind).toBe('overdue');
  });

  it('never flags a finished enterprise', () => {
    for (const status of DONE_STATUSES) {
      expect(state(addDays(TODAY, -30), status)).toEqual({ kind: 'none' });
      expect(state(TODAY, status)).toEqual({ kind: 'none' });
    }
  });

  it('ignores a missing or unreadable deadline', () => {
    expect(state('')).toEqual({ kind: 'none' });
    expect(state('2022-02-30')).toEqual({ kind: 'none' });
  });

  it('ignores an unknown status', () => {
    expect(state(addDays(TODAY, -1), '暂停')).toEqual({ kind: 'none' });
  });
});

describe('isOpenStatus', () => {
  it('is true only for 未启动 and 整改中', () => {
    expect(['未启动', '整改中', '已完成（待验收）', '已验收销号', ''].map(isOpenStatus)).toEqual([true, true, false, false, false]);
  });
});
