// The one vocabulary of 督办 (contract §4): 待修正, 整改中, 逾期, 即将到期, 久未更新 — each defined once, used by every table, email and dialog.
import type { Day } from './calendar-day';
import { dayOf, daysBetween, parseDay } from './calendar-day';
import { COLUMNS, OPEN_STATUSES, statusOf } from './contract';
import type { Status } from './contract';
import type { PlanRules } from './enterprise';
import { addDuplicateProblems, checkRow, indexCodes } from './edit-check';
import type { CodeIndex, RowCheck } from './edit-check';
import type { ColumnMap, RawPayload } from './ledger-row';
import { deadlineState } from './overdue';
import type { DeadlineState } from './overdue';
import type { Quarter, ReportRecord } from './quarter';
import { reportingSince } from './quarter';

export const TERM = {
  toFix: '待修正',
  inProgress: '整改中',
  overdue: '逾期',
  dueSoon: '即将到期',
  stale: '久未更新',
} as const;

/** The definitions as the office reads them (汇总's notes, the digest's footer), with the settings filled in. */
export function definitions(s: { dueSoonDays: number; staleDays: number }): Record<keyof typeof TERM, string> {
  return {
    toFix: `${TERM.toFix}：“校验本表”报告有问题的行（与侧边栏同一套规则，含跨辖区重复的统一社会信用代码）`,
    inProgress: `${TERM.inProgress}：整改状态为“整改中”的企业（含其中已逾期的；图表中逾期的单独成段）`,
    overdue: `${TERM.overdue}：整改完成时限早于今天，且状态为未启动或整改中`,
    dueSoon: `${TERM.dueSoon}：状态为未启动或整改中，距整改完成时限0至${s.dueSoonDays}天（时限当天也算）`,
    stale: `${TERM.stale}：状态为未启动或整改中，最后更新时间在${s.staleDays}天以前`,
  };
}

/** The part of an enterprise its standing depends on (a ledger row's raw payload and 最后更新时间 fit). */
export interface StandingEntry {
  readonly status: string;
  readonly deadline: string;
  /** The Shanghai day of 最后更新时间, or null. */
  readonly updatedOn: Day | null;
}

/** An empty 整改状态 is a new row, which starts at 未启动 (contract §2). */
const isOpen = (status: string): boolean => OPEN_STATUSES.includes(statusOf(status) as Status);

/**
 * 久未更新: status 未启动 or 整改中 and 最后更新时间 more than `staleDays` days before today. Returns the days since the
 * last update, or null when the enterprise is not stale (a row without a stamp has no 最后更新时间 to be old).
 */
export function staleDays(entry: Pick<StandingEntry, 'status' | 'updatedOn'>, today: Day, limit: number): number | null {
  if (!isOpen(entry.status) || entry.updatedOn === null) return null;
  const days = daysBetween(entry.updatedOn, today);
  return days > limit ? days : null;
}

export const updatedOnOf = (updatedAt: Date | null): Day | null =>
  updatedAt && !Number.isNaN(updatedAt.getTime()) ? dayOf(updatedAt) : null;

/** Everything a table or an email says about one enterprise on one day. */
interface Standing {
  readonly deadline: DeadlineState;
  /** Days since the last update when 久未更新, else null. */
  readonly staleDays: number | null;
}

export function standingOf(
  entry: StandingEntry,
  today: Day,
  s: { dueSoonDays: number; staleDays: number },
): Standing {
  const deadline = parseDay(entry.deadline);
  return {
    deadline: deadline ? deadlineState({ status: statusOf(entry.status), deadline }, today, s.dueSoonDays) : { kind: 'none' },
    staleDays: staleDays(entry, today, s.staleDays),
  };
}

/** One district tab's non-blank data rows as read (1-based sheet row and its cells), for the 待修正 check. */
export interface TabRows {
  readonly tab: string;
  /** `payload`: the row's payload when the read already made it (a ledger's rows), so it is not made again. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly unknown[]; readonly payload?: RawPayload }[];
  readonly columns: ColumnMap;
}

/** Where every credit code of these tabs sits, for the cross-tab uniqueness rule. */
export function codeIndexOf(tabs: readonly TabRows[]): CodeIndex {
  const index: CodeIndex = new Map();
  for (const t of tabs) for (const r of t.rows) indexCodes(index, t.tab, r.row, [r.cells[t.columns.creditCode]]);
  return index;
}

/**
 * 待修正, the one definition: exactly the problems 校验本表 reports on a tab — the record's rules (the sidebar's
 * schema) plus a credit code already used on another row of any district tab.
 */
export function toFixChecks(tab: TabRows, rules: PlanRules, index: CodeIndex): RowCheck[] {
  const checks = tab.rows.map((r) => checkRow(r.cells, r.row, tab.columns, rules, r.payload));
  addDuplicateProblems(checks, tab.rows.map((r) => r.cells), tab.columns, tab.tab, index);
  return checks;
}

/** A check's problems as `字段：问题` texts, in column order (as 校验本表 lists them). */
export function problemTexts(check: RowCheck): string[] {
  return [...check.problems.entries()].sort((a, b) => a[0] - b[0]).map(([col, message]) => `${COLUMNS[col]?.header ?? ''}：${message}`);
}

/** Where the quarterly board and the missed-quarter count start: 首个报送季度, else the earliest report's quarter. */
export function reportingStart(firstQuarter: Quarter | null, reports: readonly ReportRecord[], today: Day): Quarter {
  return firstQuarter ?? reportingSince(reports, today);
}
