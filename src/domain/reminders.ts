// Who gets a reminder today and why (contract §8): overdue and due-soon enterprises, a missing quarterly report, escalation.
import type { Day } from './calendar-day';
import { parseDay } from './calendar-day';
import { INITIAL_STATUS } from './contract';
import { deadlineState } from './overdue';
import type { Quarter, ReportRecord, ReportState } from './quarter';
import {
  consecutiveMissedQuarters,
  quarterOf,
  reportDueDate,
  reportReminderWindow,
  reportStateFor,
  reportingSince,
} from './quarter';
import type { Settings } from './settings';

/** The part of an enterprise a reminder needs (a ledger row's raw payload fits). */
export interface ReminderEnterprise {
  readonly name: string;
  readonly creditCode: string;
  readonly deadline: string;
  readonly status: string;
}

export interface DistrictLedger {
  readonly district: string;
  readonly enterprises: readonly ReminderEnterprise[];
}

export interface ReminderItem {
  readonly name: string;
  readonly creditCode: string;
  readonly deadline: Day;
  readonly status: string;
  /** Days overdue (positive) or days left (zero or more), per `kind`. */
  readonly days: number;
  readonly kind: 'overdue' | 'dueSoon';
}

export interface ReportSituation {
  readonly quarter: Quarter;
  readonly dueDate: Day;
  readonly state: ReportState;
  /** The report is missing and today is within the reminder window (due date − 3 days … the quarter's last day). */
  readonly remind: boolean;
}

export interface Escalation {
  /** Consecutive quarters, up to the latest settled one, whose report was missing or late. */
  readonly missedQuarters: number;
  /** Enterprises overdue by more than ESCALATION_OVERDUE_DAYS days. */
  readonly longOverdue: number;
}

export interface DistrictReminder {
  readonly district: string;
  /** Most overdue first. */
  readonly overdue: readonly ReminderItem[];
  /** Nearest deadline first. */
  readonly dueSoon: readonly ReminderItem[];
  readonly report: ReportSituation;
  readonly escalation: Escalation;
}

export const ESCALATION_OVERDUE_DAYS = 30;

export interface ReminderInput {
  readonly ledgers: readonly DistrictLedger[];
  readonly settings: Pick<Settings, 'reportDay' | 'dueSoonDays'>;
  readonly reports: readonly ReportRecord[];
  readonly today: Day;
}

function items(enterprises: readonly ReminderEnterprise[], today: Day, dueSoonDays: number): ReminderItem[] {
  const out: ReminderItem[] = [];
  for (const e of enterprises) {
    const deadline = parseDay(e.deadline);
    if (!deadline) continue;
    const status = e.status.trim() === '' ? INITIAL_STATUS : e.status.trim();
    const state = deadlineState({ status, deadline }, today, dueSoonDays);
    if (state.kind === 'overdue') out.push({ name: e.name, creditCode: e.creditCode, deadline, status, days: state.daysOverdue, kind: 'overdue' });
    if (state.kind === 'dueSoon') out.push({ name: e.name, creditCode: e.creditCode, deadline, status, days: state.daysLeft, kind: 'dueSoon' });
  }
  return out;
}

const byName = (a: ReminderItem, b: ReminderItem): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** What each district's reminder would say today, whether or not it has anything to say. */
export function districtSituation(
  ledger: DistrictLedger,
  reports: readonly ReportRecord[],
  settings: ReminderInput['settings'],
  today: Day,
): DistrictReminder {
  const all = items(ledger.enterprises, today, settings.dueSoonDays);
  const overdue = all.filter((i) => i.kind === 'overdue').sort((a, b) => b.days - a.days || byName(a, b));
  const dueSoon = all.filter((i) => i.kind === 'dueSoon').sort((a, b) => a.days - b.days || byName(a, b));
  const quarter = quarterOf(today);
  const state = reportStateFor(reports, ledger.district, quarter, settings.reportDay);
  return {
    district: ledger.district,
    overdue,
    dueSoon,
    report: {
      quarter,
      dueDate: reportDueDate(quarter, settings.reportDay),
      state,
      remind: state.kind === 'missing' && reportReminderWindow(today, settings.reportDay),
    },
    escalation: {
      missedQuarters: consecutiveMissedQuarters(reports, ledger.district, today, settings.reportDay, reportingSince(reports, today)),
      longOverdue: overdue.filter((i) => i.days > ESCALATION_OVERDUE_DAYS).length,
    },
  };
}

/** Contract §8: an email only for an overdue or due-soon enterprise, or a missing report inside its window. */
export function hasSomethingToSay(r: DistrictReminder): boolean {
  return r.overdue.length > 0 || r.dueSoon.length > 0 || r.report.remind;
}

/** Most urgent first: more overdue enterprises, then longer overdue, then more due soon, then a missing report. */
export function compareUrgency(a: DistrictReminder, b: DistrictReminder): number {
  const maxOverdue = (r: DistrictReminder): number => r.overdue[0]?.days ?? 0;
  return (
    b.overdue.length - a.overdue.length ||
    maxOverdue(b) - maxOverdue(a) ||
    b.dueSoon.length - a.dueSoon.length ||
    Number(b.report.remind) - Number(a.report.remind) ||
    b.escalation.missedQuarters - a.escalation.missedQuarters
  );
}

/** Every district's situation, most urgent first (stable: 配置's order breaks ties). */
export function decideReminders(input: ReminderInput): DistrictReminder[] {
  return input.ledgers
    .map((l) => districtSituation(l, input.reports, input.settings, input.today))
    .sort(compareUrgency);
}
