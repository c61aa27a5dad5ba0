// What each operation costs at 300 and at 900 enterprises: the same service calls, and cells read growing only by one read of the rows (issue 16).
import { COLUMN_COUNT, FIRST_DATA_ROW } from '../../src/domain/contract';
import { FLOORS } from '../../bench/floors';
import { DAILY_AT, DISTRICTS, type Measure, col, enterprise, measure, modelOf, world } from '../../bench/world';

// From 300 up every district has overdue enterprises (the worlds' deadlines cycle by row), so both sizes mail alike.
const SMALL = 300;
const LARGE = 900;

/** The steps the bench measures, in order on one world (each leaves the world as the next expects). */
function costs(n: number): Record<string, Measure> {
  const emu = world(n);
  const out: Record<string, Measure> = {};
  out['初始化 populated'] = measure(emu, () => emu.clickMenu('初始化/修复表格'));
  out['初始化 rerun'] = measure(emu, () => emu.clickMenu('初始化/修复表格'));
  emu.clickMenu('刷新汇总');
  out['刷新汇总'] = measure(emu, () => emu.clickMenu('刷新汇总'));
  emu.clickMenu('安装自动任务');
  const first = enterprise(0, DISTRICTS[0]!, false);
  out.getEnterprise = measure(emu, () => emu.scriptRun('getEnterprise', first.creditCode));
  const fresh = { ...enterprise(900000, DISTRICTS[0]!, false), name: '达州市基准新增企业有限公司' };
  out.submit = measure(emu, () => emu.scriptRun('submitEnterprise', fresh));
  out.update = measure(emu, () => emu.scriptRun('updateEnterprise', { ...fresh, progress: '已完成设备采购' }));
  out['single edit'] = measure(emu, () => emu.userEdit(DISTRICTS[0]!, `${col('progress')}${FIRST_DATA_ROW}`, '已开工建设'));
  const paste = [['达环审〔2021〕1号', '无'], ['达环审〔2021〕2号', '无'], ['达环审〔2021〕3号', '无']];
  out['3×2 paste'] = measure(emu, () => emu.userPaste(DISTRICTS[0]!, `${col('eiaApproval')}${FIRST_DATA_ROW + 1}`, paste));
  modelOf(emu).setActive(DISTRICTS[0]!, `A${FIRST_DATA_ROW}`);
  out.校验本表 = measure(emu, () => emu.clickMenu('校验本表'));
  emu.ui.answer('YES');
  out.报送 = measure(emu, () => emu.clickMenu('报送本季度进展'));
  out['报送 submit'] = measure(emu, () => emu.scriptRun('submitQuarterReport', { district: DISTRICTS[0]!, narrative: '完成密闭改造方案编制。' }));
  emu.setMailQuota(1500);
  emu.setNow(DAILY_AT);
  out['daily job'] = measure(emu, () => emu.fireTimeDriven());
  out['daily job rerun'] = measure(emu, () => emu.fireTimeDriven());
  return out;
}

const small = costs(SMALL);
const large = costs(LARGE);
/** The cells of the rows the larger world adds, read once (A–X). */
const addedRows = (LARGE - SMALL) * COLUMN_COUNT;
/** 操作日志's lines since 档案索引 (the daily job reads their code column), which the seeding does not fix. */
const SLACK = 1_000;

