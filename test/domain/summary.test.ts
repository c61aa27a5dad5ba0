// 汇总's tables as data and as a grid: counts against a hand computation, deadline boundaries, reports, layout.
import type { ReportRecord } from '../../src/domain/quarter';
import type { SummaryEntry, SummaryInput } from '../../src/domain/summary';
import { INVALID_LABEL, PLAN_START, buildSummary, completionRate } from '../../src/domain/summary';
import { CHART_SERIES, FORMAT, LIST_CAP, STALE_CELL, summaryGrid } from '../../src/domain/summary-grid';
import { freshnessText } from '../../src/domain/summary-throttle';
import { SUMMARY_HEADERS, SUMMARY_TOTAL } from '../../src/domain/contract';
import { TRAFFIC_COLORS } from '../../src/domain/ledger-template';

const DISTRICTS = ['通川区', '达川区', '达州高新区'];
const TODAY = '2022-03-20';

let serial = 0;
function entry(over: Partial<SummaryEntry>): SummaryEntry {
  serial += 1;
  return {
    district: '通川区',
    row: 4 + serial,
    name: `企业${serial}`,
    creditCode: `CODE${serial}`,
    industry: '钢铁',
    category: '改造提升',
    status: '整改中',
    town: '复兴镇',
    deadline: '2022-12-31',
    updatedOn: null,
    toFix: [],
    ...over,
  };
}

function report(district: string, on: string): ReportRecord {
  return { quarter: '', district, on, at: null, account: 'a@b.cn', counts: {}, total: 0, onTime: true, kind: 'first' };
}

function input(entries: SummaryEntry[], over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    districts: DISTRICTS,
    entries,
    reports: [],
    today: TODAY,
    now: new Date('2022-03-20T01:00:00Z'),
    dueSoonDays: 7,
    reportDay: 25,
    staleDays: 30,
    firstQuarter: { year: 2021, q: 1 },
    planFrom: PLAN_START,
    planTo: '2023-12-31',
    ...over,
  };
}

// The mixed ledger of the hand computation (today 2022-03-20, 即将到期提醒天数 7).
function mixedLedger(): SummaryEntry[] {
  return [
    entry({ name: '今日到期', deadline: '2022-03-20', status: '整改中' }), // due soon, 0 days left
    entry({ name: '昨日到期', deadline: '2022-03-19', status: '未启动', category: '搬迁升级', industry: '铸造', town: '双龙镇' }), // overdue 1
    entry({ name: '七日后', deadline: '2022-03-27', status: '整改中', category: '原址关闭' }), // due soon, 7 left
    entry({ name: '八日后', deadline: '2022-03-28', status: '整改中', industry: '水泥', town: '其他' }), // neither
    entry({ name: '已完成', deadline: '2022-03-01', status: '已完成（待验收）' }), // done: never overdue
    entry({ name: '已销号', deadline: '2021-12-31', status: '已验收销号', category: '原址关闭' }),
    entry({ name: '空状态', deadline: '2022-01-10', status: '' }), // 未启动, overdue 69
    entry({ district: '达川区', name: '坏状态', deadline: '2022-03-01', status: '已搬走' }), // total only, 待修正
    entry({ district: '达川区', name: '坏分类', deadline: '2022-02-18', status: '整改中', category: '' }), // overdue 30, 待修正
  ];
}

