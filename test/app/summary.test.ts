// 汇总 in the emulator: counts against a hand computation, boundaries, reports, the chart, the debounce, the call count.
import { Emulator, type SpreadsheetModel } from '@eco-ledger/emulator';
import { FIRST_DATA_ROW, REPORT_HEADERS, SUMMARY_HEADERS, SUMMARY_TOTAL, TAB } from '../../src/domain/contract';
import { withCheckChar } from '../../src/domain/credit-code';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { TEMPLATE_COLUMNS, payloadToRow } from '../../src/domain/ledger-row';
import { TRAFFIC_COLORS } from '../../src/domain/ledger-template';
import { TEMPLATE_REPORT_COLUMNS, reportToRow } from '../../src/domain/report-row';
import { CHART_TITLE, FORMAT } from '../../src/domain/summary-grid';
import { enterprise } from '../support/enterprise';

const OWNER = 'office@dz.gov.cn';
const DISTRICTS = ['通川区', '达川区', '达州高新区'];
// 2022-03-20 09:00 in Shanghai
const NOW = '2022-03-20T01:00:00Z';

const modelOf = (emu: Emulator): SpreadsheetModel => emu.model as unknown as SpreadsheetModel;

let next = 0;
function firm(over: Partial<EnterprisePayload>): EnterprisePayload {
  next += 1;
  return enterprise({
    name: `达州市汇总测试企业${next}有限公司`,
    creditCode: withCheckChar(`91511700MB${String(next).padStart(7, '0')}`),
    industry: '钢铁',
    employees: 20,
    eiaApproval: '无',
    problems: '粉尘无组织排放',
    measures: '密闭改造',
    deadline: '2022-12-31',
    ...over,
  });
}

function setUp(now = NOW): Emulator {
  const emu = Emulator.fromDist({ distDir: 'dist', now, owner: OWNER });
  emu.open();
  emu.clickMenu('初始化/修复表格');
  return emu;
}

/** Rows written straight into the model (uncounted), as the sidebar would have written them. */
function seed(emu: Emulator, district: string, firms: EnterprisePayload[]): void {
  const rows = firms.map((p, i) =>
    payloadToRow({ ...p, district }, { serial: i + 1, updatedAt: new Date('2022-03-01T02:00:00Z'), updatedBy: OWNER }, TEMPLATE_COLUMNS),
  );
  if (rows.length > 0) modelOf(emu).setValuesRaw(district, FIRST_DATA_ROW, 1, rows);
}

function seedReport(emu: Emulator, district: string, at: string): void {
  const model = modelOf(emu);
  const sheet = model.sheet(TAB.reports);
  const row = Math.max(sheet.lastRow(), 1) + 1;
  if (sheet.lastRow() === 0) model.setValuesRaw(TAB.reports, 1, 1, [[...REPORT_HEADERS]]);
  const record = { quarter: '', district, on: at.slice(0, 10), at: new Date(at), account: OWNER, counts: {}, total: 0, onTime: true, kind: 'first' as const };
  model.setValuesRaw(TAB.reports, row, 1, [reportToRow(record, TEMPLATE_REPORT_COLUMNS)]);
}

function summary(emu: Emulator): unknown[][] {
  const sheet = modelOf(emu).sheet(TAB.summary);
  const last = sheet.lastRow();
  const width = sheet.lastColumn();
  return Array.from({ length: last }, (_, r) => Array.from({ length: width }, (_, c) => modelOf(emu).valueAt(TAB.summary, r + 1, c + 1)));
}

/** The main table's rows by their first cell, from the header row down to 合计. */
function mainTable(emu: Emulator): { rows: Map<string, unknown[]>; headerRow: number } {
  const grid = summary(emu);
  const h = grid.findIndex((r) => r[0] === SUMMARY_HEADERS[0] && r[1] === SUMMARY_HEADERS[1]);
  expect(grid[h]!.slice(0, SUMMARY_HEADERS.length)).toEqual([...SUMMARY_HEADERS]);
  const rows = new Map<string, unknown[]>();
  for (let i = h + 1; i < grid.length; i++) {
    rows.set(String(grid[i]![0]), grid[i]!.slice(0, SUMMARY_HEADERS.length));
    if (grid[i]![0] === SUMMARY_TOTAL) break;
  }
  return { rows, headerRow: h + 1 };
}

/** 配置 as read by a script. */
function values(emu: Emulator): unknown[][] {
  const sheet = modelOf(emu).sheet(TAB.config);
  return Array.from({ length: sheet.lastRow() }, (_, r) => [modelOf(emu).valueAt(TAB.config, r + 1, 1)]);
}

