// 汇总 as data: every table of the summary computed from the ledger entries, the reports and the day (contract §4).

// How rows that are not valid count (the recompute never refuses a ledger, it reports on it):
// - every non-blank row of a district tab counts in that tab's 企业总数, whatever its 辖区 cell says;
// - an empty 整改状态 counts as 未启动 (a new row starts there, as the deadline rule also reads it);
// - an unrecognised 整改状态, 整治分类, 行业类别 or 所在乡镇（街道） counts in no column of that kind but in the
//   `未填或无效` row/column of the tables that have one;
// - a missing or unreadable 整改完成时限 makes the row neither overdue nor due soon;
// - 待修正 lists exactly the rows 校验本表 reports (the caller passes its problems, vocabulary.toFixChecks), so the
//   two can never disagree;
// so the status columns of a district add up to its 企业总数 only when its rows are valid, and 完成率 counts the
// invalid rows in its denominator (a bad row is never counted as done).
import type { Day } from './calendar-day';
import { parseDay } from './calendar-day';
import { CATEGORIES, DONE_STATUSES, INDUSTRIES, STATUSES, TOWNS, statusOf } from './contract';
import type { Category, Industry, Status, Town } from './contract';
import { deadlineState } from './overdue';
import type { Quarter, ReportRecord, ReportState } from './quarter';
import { compareQuarters, firstDay, planQuarters, quarterOf, reportDueDate, reportStateFor } from './quarter';
import { staleDays } from './vocabulary';
import { holidayNote } from './workday';

/** One ledger row as read, before validation (text as the sheet holds it; the deadline as `YYYY-MM-DD` or junk). */
export interface SummaryEntry {
  /** The tab the row is on. */
  district: string;
  /** 1-based sheet row, to point the office at rows to correct. */
  row: number;
  name: string;
  creditCode: string;
  industry: string;
  category: string;
  status: string;
  town: string;
  deadline: string;
  /** The Shanghai day of 最后更新时间, or null when the row has none. */
  updatedOn: Day | null;
  /** What 校验本表 reports on this row (`字段：问题`); empty when the row is valid. */
  toFix: readonly string[];
  /** 已延期: its approved deadline was moved past the first one (contract §10). */
  extended?: boolean;
}

export interface SummaryInput {
  districts: readonly string[];
  entries: readonly SummaryEntry[];
  reports: readonly ReportRecord[];
  today: Day;
  /** The instant of the recompute, shown after 更新于. */
  now: Date;
  dueSoonDays: number;
  reportDay: number;
  /** 进展更新提醒天数 */
  staleDays: number;
  /** 首个报送季度 (or the earliest report's): the board shows no quarter before it. */
  firstQuarter: Quarter;
  /** The quarters of the reporting board are those overlapping planFrom…planTo, from firstQuarter on. */
  planFrom: Day;
  planTo: Day;
}

/** The plan's 精准施策强化整治 phase runs from 2021年1月 (the plan, 三(二)); its quarters start the board. */
export const PLAN_START: Day = '2021-01-01';

export const INVALID_LABEL = '未填或无效';

export interface Counts {
  total: number;
  byCategory: Record<Category, number>;
  byStatus: Record<Status, number>;
  /** Unrecognised 整治分类 / 整改状态 (counted in total, in no column). */
  badCategory: number;
  badStatus: number;
  overdue: number;
  dueSoon: number;
  /** 久未更新 */
  stale: number;
  extended: number;
  /** 待修正 rows */
  toFix: number;
  /** Overdue rows by their (open) status, so the chart's stacks add up without double counting. */
  overdueByStatus: Record<Status, number>;
}

export interface DistrictRow {
  district: string;
  counts: Counts;
  /** The current quarter's report state. */
  report: ReportState;
}

export interface DeadlineItem {
  district: string;
  row: number;
  name: string;
  creditCode: string;
  deadline: Day;
  /** Days overdue (overdue list), days left (due-soon list) or days since the last update (stale list). */
  days: number;
  status: string;
  /** `遇节假日（…）` when the deadline falls on a weekend or holiday, else ''. */
  note: string;
}

export interface ProblemItem {
  district: string;
  row: number;
  name: string;
  creditCode: string;
  problems: string[];
}

export interface BoardCell {
  state: ReportState;
  /** A quarter that has not begun yet: nothing can be reported for it. */
  future: boolean;
  /** The due date has passed (a missing report is then a real miss, not just pending). */
  pastDue: boolean;
}

