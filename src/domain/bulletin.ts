// 季度通报 (contract §11): the districts ranked by 完成率 for one quarter, the figures, the 通报批评 line, as a printable grid.
import type { Day } from './calendar-day';
import { CLOSED_STATUS, DONE_STATUSES, statusOf } from './contract';
import type { Status } from './contract';
import type { Quarter, ReportRecord, ReportState } from './quarter';
import type { Settings } from './settings';
import { compareQuarters, consecutiveMissedQuarters, lastDay, quarterLabel, quarterOf, reportDueDate, reportStateFor, reportStateText } from './quarter';
import { ESCALATION_OVERDUE_DAYS } from './reminders';
import { definitions, standingOf, type StandingEntry } from './vocabulary';
import { literalText } from './ledger-row';
import { dayWithNote } from './workday';
import { menuPath } from './menu';
import type { TabRepair } from './tab-repair';
import { repairText } from './tab-repair';

export const BULLETIN_TAB = '季度通报';
export const BULLETIN_HEADERS = [
  '排名',
  '辖区',
  '企业总数',
  '已验收销号',
  '完成率',
  '逾期',
  `逾期超过${ESCALATION_OVERDUE_DAYS}天`,
  '久未更新',
  '已延期',
  '本季度报送',
  '连续未按时报送季度数',
] as const;

export interface BulletinDistrict {
  readonly district: string;
  readonly enterprises: readonly StandingEntry[];
  /** Enterprises whose deadline was extended (approved 延期申请). */
  readonly extended: number;
}

export interface BulletinInput {
  readonly quarter: Quarter;
  readonly today: Day;
  readonly districts: readonly BulletinDistrict[];
  readonly reports: readonly ReportRecord[];
  readonly settings: Pick<Settings, 'reportDay' | 'dueSoonDays' | 'staleDays'>;
  /** 首个报送季度 (or the earliest report's quarter). */
  readonly since: Quarter;
  /** District tabs that could not be read: named with their repair, not ranked (one broken tab must not stop the bulletin). */
  readonly unread?: readonly TabRepair[];
}

export interface BulletinRow {
  readonly rank: number;
  readonly district: string;
  readonly total: number;
  readonly closed: number;
  readonly done: number;
  readonly rate: number;
  readonly overdue: number;
  readonly longOverdue: number;
  readonly stale: number;
  readonly extended: number;
  readonly report: ReportState;
  readonly missedQuarters: number;
  /** The 进展说明 of the quarter's latest report, '' when none. */
  readonly narrative: string;
  /** Why the district is named for 通报批评; empty when it is not. */
  readonly criticism: readonly string[];
}

export interface Bulletin {
  readonly quarter: Quarter;
  /** Deadlines and staleness are counted as of this day: the quarter's last day, or today while it runs. */
  readonly asOf: Day;
  readonly dueDate: Day;
  readonly rows: readonly BulletinRow[];
  /** In 配置's order; their districts are not in `rows`. */
  readonly unread: readonly TabRepair[];
}

/** A quarter that has not begun cannot be reported on. */
export function bulletinQuarterProblem(quarter: Quarter, today: Day, since: Quarter): string {
  if (compareQuarters(quarter, quarterOf(today)) > 0) return `${quarterLabel(quarter)}尚未开始，不能生成通报。`;
  if (compareQuarters(quarter, since) < 0) return `${quarterLabel(quarter)}早于首个报送季度（${quarterLabel(since)}），没有可通报的报送。`;
  return '';
}

const isDone = (s: string): boolean => DONE_STATUSES.includes(s as Status);

/** Exact comparison of two rates done/total (no floating-point ties that are not ties). */
const compareRates = (a: BulletinRow, b: BulletinRow): number => b.done * Math.max(a.total, 1) - a.done * Math.max(b.total, 1) || (a.total === 0 ? 1 : 0) - (b.total === 0 ? 1 : 0);

export function buildBulletin(input: BulletinInput): Bulletin {
  const { quarter, settings } = input;
  const { reportDay } = settings;
  const asOf = input.today < lastDay(quarter) ? input.today : lastDay(quarter);
  const dueDate = reportDueDate(quarter, reportDay);
  const unranked = input.districts.map((d, order) => {
    let closed = 0;
    let done = 0;
    let overdue = 0;
    let longOverdue = 0;
    let stale = 0;
    for (const e of d.enterprises) {
      const status = statusOf(e.status);
      if (status === CLOSED_STATUS) closed += 1;
      if (isDone(status)) done += 1;
      const s = standingOf(e, asOf, settings);
      if (s.deadline.kind === 'overdue') {
        overdue += 1;
        if (s.deadline.daysOverdue > ESCALATION_OVERDUE_DAYS) longOverdue += 1;
      }
      if (s.staleDays !== null) stale += 1;
    }
    const report = reportStateFor(input.reports, d.district, quarter, reportDay);
    const latest = input.reports
      .filter((r) => r.district === d.district && compareQuarters(quarterOf(r.on), quarter) === 0)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)))
      .pop();
    const criticism: string[] = [];
    const reportSettled = report.kind !== 'missing' || asOf > dueDate;
    if (report.kind === 'missing' && reportSettled) criticism.push('季度进展未报送');
    if (report.kind === 'late') criticism.push(`季度进展逾期报送（${report.on}）`);
    if (longOverdue > 0) criticism.push(`${longOverdue}家企业逾期超过${ESCALATION_OVERDUE_DAYS}天`);
    return {
      order,
      row: {
        rank: 0,
        district: d.district,
        total: d.enterprises.length,
        closed,
        done,
        rate: d.enterprises.length === 0 ? 0 : done / d.enterprises.length,
        overdue,
        longOverdue,
        stale,
        extended: d.extended,
        report,
        missedQuarters: consecutiveMissedQuarters(input.reports, d.district, asOf, reportDay, input.since),
        narrative: latest?.narrative ?? '',
        criticism,
      } as BulletinRow,
    };
  });
  // Ties share a rank (1, 2, 2, 4); within a tie fewer overdue enterprises come first, then 配置's order.
  const sorted = [...unranked].sort((a, b) => compareRates(a.row, b.row) || a.row.overdue - b.row.overdue || a.order - b.order);
  const rows: BulletinRow[] = [];
  sorted.forEach((x, i) => {
    const prev = rows[i - 1];
    const tied = prev !== undefined && compareRates(prev, x.row) === 0;
    rows.push({ ...x.row, rank: tied ? prev.rank : i + 1 });
  });
  return { quarter, asOf, dueDate, rows, unread: input.unread ?? [] };
}

