// Who gets a reminder today and why (contract §8): overdue and due-soon enterprises, a missing quarterly report, escalation.
import type { Day } from './calendar-day';
import { parseDay } from './calendar-day';
import type { Quarter, ReportRecord, ReportState } from './quarter';
import { consecutiveMissedQuarters, quarterOf, reportDueDate, reportReminderWindow, reportStateFor } from './quarter';
import type { Settings } from './settings';
import { statusOf } from './contract';
import { reportingStart, standingOf, type StandingEntry } from './vocabulary';

/** The part of an enterprise a reminder needs (a ledger row's raw payload fits). */
export interface ReminderEnterprise extends StandingEntry {
  readonly name: string;
  readonly creditCode: string;
}

export interface DistrictLedger {
  readonly district: string;
  readonly enterprises: readonly ReminderEnterprise[];
  /** Rows 校验本表 reports on (待修正). */
  readonly toFix?: number;
}

export interface ReminderItem {
  readonly name: string;
  readonly creditCode: string;
  readonly deadline: Day;
  readonly status: string;
  /** Days overdue (positive), days left (zero or more) or days since the last update, per `kind`. */
  readonly days: number;
  readonly kind: 'overdue' | 'dueSoon' | 'stale';
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
  /** 久未更新, longest first (mentioned in the email; never a reason to send one on its own, contract §8). */
  readonly stale: readonly ReminderItem[];
  /** 待修正 rows of the tab. */
  readonly toFix: number;
  readonly report: ReportSituation;
  readonly escalation: Escalation;
}

export const ESCALATION_OVERDUE_DAYS = 30;

export interface ReminderInput {
  readonly ledgers: readonly DistrictLedger[];
  readonly settings: Pick<Settings, 'reportDay' | 'dueSoonDays' | 'staleDays' | 'firstQuarter'>;
  readonly reports: readonly ReportRecord[];
  readonly today: Day;
}

function items(enterprises: readonly ReminderEnterprise[], today: Day, settings: ReminderInput['settings']): ReminderItem[] {
  const out: ReminderItem[] = [];
  for (const e of enterprises) {
    const deadline = parseDay(e.deadline);
    const status = statusOf(e.status);
    const standing = standingOf(e, today, settings);
    const base = { name: e.name, creditCode: e.creditCode, deadline: deadline ?? '', status };
    if (standing.deadline.kind === 'overdue') out.push({ ...base, days: standing.deadline.daysOverdue, kind: 'overdue' });
    if (standing.deadline.kind === 'dueSoon') out.push({ ...base, days: standing.deadline.daysLeft, kind: 'dueSoon' });
    if (standing.staleDays !== null) out.push({ ...base, days: standing.staleDays, kind: 'stale' });
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
  const all = items(ledger.enterprises, today, settings);
  const overdue = all.filter((i) => i.kind === 'overdue').sort((a, b) => b.days - a.days || byName(a, b));
  const dueSoon = all.filter((i) => i.kind === 'dueSoon').sort((a, b) => a.days - b.days || byName(a, b));
  const stale = all.filter((i) => i.kind === 'stale').sort((a, b) => b.days - a.days || byName(a, b));
  const quarter = quarterOf(today);
  const state = reportStateFor(reports, ledger.district, quarter, settings.reportDay);
  return {
    district: ledger.district,
    overdue,
    dueSoon,
    stale,
    toFix: ledger.toFix ?? 0,
    report: {
      quarter,
      dueDate: reportDueDate(quarter, settings.reportDay),
      state,
      remind: state.kind === 'missing' && reportReminderWindow(today, settings.reportDay),
    },
    escalation: {
      missedQuarters: consecutiveMissedQuarters(
        reports,
        ledger.district,
        today,
        settings.reportDay,
        reportingStart(settings.firstQuarter, reports, today),
      ),
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