export interface SummaryModel {
  now: Date;
  today: Day;
  currentQuarter: Quarter;
  reportDay: number;
  districts: DistrictRow[];
  total: Counts;
  /** 行业类别 (and INVALID_LABEL last) → 整治分类 counts plus the unrecognised ones. */
  byIndustry: { label: string; byCategory: Record<Category, number>; badCategory: number; total: number }[];
  /** The 11 key areas (KEY_TOWNS), 其他, then INVALID_LABEL. */
  byTown: { label: string; counts: Counts }[];
  /** 整改状态 → count per district (in `districts` order) and in all. */
  byStatus: { label: string; perDistrict: number[]; total: number }[];
  overdue: DeadlineItem[];
  dueSoon: DeadlineItem[];
  /** 久未更新, most days first. */
  stale: DeadlineItem[];
  problems: ProblemItem[];
  quarters: Quarter[];
  board: { district: string; cells: BoardCell[] }[];
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyCounts(): Counts {
  return {
    total: 0,
    byCategory: zeros(CATEGORIES),
    byStatus: zeros(STATUSES),
    badCategory: 0,
    badStatus: 0,
    overdue: 0,
    dueSoon: 0,
    stale: 0,
    extended: 0,
    toFix: 0,
    overdueByStatus: zeros(STATUSES),
  };
}

/** 完成率: (已完成（待验收） + 已验收销号) ÷ 企业总数, 0 when there is no enterprise. */
export function completionRate(c: Counts): number {
  if (c.total === 0) return 0;
  return DONE_STATUSES.reduce((n, s) => n + c.byStatus[s], 0) / c.total;
}


/** An entry read for the summary: each field either recognised or null (what is wrong is 校验本表's to say). */
interface Classified {
  status: Status | null;
  category: Category | null;
  industry: Industry | null;
  town: Town | null;
  deadline: Day | null;
}

// Sets, not lists: 汇总 classifies every row of every tab.
const STATUS_SET: ReadonlySet<string> = new Set(STATUSES);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
const INDUSTRY_SET: ReadonlySet<string> = new Set(INDUSTRIES);
const TOWN_SET: ReadonlySet<string> = new Set(TOWNS);

const oneOf = <T extends string>(set: ReadonlySet<string>, v: string): T | null => {
  const text = v.trim();
  return set.has(text) ? (text as T) : null;
};

export function classify(e: SummaryEntry): Classified {
  return {
    status: oneOf<Status>(STATUS_SET, statusOf(e.status)),
    category: oneOf<Category>(CATEGORY_SET, e.category),
    industry: oneOf<Industry>(INDUSTRY_SET, e.industry),
    town: oneOf<Town>(TOWN_SET, e.town),
    deadline: parseDay(e.deadline),
  };
}

function add(c: Counts, k: Classified, state: ReturnType<typeof deadlineState>, stale: boolean, toFix: boolean, extended = false): void {
  c.total += 1;
  if (extended) c.extended += 1;
  if (stale) c.stale += 1;
  if (toFix) c.toFix += 1;
  if (k.category) c.byCategory[k.category] += 1;
  else c.badCategory += 1;
  if (k.status) c.byStatus[k.status] += 1;
  else c.badStatus += 1;
  if (state.kind === 'overdue') {
    c.overdue += 1;
    if (k.status) c.overdueByStatus[k.status] += 1;
  } else if (state.kind === 'dueSoon') c.dueSoon += 1;
}

export function sumCounts(list: readonly Counts[]): Counts {
  const out = emptyCounts();
  for (const c of list) {
    out.total += c.total;
    out.badCategory += c.badCategory;
    out.badStatus += c.badStatus;
    out.overdue += c.overdue;
    out.dueSoon += c.dueSoon;
    out.stale += c.stale;
    out.extended += c.extended;
    out.toFix += c.toFix;
    for (const k of CATEGORIES) out.byCategory[k] += c.byCategory[k];
    for (const s of STATUSES) {
      out.byStatus[s] += c.byStatus[s];
      out.overdueByStatus[s] += c.overdueByStatus[s];
    }
  }
  return out;
}

const byDaysThen = (order: Map<string, number>, dir: 1 | -1) => (a: DeadlineItem, b: DeadlineItem): number =>
  dir * (a.days - b.days) ||
  (order.get(a.district) ?? 0) - (order.get(b.district) ?? 0) ||
  a.row - b.row;

export function buildSummary(input: SummaryInput): SummaryModel {
  const { districts, today, dueSoonDays, reportDay } = input;
  const order = new Map(districts.map((d, i) => [d, i]));
  const perDistrict = new Map(districts.map((d) => [d, emptyCounts()]));
  const perTown = new Map<string, Counts>([...TOWNS, INVALID_LABEL].map((t) => [t, emptyCounts()]));
  const perIndustry = new Map<string, { byCategory: Record<Category, number>; badCategory: number; total: number }>(
    [...INDUSTRIES, INVALID_LABEL].map((i) => [i, { byCategory: zeros(CATEGORIES), badCategory: 0, total: 0 }]),
  );
  const statusRows = new Map<string, number[]>([...STATUSES, INVALID_LABEL].map((s) => [s, districts.map(() => 0)]));
  const overdue: DeadlineItem[] = [];
  const dueSoon: DeadlineItem[] = [];
  const stale: DeadlineItem[] = [];
  const problems: ProblemItem[] = [];

  for (const e of input.entries) {
    const counts = perDistrict.get(e.district);
    if (!counts) continue; // a tab no longer listed in 配置 is not read at all; this guards a caller's slip
    const k = classify(e);
    const state = deadlineState({ status: k.status ?? e.status, deadline: k.deadline ?? '' }, today, dueSoonDays);
    const staleFor = staleDays({ status: k.status ?? e.status, updatedOn: e.updatedOn }, today, input.staleDays);
    const toFix = e.toFix.length > 0;
    add(counts, k, state, staleFor !== null, toFix, e.extended);
    add(perTown.get(k.town ?? INVALID_LABEL)!, k, state, staleFor !== null, toFix);
    const ind = perIndustry.get(k.industry ?? INVALID_LABEL)!;
    ind.total += 1;
    if (k.category) ind.byCategory[k.category] += 1;
    else ind.badCategory += 1;
    statusRows.get(k.status ?? INVALID_LABEL)![order.get(e.district)!]! += 1;
    if (state.kind !== 'none') {
      const item: DeadlineItem = {
        district: e.district,
        row: e.row,
        name: e.name,
        creditCode: e.creditCode,
        deadline: k.deadline!,
        days: state.kind === 'overdue' ? state.daysOverdue : state.daysLeft,
        status: k.status ?? e.status,
        note: holidayNote(k.deadline!),
      };
      (state.kind === 'overdue' ? overdue : dueSoon).push(item);
    }
    if (staleFor !== null) {
      stale.push({
        district: e.district,
        row: e.row,
        name: e.name,
        creditCode: e.creditCode,
        deadline: k.deadline ?? '',
        days: staleFor,
        status: k.status ?? e.status,
        note: '',
      });
    }
    if (toFix) {
      problems.push({ district: e.district, row: e.row, name: e.name, creditCode: e.creditCode, problems: [...e.toFix] });
    }
  }

  overdue.sort(byDaysThen(order, -1));
  dueSoon.sort(byDaysThen(order, 1));
  stale.sort(byDaysThen(order, -1));
  problems.sort((a, b) => (order.get(a.district) ?? 0) - (order.get(b.district) ?? 0) || a.row - b.row);

  const currentQuarter = quarterOf(today);
  const boardFrom = firstDay(input.firstQuarter) > input.planFrom ? firstDay(input.firstQuarter) : input.planFrom;
  const quarters = planQuarters(boardFrom, input.planTo).filter((q) => compareQuarters(q, input.firstQuarter) >= 0);
  const districtRows = districts.map((d) => ({
    district: d,
    counts: perDistrict.get(d)!,
    report: reportStateFor(input.reports, d, currentQuarter, reportDay),
  }));

  return {
    now: input.now,
    today,
    currentQuarter,
    reportDay,
    districts: districtRows,
    total: sumCounts(districtRows.map((r) => r.counts)),
    byIndustry: [...perIndustry].map(([label, v]) => ({ label, ...v })),
    byTown: [...perTown].map(([label, counts]) => ({ label, counts })),
    byStatus: [...statusRows].map(([label, perD]) => ({ label, perDistrict: perD, total: perD.reduce((a, b) => a + b, 0) })),
    overdue,
    dueSoon,
    stale,
    problems,
    quarters,
    board: districts.map((d) => ({
      district: d,
      cells: quarters.map((q) => ({
        state: reportStateFor(input.reports, d, q, reportDay),
        future: firstDay(q) > today,
        pastDue: today > reportDueDate(q, reportDay),
      })),
    })),
  };
}