describe('buildSummary', () => {
  it('counts a mixed ledger per district as computed by hand', () => {
    const m = buildSummary(input(mixedLedger()));
    const [tc, dc, gx] = m.districts.map((d) => d.counts);
    expect(tc).toMatchObject({
      total: 7,
      byCategory: { 改造提升: 4, 搬迁升级: 1, 原址关闭: 2 },
      byStatus: { 未启动: 2, 整改中: 3, '已完成（待验收）': 1, 已验收销号: 1 },
      overdue: 2,
      dueSoon: 2,
    });
    expect(dc).toMatchObject({
      total: 2,
      byCategory: { 改造提升: 1, 搬迁升级: 0, 原址关闭: 0 },
      badCategory: 1,
      byStatus: { 未启动: 0, 整改中: 1, '已完成（待验收）': 0, 已验收销号: 0 },
      badStatus: 1,
      overdue: 1,
      dueSoon: 0,
    });
    expect(gx).toMatchObject({ total: 0, overdue: 0, dueSoon: 0 });
  });

  it('sums the districts into 合计 and computes 完成率 from the sums', () => {
    const m = buildSummary(input(mixedLedger()));
    expect(m.total).toMatchObject({
      total: 9,
      byCategory: { 改造提升: 5, 搬迁升级: 1, 原址关闭: 2 },
      byStatus: { 未启动: 2, 整改中: 4, '已完成（待验收）': 1, 已验收销号: 1 },
      overdue: 3,
      dueSoon: 2,
    });
    expect(completionRate(m.total)).toBeCloseTo(2 / 9, 10);
    expect(completionRate(m.districts[0]!.counts)).toBeCloseTo(2 / 7, 10);
  });

  it('gives a 完成率 of 0 to a district without enterprises', () => {
    const m = buildSummary(input([]));
    expect(m.districts.map((d) => completionRate(d.counts))).toEqual([0, 0, 0]);
    expect(completionRate(m.total)).toBe(0);
  });

  it('treats a deadline of today as due soon, not overdue', () => {
    const m = buildSummary(input([entry({ deadline: TODAY })]));
    expect(m.total.overdue).toBe(0);
    expect(m.dueSoon.map((d) => d.days)).toEqual([0]);
  });

  it('flags an enterprise the day after its deadline', () => {
    const m = buildSummary(input([entry({ deadline: '2022-03-19' })]));
    expect(m.total.overdue).toBe(1);
    expect(m.overdue.map((d) => d.days)).toEqual([1]);
  });

  it('counts a deadline exactly 即将到期提醒天数 ahead as due soon and one day more as neither', () => {
    const m = buildSummary(input([entry({ deadline: '2022-03-27' }), entry({ deadline: '2022-03-28' })]));
    expect(m.total.dueSoon).toBe(1);
    expect(m.dueSoon.map((d) => d.deadline)).toEqual(['2022-03-27']);
    expect(m.total.overdue).toBe(0);
  });

  it('lists overdue enterprises most days first and due-soon ones fewest days first', () => {
    const m = buildSummary(input(mixedLedger()));
    expect(m.overdue.map((o) => [o.name, o.days])).toEqual([
      ['空状态', 69],
      ['坏分类', 30],
      ['昨日到期', 1],
    ]);
    expect(m.dueSoon.map((o) => [o.name, o.days])).toEqual([
      ['今日到期', 0],
      ['七日后', 7],
    ]);
  });

  it('lists under 待修正 exactly the rows given the 校验本表 problems, and counts them per district', () => {
    const rows = mixedLedger().map((e) =>
      e.name === '坏状态' ? { ...e, toFix: ['整改状态：请选择整改状态'] } : e.name === '坏分类' ? { ...e, toFix: ['整治分类：请选择整治分类'] } : e,
    );
    const m = buildSummary(input(rows));
    expect(m.problems.map((p) => [p.name, p.problems.join('；')])).toEqual([
      ['坏状态', '整改状态：请选择整改状态'],
      ['坏分类', '整治分类：请选择整治分类'],
    ]);
    expect(m.districts.map((d) => d.counts.toFix)).toEqual([0, 2, 0]);
    expect(m.total.toFix).toBe(2);
  });

  it('has no 待修正 row of its own making: a row 校验本表 passes is not listed, whatever the summary could not classify', () => {
    const m = buildSummary(input(mixedLedger()));
    expect(m.problems).toEqual([]);
  });

  it('never fails on a row of junk and counts it in 企业总数 only', () => {
    const junk = entry({ industry: '', category: 'x', status: 'y', town: 'z', deadline: '明年' });
    const m = buildSummary(input([junk]));
    expect(m.total.total).toBe(1);
    expect(m.total.overdue + m.total.dueSoon).toBe(0);
    expect(Object.values(m.total.byStatus).reduce((a, b) => a + b, 0)).toBe(0);
    expect(m.byTown.find((t) => t.label === INVALID_LABEL)!.counts.total).toBe(1);
  });

  it('tabulates 行业类别 × 整治分类, the key towns and the statuses', () => {
    const m = buildSummary(input(mixedLedger()));
    const steel = m.byIndustry.find((i) => i.label === '钢铁')!;
    // 钢铁: 今日到期, 七日后(原址关闭), 已完成, 已销号(原址关闭), 空状态, 坏状态 + 坏分类(bad category)
    expect(steel).toMatchObject({ byCategory: { 改造提升: 4, 搬迁升级: 0, 原址关闭: 2 }, badCategory: 1, total: 7 });
    expect(m.byIndustry.map((i) => i.label).slice(-1)).toEqual([INVALID_LABEL]);
    const towns = Object.fromEntries(m.byTown.map((t) => [t.label, t.counts.total]));
    expect(towns).toMatchObject({ 复兴镇: 7, 双龙镇: 1, 其他: 1, 东岳镇: 0, [INVALID_LABEL]: 0 });
    expect(m.byTown).toHaveLength(13);
    const status = Object.fromEntries(m.byStatus.map((s) => [s.label, s.perDistrict]));
    expect(status).toEqual({ 未启动: [2, 0, 0], 整改中: [3, 1, 0], '已完成（待验收）': [1, 0, 0], 已验收销号: [1, 0, 0], [INVALID_LABEL]: [0, 1, 0] });
  });

  it('counts a report on the 25th as on time and on the 26th as late for the current quarter', () => {
    const m = buildSummary(
      input([], { today: '2022-03-27', reports: [report('通川区', '2022-03-25'), report('达川区', '2022-03-26')] }),
    );
    expect(m.districts.map((d) => d.report)).toEqual([
      { kind: 'onTime', on: '2022-03-25' },
      { kind: 'late', on: '2022-03-26' },
      { kind: 'missing' },
    ]);
  });

  it('starts the reporting board at 首个报送季度: no earlier quarter shows as missing', () => {
    const m = buildSummary(input([], { today: '2022-08-01', firstQuarter: { year: 2022, q: 1 } }));
    expect(m.quarters[0]).toEqual({ year: 2022, q: 1 });
    expect(m.board[0]!.cells).toHaveLength(m.quarters.length);
    const grid = summaryGrid(m);
    const boardHead = grid.values[grid.sections.board - 1]!;
    expect(boardHead).not.toContain('2021年第4季度');
    expect(boardHead).toContain('2022年第1季度');
  });

  it('lists and counts 久未更新 (more than 进展更新提醒天数 days), most days first; N days is not stale, N+1 is', () => {
    const m = buildSummary(
      input([
        entry({ name: '正好30天', updatedOn: '2022-02-18' }),
        entry({ name: '31天', updatedOn: '2022-02-17' }),
        entry({ name: '90天', updatedOn: '2021-12-20', district: '达川区' }),
        entry({ name: '已完成很久', updatedOn: '2021-01-01', status: '已完成（待验收）' }),
      ]),
    );
    expect(m.stale.map((s) => [s.name, s.days])).toEqual([
      ['90天', 90],
      ['31天', 31],
    ]);
    expect(m.districts.map((d) => d.counts.stale)).toEqual([1, 1, 0]);
    const grid = summaryGrid(m);
    const head = grid.values[grid.sections.districts - 1]!;
    const col = head.indexOf('久未更新');
    expect(col).toBeGreaterThan(0);
    expect(grid.values[grid.sections.districts]![col]).toBe(1);
  });

  it('notes an overdue deadline that fell on a holiday (遇节假日)', () => {
    const m = buildSummary(input([entry({ name: '国庆到期', deadline: '2021-10-01' })]));
    expect(m.overdue[0]!.note).toBe('遇节假日（国庆节）');
  });

  it('fills the reporting board for every quarter of the plan', () => {
    const m = buildSummary(input([], { reports: [report('通川区', '2021-12-25'), report('达川区', '2021-12-26')] }));
    expect(m.quarters).toHaveLength(12);
    const q4 = m.quarters.findIndex((q) => q.year === 2021 && q.q === 4);
    expect(m.board.map((b) => b.cells[q4]!.state.kind)).toEqual(['onTime', 'late', 'missing']);
    const future = m.quarters.findIndex((q) => q.year === 2022 && q.q === 2);
    expect(m.board[0]!.cells[future]!.future).toBe(true);
    expect(m.board[0]!.cells[q4]!.pastDue).toBe(true);
  });
});

