// 汇总's layout: the SummaryModel as one rectangular grid of values plus its formats, colours and the chart's data block.
import { freshnessText } from './summary-throttle';
import { STATUSES, SUMMARY_HEADERS, SUMMARY_TOTAL, SUMMARY_UPDATED_LABEL, CATEGORIES, DONE_STATUSES } from './contract';
import type { Status } from './contract';
import { startOfDay } from './calendar-day';
import { literalText } from './ledger-row';
import { TRAFFIC_COLORS } from './ledger-template';
import { quarterLabel, reportDueDate, reportStateText } from './quarter';
import { TERM } from './vocabulary';
import { dayWithNote } from './workday';
import type { BoardCell, Counts, DeadlineItem, SummaryModel } from './summary';
import { INVALID_LABEL, completionRate } from './summary';

export type GridValue = string | number | Date;

export const SUMMARY_TITLE = '达州市主城区工业企业突出生态环境问题整治工作汇总';
/** The chart's title doubles as its marker: the recompute finds its own chart by it and never duplicates it. */
export const CHART_TITLE = '各辖区整治进度（逾期、整改中、未启动、已完成、已销号）';
/** Lists longer than this show their first rows and a line `另有N家…`: the tab stays readable and cheap to write. */
export const LIST_CAP = 200;

/**
 * The 数据截至 line (row 2, after 更新于, the day and the due date): written by each recompute, rewritten once when a
 * ledger change is not counted yet.
 */
export const STALE_CELL = { row: 2, col: 10 } as const;

export const FORMAT = {
  plain: '0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm:ss',
} as const;
export const HEADER_BACKGROUND = '#d9e1f2';
export const SECTION_BACKGROUND = '#eeeeee';

/** The stacks of the chart, bottom to top, with colours that read as the tabs' traffic lights. */
export const CHART_SERIES: readonly { label: string; color: string }[] = [
  { label: '已验收销号', color: '#6aa84f' },
  { label: '已完成（待验收）', color: '#b6d7a8' },
  { label: '整改中（不含逾期）', color: '#6fa8dc' },
  { label: '未启动（不含逾期）', color: '#cccccc' },
  { label: '逾期', color: '#e06666' },
];

