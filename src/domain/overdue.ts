// Deadline state of an enterprise on a given day (contract §4): overdue, due soon, or neither.

import type { Day } from './calendar-day';
import { daysBetween, parseDay } from './calendar-day';
import { OPEN_STATUSES, statusOf } from './contract';
import type { Status } from './contract';

export type DeadlineState =
  | { kind: 'overdue'; daysOverdue: number }
  | { kind: 'dueSoon'; daysLeft: number }
  | { kind: 'none' };

export function isOpenStatus(status: string): boolean {
  return OPEN_STATUSES.includes(status as Status);
}

/** `today` is passed in (Shanghai day) so the rule never reads the clock. A deadline of today is due soon. */
export function deadlineState(entry: { status: string; deadline: Day | '' }, today: Day, dueSoonDays: number): DeadlineState {
  const status = statusOf(entry.status);
  const deadline = parseDay(entry.deadline);
  if (!deadline || !isOpenStatus(status)) return { kind: 'none' };
  const left = daysBetween(today, deadline);
  if (left < 0) return { kind: 'overdue', daysOverdue: -left };
  if (left <= dueSoonDays) return { kind: 'dueSoon', daysLeft: left };
  return { kind: 'none' };
}

