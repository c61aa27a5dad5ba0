// 操作日志 appends: one write per batch, and the sheet grows instead of failing once it is full.
import { TAB } from '../../src/domain/contract';
import { logRows, modelOf, seedRows, setUp as setUpWorkbook, tab } from '../support/ledger-world';

function setUp() {
  const emu = setUpWorkbook();
  emu.clickMenu('安装自动任务');
  return emu;
}

describe('appendLog', () => {
  it('keeps logging after 操作日志 has filled every row of its grid', () => {
    const emu = setUp();
    seedRows(emu, '通川区', 1);
    const log = tab(emu, TAB.log);
    const full = log.maxRows;
    const filler = Array.from({ length: full - log.lastRow() }, (_, i) => [`2022-01-01 00:00:${i % 60}`, 'x', '', '', '', '', '', '', '', '旧记录']);
    modelOf(emu).setValuesRaw(TAB.log, log.lastRow() + 1, 1, filler);
    expect(log.lastRow()).toBe(full);

    const result = emu.userEdit('通川区', 'R5', '已完成设备招标');
    expect(result.ok).toBe(true);
    expect(emu.problems).toEqual([]);
    expect(log.maxRows).toBeGreaterThan(full);
    const rows = logRows(emu);
    expect(rows[rows.length - 1]).toEqual(expect.arrayContaining(['通川区', 'R5', '已完成设备招标']));
    // the grid's last row, filled before, is still the old line: the append went below it
    expect(modelOf(emu).valueAt(TAB.log, full, 10)).toBe('旧记录');
  });

  it('reads the grid size only when the append does not fit', () => {
    const emu = setUp();
    seedRows(emu, '通川区', 1);
    const before = tab(emu, TAB.log).lastRow();
    const start = emu.executions.length;
    expect(emu.userEdit('通川区', 'R5', '已完成设备招标').ok).toBe(true);
    const calls = emu.executions.slice(start).map((r) => r.calls['Sheet.getMaxRows'] ?? 0);
    expect(calls.every((n) => n === 0)).toBe(true);
    expect(tab(emu, TAB.log).lastRow()).toBeGreaterThan(before);
  });

  it('writes times that stay text whatever the column format', () => {
    const emu = setUp();
    seedRows(emu, '通川区', 1);
    emu.userEdit('通川区', 'R5', '已开工');
    const rows = logRows(emu);
    expect(rows[rows.length - 1]?.[0]).toBe('2022-03-20 09:00:00');
    expect(typeof modelOf(emu).valueAt(TAB.log, tab(emu, TAB.log).lastRow(), 1)).toBe('string');
  });
});