export interface Block {
  /** 1-based, in the 汇总 tab */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface SummaryGrid {
  values: GridValue[][];
  numberFormats: string[][];
  backgrounds: (string | null)[][];
  fontWeights: ('bold' | 'normal')[][];
  /** The chart's data block (header row + one row per district), inside the grid. */
  chart: Block;
  /** Where each section's header row is (1-based), for readers and tests. */
  sections: Record<SectionKey, number>;
}

export type SectionKey = 'districts' | 'chart' | 'industry' | 'town' | 'status' | 'board' | 'overdue' | 'dueSoon' | 'stale' | 'problems';

export const SECTION_TITLES: Record<SectionKey, string> = {
  districts: '一、各辖区整治情况',
  chart: '二、各辖区整治进度（图表数据）',
  industry: '三、按行业类别和整治分类',
  town: '四、按所在乡镇（街道）（11个重点区域）',
  status: '五、按整改状态',
  board: '六、季度报送情况',
  overdue: '七、逾期企业（按逾期天数从多到少）',
  dueSoon: '八、即将到期企业',
  stale: '九、久未更新企业（按未更新天数从多到少）',
  problems: '十、待修正的台账行（即“校验本表”报告的问题，已计入企业总数）',
};

interface Cell {
  v: GridValue;
  fmt?: string;
  bg?: string | null;
  bold?: boolean;
}

type Row = Cell[];

const c = (v: GridValue, extra: Omit<Cell, 'v'> = {}): Cell => ({ v, ...extra });
const header = (labels: readonly string[]): Row => labels.map((l) => c(l, { bg: HEADER_BACKGROUND, bold: true }));
const total = (row: Row): Row => row.map((x) => ({ ...x, bold: true }));
const pct = (n: number, extra: Omit<Cell, 'v'> = {}): Cell => c(n, { fmt: FORMAT.percent, ...extra });
const count = (n: number, colour?: string): Cell => c(n, n > 0 && colour ? { bg: colour } : {});

const DONE: readonly Status[] = DONE_STATUSES;

function countsCells(k: Counts): Row {
  return [
    c(k.total),
    ...STATUSES.map((s) => c(k.byStatus[s])),
    count(k.overdue, TRAFFIC_COLORS.overdue),
    count(k.dueSoon, TRAFFIC_COLORS.dueSoon),
    pct(completionRate(k), completionRate(k) === 1 ? { bg: TRAFFIC_COLORS.done } : {}),
  ];
}

function mainRow(label: string, k: Counts, report: string): Row {
  return [
    c(label),
    c(k.total),
    ...CATEGORIES.map((cat) => c(k.byCategory[cat])),
    ...STATUSES.map((s) => c(k.byStatus[s])),
    count(k.overdue, TRAFFIC_COLORS.overdue),
    count(k.dueSoon, TRAFFIC_COLORS.dueSoon),
    pct(completionRate(k), completionRate(k) === 1 ? { bg: TRAFFIC_COLORS.done } : {}),
    c(report),
    count(k.stale, TRAFFIC_COLORS.dueSoon),
    count(k.toFix, TRAFFIC_COLORS.overdue),
    c(k.extended),
  ];
}

/** 合计's 本季度报送: how many districts are in each state (the districts' cells carry the contract's texts). */
export function reportTally(m: SummaryModel): string {
  const n = { onTime: 0, late: 0, missing: 0 };
  for (const d of m.districts) n[d.report.kind] += 1;
  return `按时报送${n.onTime}个，逾期报送${n.late}个，未报送${n.missing}个`;
}

function boardCell(b: BoardCell): Cell {
  if (b.future) return c('—');
  const text = reportStateText(b.state);
  if (b.state.kind === 'onTime') return c(text, { bg: TRAFFIC_COLORS.done });
  if (b.state.kind === 'late') return c(text, { bg: TRAFFIC_COLORS.dueSoon });
  return c(text, b.pastDue ? { bg: TRAFFIC_COLORS.overdue } : {});
}

function listRows(items: readonly DeadlineItem[], colour: string, noun: string): Row[] {
  if (items.length === 0) return [[c(`无${noun}`)]];
  const rows = items.slice(0, LIST_CAP).map((e): Row => [
    c(e.district),
    c(e.name),
    c(e.creditCode),
    e.deadline === '' ? c('') : c(startOfDay(e.deadline), { fmt: FORMAT.date }),
    c(e.days),
    c(e.status),
    c(e.note),
  ].map((x): Cell => ({ ...x, bg: colour })));
  if (items.length > LIST_CAP) rows.push([c(`另有${items.length - LIST_CAP}家${noun}未列出（共${items.length}家），请在各辖区工作表中按颜色查看。`)]);
  return rows;
}

/** 汇总's top line beside the title: the send mode, and the 配置 settings that are invalid (each names its cell). */
export interface SummaryBanner {
  readonly mode: string;
  readonly live: boolean;
  readonly settingsProblems: readonly string[];
  /** District tabs left out because they cannot be read (a header that no longer matches). */
  readonly tabProblems?: readonly string[];
}

export function summaryGrid(m: SummaryModel, banner: SummaryBanner = { mode: '', live: true, settingsProblems: [] }): SummaryGrid {
  const rows: Row[] = [];
  const sections = {} as Record<SectionKey, number>;
  const section = (key: SectionKey, head: Row, body: Row[]): void => {
    rows.push([]);
    rows.push([c(SECTION_TITLES[key], { bold: true, bg: SECTION_BACKGROUND })]);
    rows.push(head);
    sections[key] = rows.length;
    rows.push(...body);
  };

  const warn = { bold: true, bg: TRAFFIC_COLORS.overdue };
  rows.push([
    c(SUMMARY_TITLE, { bold: true }),
    ...(banner.mode ? [c(banner.mode, banner.live ? { bold: true } : warn)] : []),
    ...(banner.settingsProblems.length ? [c(`配置有误：${banner.settingsProblems.join('；')}`, warn)] : []),
    ...(banner.tabProblems?.length ? [c(`工作表需修复：${banner.tabProblems.join('；')}`, warn)] : []),
  ]);
  rows.push([
    c(SUMMARY_UPDATED_LABEL, { bold: true }),
    c(m.now, { fmt: FORMAT.dateTime }),
    c('统计日'),
    c(startOfDay(m.today), { fmt: FORMAT.date }),
    c('当前季度'),
    c(quarterLabel(m.currentQuarter)),
    c('本季度报送截止日'),
    c(dayWithNote(reportDueDate(m.currentQuarter, m.reportDay))),
    c(''),
    c(freshnessText({ refreshed: m.now.getTime(), failed: 0, claimed: 0 }, null)),
  ]);

  section('districts', header(SUMMARY_HEADERS), [
    ...m.districts.map((d) => mainRow(d.district, d.counts, reportStateText(d.report))),
    total(mainRow(SUMMARY_TOTAL, m.total, reportTally(m))),
  ]);

  section(
    'chart',
    header(['辖区', ...CHART_SERIES.map((s) => s.label)]),
    m.districts.map((d) => {
      const k = d.counts;
      const open = (s: Status): number => k.byStatus[s] - k.overdueByStatus[s];
      return [c(d.district), c(k.byStatus['已验收销号']), c(k.byStatus['已完成（待验收）']), c(open('整改中')), c(open('未启动')), c(k.overdue)];
    }),
  );

  section('industry', header(['行业类别', ...CATEGORIES, INVALID_LABEL, '合计']), [
    ...m.byIndustry.map((i) => [c(i.label), ...CATEGORIES.map((cat) => c(i.byCategory[cat])), c(i.badCategory), c(i.total)]),
    total([
      c(SUMMARY_TOTAL),
      ...CATEGORIES.map((cat) => c(m.total.byCategory[cat])),
      c(m.total.badCategory),
      c(m.total.total),
    ]),
  ]);

  section('town', header(['所在乡镇（街道）', '企业总数', ...STATUSES, '逾期', '即将到期', '完成率']), [
    ...m.byTown.map((t) => [c(t.label), ...countsCells(t.counts)]),
    total([c(SUMMARY_TOTAL), ...countsCells(m.total)]),
  ]);

  section('status', header(['整改状态', ...m.districts.map((d) => d.district), '合计', '占比']), [
    ...m.byStatus.map((s) => [
      c(s.label, DONE.includes(s.label as Status) ? { bg: TRAFFIC_COLORS.done } : {}),
      ...s.perDistrict.map((n) => c(n)),
      c(s.total),
      pct(m.total.total === 0 ? 0 : s.total / m.total.total),
    ]),
    total([c(SUMMARY_TOTAL), ...m.districts.map((d) => c(d.counts.total)), c(m.total.total), pct(m.total.total === 0 ? 0 : 1)]),
  ]);

  section('board', header(['辖区', ...m.quarters.map(quarterLabel)]), m.board.map((b) => [c(b.district), ...b.cells.map(boardCell)]));

  const listHead = (days: string, note: string): Row => header(['辖区', '企业名称', '统一社会信用代码', '整改完成时限', days, '整改状态', note]);
  section('overdue', listHead('逾期天数', '时限备注'), listRows(m.overdue, TRAFFIC_COLORS.overdue, `${TERM.overdue}企业`));
  section('dueSoon', listHead('剩余天数', '时限备注'), listRows(m.dueSoon, TRAFFIC_COLORS.dueSoon, `${TERM.dueSoon}企业`));
  section('stale', listHead('未更新天数', ''), listRows(m.stale, TRAFFIC_COLORS.dueSoon, `${TERM.stale}企业`));

  const problemRows: Row[] =
    m.problems.length === 0
      ? [[c('无')]]
      : m.problems.slice(0, LIST_CAP).map((p) => [c(p.district), c(p.row), c(p.name), c(p.creditCode), c(p.problems.join('；'))]);
  if (m.problems.length > LIST_CAP) {
    problemRows.push([c(`另有${m.problems.length - LIST_CAP}行未列出（共${m.problems.length}行），请在各辖区工作表运行“校验本表”。`)]);
  }
  section('problems', header(['辖区', '行号', '企业名称', '统一社会信用代码', '问题']), problemRows);

  const width = Math.max(...rows.map((r) => r.length));
  const pad = <T>(row: Row, pick: (x: Cell) => T, blank: T): T[] => Array.from({ length: width }, (_, i) => (row[i] ? pick(row[i]!) : blank));
  return {
    // Every text is made literal: enterprise names, codes and district names are user text and never formulas.
    values: rows.map((r) => pad(r, (x) => (typeof x.v === 'string' ? literalText(x.v) : x.v), '' as GridValue)),
    numberFormats: rows.map((r) => pad(r, (x) => x.fmt ?? FORMAT.plain, FORMAT.plain as string)),
    backgrounds: rows.map((r) => pad(r, (x) => x.bg ?? null, null as string | null)),
    fontWeights: rows.map((r) => pad(r, (x) => (x.bold ? 'bold' : 'normal'), 'normal' as 'bold' | 'normal')),
    chart: { row: sections.chart, col: 1, rows: m.districts.length + 1, cols: CHART_SERIES.length + 1 },
    sections,
  };
}