function refresh(emu: Emulator): void {
  emu.setUser(OWNER);
  emu.clickMenu('刷新汇总');
  const last = emu.lastExecution!;
  if (!last.ok) throw new Error(String(last.error));
}

// The mixed ledger of the hand computation (today 2022-03-20 in Shanghai, 即将到期提醒天数 7 by default).
function seedMixed(emu: Emulator): void {
  seed(emu, '通川区', [
    firm({ deadline: '2022-03-20', status: '整改中' }), // due soon (today)
    firm({ deadline: '2022-03-19', status: '未启动', category: '搬迁升级', remarks: '新址用地面积：12.5亩' }), // overdue 1 day
    firm({ deadline: '2022-03-27', status: '整改中', category: '原址关闭' }), // due soon (7 days)
    firm({ deadline: '2022-03-28', status: '整改中' }), // neither (8 days)
    firm({ deadline: '2022-03-01', status: '已完成（待验收）' }), // done: not overdue
    firm({ deadline: '2021-12-31', status: '已验收销号', closedOn: '2022-01-15', category: '原址关闭' }),
  ]);
  seed(emu, '达川区', [
    firm({ deadline: '2022-02-18', status: '整改中', town: '罗江镇' }), // overdue 30 days
    firm({ deadline: '2022-05-01', status: '已验收销号', closedOn: '2022-03-01', town: '罗江镇' }),
  ]);
}

