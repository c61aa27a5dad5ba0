// 汇总's tables as data: counts against a hand computation, deadline boundaries, statuses, reports and the reporting board.
import { INVALID_LABEL, buildSummary, completionRate } from '../../src/domain/summary';
import { summaryGrid } from '../../src/domain/summary-grid';
import { TODAY, entry, input, mixedLedger, report } from '../support/summary-fixtures';

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