describe('operation cost at 300 and 900 enterprises', () => {
  test.each(Object.keys(small))('%s succeeds and makes the same service calls at both sizes', (op) => {
    expect([op, small[op]!.ok, large[op]!.ok]).toEqual([op, true, true]);
    expect(large[op]!.calls).toBe(small[op]!.calls);
  });

  test.each([['刷新汇总'], ['daily job'], ['daily job rerun'], ['报送 submit']])('%s reads each district row once: one read of every tab, shared by every step', (op) => {
    const grown = large[op]!.cellsRead - small[op]!.cellsRead;
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThanOrEqual(addedRows + SLACK);
  });

  const perAddedRow = (op: string): number => (large[op]!.cellsRead - small[op]!.cellsRead) / (LARGE - SMALL);
  test('a save, getEnterprise and a direct edit read the credit-code column and their rows, not the tabs', () => {
    for (const op of ['getEnterprise', 'submit', 'update', 'single edit']) expect([op, perAddedRow(op) <= 2]).toEqual([op, true]);
  });

  // Both edit triggers together (the simple onEdit steps aside once the installable one is in): a regression fails here.
  test.each([
    ['single edit', 34],
    ['3×2 paste', 43],
  ])('%s makes %i service calls at both sizes, within 1.3× its floor, and reads no more cells as the tabs grow', (op, calls) => {
    expect([small[op]!.calls, large[op]!.calls]).toEqual([calls, calls]);
    expect(calls).toBeLessThanOrEqual(1.3 * FLOORS[op]!.calls);
    // Its rows, the head, 配置 and 操作日志's last row: column E was not edited, so no tab's code column is read.
    expect(large[op]!.cellsRead).toBe(small[op]!.cellsRead);
  });

  // The sidebar's paths, call by call (bench/floors.ts counts what they cannot avoid): a regression fails here.
  test.each([
    ['getEnterprise', 20, 1],
    ['submit', 47, 4 / 3],
    ['update', 39, 1],
  ])('%s makes %i service calls at both sizes, within 1.3× its floor, and reads column E plus at most its own columns', (op, calls, cellsPerRow) => {
    expect([small[op]!.calls, large[op]!.calls]).toEqual([calls, calls]);
    expect(calls).toBeLessThanOrEqual(1.3 * FLOORS[op]!.calls);
    // column E of every tab (one cell a row) and, for an append, column A of its tab (a third of the rows)
    expect(perAddedRow(op)).toBeLessThanOrEqual(cellsPerRow);
  });

  test('校验本表 and 报送 read their own tab once (and its notes) plus the credit-code column of every tab', () => {
    // Per added enterprise: a third of them on the active tab (A–X, and its notes for 校验本表), one code cell each.
    expect(perAddedRow('校验本表')).toBeLessThanOrEqual((2 * COLUMN_COUNT) / DISTRICTS.length + 1);
    expect(perAddedRow('报送')).toBeLessThanOrEqual(COLUMN_COUNT / DISTRICTS.length + 1);
  });

  // Its format and rule checks read the grid (1,000 rows a tab at both sizes), not the enterprises.
  test('初始化 on a populated workbook reads the rows at most one and a half times (column E, the tabs, then a width sample)', () => {
    expect(perAddedRow('初始化 populated')).toBeLessThanOrEqual(1.5 * COLUMN_COUNT + 1);
  });

  test('初始化 run again reads column E and the width sample, not the tabs: every enterprise has its record already', () => {
    expect(perAddedRow('初始化 rerun')).toBeLessThanOrEqual(0.6 * COLUMN_COUNT);
  });

  // (The populated run before it writes the pre-release enterprises' one-time records: 销号存档, contract §10.)
  // The rules are set again unread (src/domain/format-plan.ts): the validated cells of the grids, 1,000 rows a tab at both sizes.
  test('初始化 run again on a healthy workbook writes only the rules, the same cells at both sizes', () => {
    expect(small['初始化 rerun']!.cellsWritten).toBe(large['初始化 rerun']!.cellsWritten);
    expect(small['初始化 rerun']!.cellsWritten).toBeLessThanOrEqual(3 * 1000 * 14);
  });

  test('the log of every cost, for the record', () => {
    for (const op of Object.keys(small)) console.log(`${op}: calls ${small[op]!.calls}/${large[op]!.calls}, cells read ${small[op]!.cellsRead} → ${large[op]!.cellsRead} (+${large[op]!.cellsRead - small[op]!.cellsRead}; rows once ${addedRows})`);
    expect(Object.keys(large)).toEqual(Object.keys(small));
  });
});