describe('刷新汇总', () => {
  it('counts a mixed ledger per district and in 合计 as computed by hand', () => {
    const emu = setUp();
    seedMixed(emu);
    refresh(emu);
    const { rows } = mainTable(emu);
    // 辖区, 企业总数, 改造提升, 搬迁升级, 原址关闭, 未启动, 整改中, 已完成（待验收）, 已验收销号, 逾期, 即将到期, 完成率, 本季度报送,
    // 久未更新, 待修正, 已延期
    expect(rows.get('通川区')).toEqual(['通川区', 6, 3, 1, 2, 1, 3, 1, 1, 1, 2, 2 / 6, '未报送', 0, 0, 0]);
    expect(rows.get('达川区')).toEqual(['达川区', 2, 2, 0, 0, 0, 1, 0, 1, 1, 0, 1 / 2, '未报送', 0, 0, 0]);
    expect(rows.get('达州高新区')).toEqual(['达州高新区', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '未报送', 0, 0, 0]);
    expect(rows.get(SUMMARY_TOTAL)!.slice(0, 12)).toEqual([SUMMARY_TOTAL, 8, 5, 1, 2, 1, 4, 1, 2, 2, 2, 3 / 8]);
  });

  it('shows the send mode on the top line and names an invalid 配置 value there', () => {
    const emu = setUp();
    refresh(emu);
    expect(summary(emu)[0]!.slice(0, 2)).toEqual(['达州市主城区工业企业突出生态环境问题整治工作汇总', expect.stringContaining('发送模式：正式发送')]);
    const grid = values(emu);
    const at = grid.findIndex((r) => r[0] === '测试收件人') + 1;
    modelOf(emu).setValuesRaw(TAB.config, at, 2, [['tester@@dz.gov.cn']]); // from before the rule existed
    refresh(emu);
    const top = summary(emu)[0]!.map(String);
    expect(top[1]).toContain('发送模式：已停止发送');
    expect(top[2]).toContain(`配置有误：配置!B${at}“测试收件人”应为一个有效的邮箱地址或留空（现为“tester@@dz.gov.cn”）`);
  });

  it('writes 更新于 with the time of the recompute, 完成率 as a percentage and the traffic-light colours', () => {
    const emu = setUp();
    seedMixed(emu);
    refresh(emu);
    const grid = summary(emu);
    const updated = grid.findIndex((r) => r[0] === '更新于');
    expect(grid[updated]![1]).toEqual(new Date(NOW));
    const { headerRow } = mainTable(emu);
    const tc = headerRow + 1;
    const sheet = modelOf(emu).sheet(TAB.summary);
    expect(sheet.numberFormatAt(tc, 12)).toBe(FORMAT.percent);
    expect(modelOf(emu).displayAt(TAB.summary, tc, 12)).toBe('33.3%');
    expect(sheet.backgroundAt(tc, 10)).toBe(TRAFFIC_COLORS.overdue);
    expect(sheet.backgroundAt(tc, 11)).toBe(TRAFFIC_COLORS.dueSoon);
  });

  it('lists overdue enterprises most days first with their deadline as a date', () => {
    const emu = setUp();
    seedMixed(emu);
    refresh(emu);
    const grid = summary(emu);
    const h = grid.findIndex((r) => r[4] === '逾期天数');
    expect(grid.slice(h + 1, h + 3).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['达川区', 30, '整改中'],
      ['通川区', 1, '未启动'],
    ]);
    expect(modelOf(emu).displayAt(TAB.summary, h + 2, 4)).toBe('2022-02-18');
    const soon = grid.findIndex((r) => r[4] === '剩余天数');
    expect(grid.slice(soon + 1, soon + 3).map((r) => r[4])).toEqual([0, 7]);
  });

  it('moves an enterprise from due soon to overdue when the day after its deadline begins (Shanghai time)', () => {
    const emu = setUp('2022-03-20T15:59:00Z'); // 23:59 on the 20th in Shanghai
    seed(emu, '通川区', [firm({ deadline: '2022-03-20' })]);
    refresh(emu);
    expect(mainTable(emu).rows.get('通川区')!.slice(9, 11)).toEqual([0, 1]);
    emu.setNow('2022-03-20T16:00:00Z'); // 00:00 on the 21st
    refresh(emu);
    expect(mainTable(emu).rows.get('通川区')!.slice(9, 11)).toEqual([1, 0]);
  });

  it('shows a report made on the 25th as on time and one made on the 26th as late', () => {
    const emu = setUp('2022-03-27T02:00:00Z');
    seedReport(emu, '通川区', '2022-03-25T14:00:00Z'); // 22:00 on the 25th in Shanghai
    seedReport(emu, '达川区', '2022-03-25T16:30:00Z'); // 00:30 on the 26th in Shanghai
    refresh(emu);
    const { rows } = mainTable(emu);
    expect(rows.get('通川区')![12]).toBe('已报送（2022-03-25）');
    expect(rows.get('达川区')![12]).toBe('逾期报送（2022-03-26）');
    expect(rows.get('达州高新区')![12]).toBe('未报送');
    const grid = summary(emu);
    // The board starts at 首个报送季度, the quarter setup ran in (2022 Q1): no 2021 quarter shows as missing.
    const board = grid.findIndex((r) => r[0] === '辖区' && r[1] === '2022年第1季度');
    expect(grid[board]).not.toContain('2021年第4季度');
    const q = grid[board]!.indexOf('2022年第1季度');
    expect(grid.slice(board + 1, board + 4).map((r) => r[q])).toEqual(['已报送（2022-03-25）', '逾期报送（2022-03-26）', '未报送']);
  });

  it('keeps exactly one chart after three recomputes, fed from the summary itself', () => {
    const emu = setUp();
    seedMixed(emu);
    refresh(emu);
    refresh(emu);
    refresh(emu);
    const charts = modelOf(emu).sheet(TAB.summary).charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]!.options['title']).toBe(CHART_TITLE);
    expect(charts[0]!.options['isStacked']).toBe(true);
    const box = charts[0]!.ranges[0]!.box;
    expect(charts[0]!.ranges[0]!.sheet).toBe(TAB.summary);
    expect(modelOf(emu).valueAt(TAB.summary, box.row + 1, 1)).toBe('通川区');
    expect(box.rows).toBe(DISTRICTS.length + 1);
  });

  it('leaves an unchanged chart alone, rebuilds it where its range moved, and makes it again when deleted', () => {
    const emu = setUp();
    seedMixed(emu);
    refresh(emu);
    const chartCalls = () => ['Sheet.updateChart', 'Sheet.insertChart'].map((k) => emu.lastExecution!.calls[k] ?? 0);
    refresh(emu);
    expect(chartCalls()).toEqual([0, 0]);
    // Where the last recompute put it no longer matches (as after a district is added): updated in place.
    emu.properties.document.map.set('summary.chart', '1,1,1,1@1');
    refresh(emu);
    expect(chartCalls()).toEqual([1, 0]);
    expect(modelOf(emu).sheet(TAB.summary).charts[0]!.ranges[0]!.box.rows).toBe(DISTRICTS.length + 1);
    // Deleted by hand: made again, once.
    modelOf(emu).sheet(TAB.summary).charts.splice(0);
    refresh(emu);
    expect(chartCalls()).toEqual([0, 1]);
    expect(modelOf(emu).sheet(TAB.summary).charts).toHaveLength(1);
  });

  it('toasts while it works and reports the result', () => {
    const emu = setUp();
    seedMixed(emu);
    refresh(emu);
    const toasts = emu.ui.toasts.map((t) => t.message);
    expect(toasts.slice(-2)[0]).toContain('正在刷新汇总');
    expect(toasts.slice(-1)[0]).toBe('汇总已刷新：企业8家，逾期2家，即将到期2家。');
  });

  it('makes the same number of service calls, at most 40, for 10 and for 1,000 enterprises', () => {
    const callsFor = (n: number): number => {
      const emu = setUp();
      const per = Math.ceil(n / 3);
      let left = n;
      for (const d of DISTRICTS) {
        const k = Math.min(per, left);
        left -= k;
        seed(emu, d, Array.from({ length: k }, (_, i) => firm({ deadline: i % 2 ? '2022-03-01' : '2022-03-22' })));
      }
      refresh(emu); // the chart exists from now on
      refresh(emu);
      return emu.lastExecution!.calls ? Object.values(emu.lastExecution!.calls).reduce((a, b) => a + b, 0) : -1;
    };
    const small = callsFor(10);
    const large = callsFor(1000);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(40);
  });
});