export function bulletinTitle(q: Quarter): string {
  return `达州市主城区工业企业突出生态环境问题整治工作季度通报（${quarterLabel(q)}）`;
}

export function criticismLine(b: Bulletin): string {
  const named = b.rows.filter((r) => r.criticism.length > 0);
  if (named.length === 0) {
    // Before the due date a missing report is not yet a miss: say so rather than call everyone on time.
    const pending = b.rows.filter((r) => r.report.kind === 'missing').map((r) => r.district);
    const note = pending.length > 0 ? `；${pending.join('、')}尚未报送，截止日${b.dueDate}` : '';
    return `通报批评：无（截至${b.asOf}，没有未按时报送或有企业逾期超过${ESCALATION_OVERDUE_DAYS}天的辖区${note}）。`;
  }
  return `通报批评：${named.map((r) => `${r.district}（${r.criticism.join('；')}）`).join('，')}。`;
}

/** The report cell: 已报送 / 逾期报送 with the date, or 未报送 (未到截止日 while it is still ahead). */
export function bulletinReportText(state: ReportState, asOf: Day, dueDate: Day): string {
  if (state.kind === 'missing' && asOf <= dueDate) return '未报送（未到截止日）';
  return reportStateText(state);
}

/** The line that names a district left out because its tab cannot be read, and what to repair before generating again. */
export function unreadLine(t: TabRepair): string {
  return `${t.district}未计入本通报（工作表需修复）：${repairText(t)}修复后请通过“${menuPath('menuQuarterBulletin')}”重新生成。`;
}

export type BulletinCell = string | number;

/** Column widths in pixels, in BULLETIN_HEADERS order: the table fits an A4 landscape page (about 870 px). */
export const BULLETIN_WIDTHS = [44, 90, 64, 76, 64, 52, 80, 64, 56, 170, 96] as const;

export interface BulletinGrid {
  readonly values: BulletinCell[][];
  /** 1-based rows of the header and of the 通报批评 line; the districts' rows follow the header. */
  readonly headerRow: number;
  readonly criticismRow: number;
  readonly districtRows: number;
  readonly width: number;
  /** Rows whose text runs from `col` to the last column (merged and wrapped), with a height that shows it all. */
  readonly spans: readonly { readonly row: number; readonly col: number; readonly height: number }[];
}

/** Lines of about 14 px characters in `px` pixels, 21 px each: merged cells do not grow by themselves. */
const heightFor = (text: string, px: number): number => Math.max(1, ...text.split('\n').map((l) => Math.ceil((l.length * 14) / px))) * 21;

/** The tab as one rectangle: title, basis, table, 通报批评, each district's 进展说明, the definitions. */
export function bulletinGrid(b: Bulletin, s: { dueSoonDays: number; staleDays: number }): BulletinGrid {
  const width = BULLETIN_HEADERS.length;
  const rows: BulletinCell[][] = [];
  const spans: { row: number; col: number; height: number }[] = [];
  const widthFrom = (col: number): number => BULLETIN_WIDTHS.slice(col - 1).reduce((a, w) => a + w, 0);
  const line = (text: string): void => {
    rows.push([text]);
    spans.push({ row: rows.length, col: 1, height: heightFor(text, widthFrom(1)) });
  };
  line(bulletinTitle(b.quarter));
  line(`统计截至${b.asOf}（企业状态为生成时台账所载；逾期、久未更新按统计截至日计算）；季度报送截止日${dayWithNote(b.dueDate)}`);
  // Above the table, so that a reader who misses a district in the ranking sees why at once.
  for (const t of b.unread) line(unreadLine(t));
  rows.push([]);
  rows.push([...BULLETIN_HEADERS]);
  const headerRow = rows.length;
  for (const r of b.rows) {
    rows.push([
      r.rank,
      r.district,
      r.total,
      r.closed,
      r.rate,
      r.overdue,
      r.longOverdue,
      r.stale,
      r.extended,
      bulletinReportText(r.report, b.asOf, b.dueDate),
      r.missedQuarters,
    ]);
  }
  rows.push([]);
  line(criticismLine(b));
  const criticismRow = rows.length;
  rows.push([]);
  line('各辖区本季度进展说明');
  for (const r of b.rows) line(`${r.district}：${r.narrative || '（本季度未报送进展说明）'}`);
  rows.push([]);
  const d = definitions(s);
  line('说明：完成率＝（已完成（待验收）＋已验收销号）÷企业总数；完成率相同的辖区并列同一名次。');
  line(`${d.overdue.replace('今天', '统计截至日')}。${d.stale}。`);
  // A district's 进展说明 is the district's own text: never a formula.
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => {
    const v = r[i] ?? '';
    return typeof v === 'string' ? literalText(v) : v;
  }));
  return { values, headerRow, criticismRow, districtRows: b.rows.length, width, spans };
}