describe('summaryGrid', () => {
  const grid = () => summaryGrid(buildSummary(input(mixedLedger(), { reports: [report('通川区', '2022-03-18')] })));

  it('writes the contract table with one row per district, 合计 and 更新于', () => {
    const g = grid();
    const h = g.sections.districts - 1;
    expect(g.values[h]!.slice(0, SUMMARY_HEADERS.length)).toEqual([...SUMMARY_HEADERS]);
    expect(g.values[h + 1]!.slice(0, 13)).toEqual(['通川区', 7, 4, 1, 2, 2, 3, 1, 1, 2, 2, 2 / 7, '已报送（2022-03-18）']);
    expect(g.values[h + 2]!.slice(0, 13)).toEqual(['达川区', 2, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, '未报送']);
    expect(g.values[h + 3]!.slice(0, 12)).toEqual(['达州高新区', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(g.values[h + 4]!.slice(0, 12)).toEqual([SUMMARY_TOTAL, 9, 5, 1, 2, 2, 4, 1, 1, 3, 2, 2 / 9]);
    const updated = g.values.find((r) => r[0] === '更新于')!;
    expect(updated[1]).toEqual(new Date('2022-03-20T01:00:00Z'));
  });

  it('writes the 数据截至 line beside 更新于, in the cell a change not counted yet rewrites', () => {
    const row = grid().values[STALE_CELL.row - 1]!;
    expect(row[0]).toBe('更新于');
    expect(row[STALE_CELL.col - 1]).toBe(freshnessText({ refreshed: new Date('2022-03-20T01:00:00Z').getTime(), failed: 0, claimed: 0 }, null));
    expect(String(row[STALE_CELL.col - 1])).toMatch(/^数据截至2022-03-20 09:00。/);
  });

  it('formats 完成率 as a percentage, dates as yyyy-mm-dd and colours the traffic lights', () => {
    const g = grid();
    const h = g.sections.districts - 1;
    expect(g.numberFormats[h + 1]![11]).toBe(FORMAT.percent);
    expect(g.backgrounds[h + 1]![9]).toBe(TRAFFIC_COLORS.overdue);
    expect(g.backgrounds[h + 1]![10]).toBe(TRAFFIC_COLORS.dueSoon);
    expect(g.backgrounds[h + 3]![9]).toBeNull();
    const o = g.sections.overdue;
    expect(g.values[o]!.slice(0, 6)).toEqual(['通川区', '空状态', expect.stringMatching(/^CODE\d+$/), expect.any(Date), 69, '未启动']);
    expect(g.numberFormats[o]![3]).toBe(FORMAT.date);
    expect(g.backgrounds[o]![0]).toBe(TRAFFIC_COLORS.overdue);
    expect(g.backgrounds[g.sections.dueSoon]![0]).toBe(TRAFFIC_COLORS.dueSoon);
  });

  it('is a rectangle, and its chart block holds the districts under the series headers', () => {
    const g = grid();
    const width = g.values[0]!.length;
    for (const part of [g.values, g.numberFormats, g.backgrounds, g.fontWeights]) {
      expect(part).toHaveLength(g.values.length);
      expect(part.every((r) => r.length === width)).toBe(true);
    }
    const top = g.chart.row - 1;
    expect(g.values[top]!.slice(0, g.chart.cols)).toEqual(['辖区', ...CHART_SERIES.map((s) => s.label)]);
    // 通川区: 1 closed, 1 done, 整改中 3 (none overdue), 未启动 2 of which 2 overdue → 0, overdue 2
    expect(g.values[top + 1]!.slice(0, g.chart.cols)).toEqual(['通川区', 1, 1, 3, 0, 2]);
    expect(g.chart.rows).toBe(DISTRICTS.length + 1);
  });

  it('writes user text literally, never as a formula', () => {
    const g = summaryGrid(buildSummary(input([entry({ name: '=IMPORTXML("http://x")', deadline: '2022-03-01', creditCode: '915117000000000001' })])));
    const o = g.sections.overdue;
    expect(g.values[o]![1]).toBe('\'=IMPORTXML("http://x")');
    expect(g.values[o]![2]).toBe("'915117000000000001");
  });

  it(`caps a long list at ${LIST_CAP} rows and says how many more there are`, () => {
    const many = Array.from({ length: LIST_CAP + 50 }, () => entry({ deadline: '2022-03-01' }));
    const g = summaryGrid(buildSummary(input(many)));
    const o = g.sections.overdue;
    expect(g.values[o + LIST_CAP]![0]).toBe(`另有50家逾期企业未列出（共${LIST_CAP + 50}家），请在各辖区工作表中按颜色查看。`);
    expect(g.values[o + LIST_CAP - 1]![4]).toBe(19);
  });
});