describe('afterLedgerChange (through a direct edit)', () => {
  it('recomputes after an edit once the last recompute is 30 minutes old, and only marks 汇总 stale before', () => {
    const emu = setUp();
    emu.clickMenu('安装自动任务');
    seed(emu, '通川区', [firm({ deadline: '2022-06-30' })]);
    refresh(emu);
    expect(mainTable(emu).rows.get('通川区')![6]).toBe(1);
    expect(String(summary(emu)[1]![9])).toBe('数据截至2022-03-20 09:00。此后的修改在2022-03-20 09:30后的下一次保存或编辑时计入，每日自动任务也会更新；点“整治台账 → 刷新汇总”可立即更新。');

    emu.advance(10 * 60 * 1000);
    const edited = emu.userEdit('通川区', 'T5', '已完成（待验收）');
    expect(edited.ok).toBe(true);
    // Within the 30 minutes: the number stays, the 数据截至 line says a change is waiting and until when.
    expect(mainTable(emu).rows.get('通川区')![6]).toBe(1);
    expect(String(summary(emu)[1]![9])).toContain('数据截至2022-03-20 09:00；台账在2022-03-20 09:10有更改，尚未计入本表：2022-03-20 09:30后');

    emu.advance(20 * 60 * 1000);
    expect(emu.userEdit('通川区', 'R5', '已完成密闭改造').ok).toBe(true);
    expect(mainTable(emu).rows.get('通川区')!.slice(6, 8)).toEqual([0, 1]);
    expect(String(summary(emu)[1]![9])).toMatch(/^数据截至2022-03-20 09:30。/);
  });

  /** Edits of 进展情况 on row 5 every `gapMinutes`: the executions each caused and how many recomputed 汇总. */
  function editDay(rows: number, edits: number, gapMinutes: number) {
    const emu = setUp();
    emu.clickMenu('安装自动任务');
    seed(emu, '通川区', Array.from({ length: rows }, () => firm({ deadline: '2022-06-30' })));
    refresh(emu);
    const runs = [];
    for (let i = 0; i < edits; i++) {
      emu.advance(gapMinutes * 60 * 1000);
      const edited = emu.userEdit('通川区', 'R5', `第${i}次进展`);
      if (!edited.ok) throw new Error(edited.message);
      runs.push(edited.executions.find((x) => x.fn === 'onEditInstalled')!);
    }
    const recomputed = runs.filter((r) => (r.calls['Sheet.clear'] ?? 0) > 0);
    return { emu, runs, recomputed, cheap: runs.filter((r) => !recomputed.includes(r)) };
  }

  it('pays for at most one recompute per 30 minutes however busy: 40 edits in 20 minutes recompute none, the one at 30 minutes the first', () => {
    const { recomputed, runs } = editDay(3, 40, 0.5);
    expect(runs).toHaveLength(40);
    expect(recomputed).toHaveLength(0);
    const later = editDay(3, 70, 0.5);
    expect(later.recomputed).toHaveLength(1);
    expect(later.runs.indexOf(later.recomputed[0]!)).toBe(59);
  });

  it('prices a day of spread-out edits at two sizes: the same cheap edit at both, one recompute per 30 minutes', () => {
    // 48 edits, one every 10 minutes (8 hours): 16 may recompute, the other 32 read no tab but their own rows.
    const small = editDay(20, 48, 10);
    const large = editDay(2000, 48, 10);
    for (const day of [small, large]) {
      expect(day.recomputed).toHaveLength(16);
      expect(day.cheap).toHaveLength(32);
    }
    // The cheap edits make the same calls at both sizes and read the credit-code column and their own rows, never a tab.
    const calls = (r: { calls: Record<string, number> }) => Object.values(r.calls).reduce((a, b) => a + b, 0);
    expect(new Set(small.cheap.map(calls)).size).toBeLessThanOrEqual(3); // the first marks 汇总 stale, the others not
    expect(large.cheap.map(calls)).toEqual(small.cheap.map(calls));
    expect(Math.max(...large.cheap.map((r) => r.cellsRead))).toBeLessThan(2000 + 300);
    // A recompute reads every tab: that is what the throttle rations.
    expect(Math.min(...large.recomputed.map((r) => r.cellsRead))).toBeGreaterThan(2000 * 24);
    const total = (d: typeof small) => d.runs.reduce((a, r) => a + r.modelledMs, 0);
    const oneRecompute = Math.max(...large.recomputed.map((r) => r.modelledMs));
    expect(total(large)).toBeLessThanOrEqual(16 * oneRecompute + 32 * Math.max(...large.cheap.map((r) => r.modelledMs)));
    // Modelled, so exact: the day costs under 60 % of recomputing on every edit (the old one-minute throttle at this pace).
    expect(total(large)).toBeLessThan(0.6 * 48 * Math.min(...large.recomputed.map((r) => r.modelledMs)));
  });

  it('lets only one of two changes at once claim the recompute: with the claim lock held elsewhere the edit only marks 汇总 stale', () => {
    const emu = setUp();
    emu.clickMenu('安装自动任务');
    seed(emu, '通川区', [firm({ deadline: '2022-06-30' })]);
    refresh(emu);
    emu.advance(31 * 60 * 1000);
    emu.holdScriptLock();
    const edited = emu.userEdit('通川区', 'T5', '已完成（待验收）');
    emu.releaseHeldLocks();
    expect(edited.ok && edited.executions.every((x) => x.ok && (x.calls['Sheet.clear'] ?? 0) === 0)).toBe(true);
    expect(mainTable(emu).rows.get('通川区')![6]).toBe(1);
    expect(String(summary(emu)[1]![9])).toContain('尚未计入本表');
    emu.advance(60 * 1000);
    expect(emu.userEdit('通川区', 'R5', '已完成密闭改造').ok).toBe(true);
    expect(mainTable(emu).rows.get('通川区')!.slice(6, 8)).toEqual([0, 1]);
  });

  it('never leaves 汇总 older than the last daily run, even right after an edit claimed the recompute', () => {
    const emu = setUp();
    emu.clickMenu('安装自动任务');
    seed(emu, '通川区', [firm({ deadline: '2022-06-30' })]);
    refresh(emu);
    emu.advance(31 * 60 * 1000);
    expect(emu.userEdit('通川区', 'R5', '进展一').ok).toBe(true); // recomputes and claims
    emu.advance(5 * 60 * 1000);
    expect(emu.userEdit('通川区', 'T5', '已完成（待验收）').ok).toBe(true); // within 30 minutes: stale only
    expect(mainTable(emu).rows.get('通川区')![6]).toBe(1);
    emu.fireTimeDriven();
    expect(mainTable(emu).rows.get('通川区')!.slice(6, 8)).toEqual([0, 1]);
    const grid = summary(emu);
    expect(grid[1]![1]).toEqual(new Date('2022-03-20T01:36:00Z'));
    expect(String(grid[1]![9])).toMatch(/^数据截至2022-03-20 09:36。/);
  });

  it('recomputes the other districts when one tab’s header no longer matches, naming that tab on the top line', () => {
    const emu = setUp();
    emu.clickMenu('安装自动任务');
    seed(emu, '通川区', [firm({ deadline: '2022-06-30' })]);
    refresh(emu);
    modelOf(emu).setValuesRaw('达川区', 4, 3, [['被改动的表头']]);
    emu.advance(31 * 60 * 1000);
    const edited = emu.userEdit('通川区', 'R5', '方案已批复');
    expect(edited.ok).toBe(true);
    expect(edited.ok && edited.executions.every((x) => x.ok)).toBe(true);
    expect(summary(emu)[0]!.join('')).toContain('工作表需修复：“达川区”未计入（“达川区”工作表：表头与台账模板不一致');
    expect(mainTable(emu).rows.get('通川区')![6]).toBe(1);
  });
});
