// A direct edit while another execution holds the lock: it waits and records; when the lock stays busy the rows are kept and recorded by the next run (issue 12 point 6).
import type { Emulator } from '@eco-ledger/emulator';
import { OWNER, TC_CLERK, logRows, seedRows, setEditors, setUp, values } from '../support/ledger-world';

function world(): { emu: Emulator; codes: string[] } {
  const emu = setUp();
  setEditors(emu, '通川区', TC_CLERK);
  emu.setUser(OWNER);
  emu.clickMenu('安装自动任务');
  emu.clickMenu('初始化/修复表格'); // the editor's protection follows 配置
  const codes = seedRows(emu, '通川区', 3).map((p) => p.creditCode);
  emu.setUser(TC_CLERK);
  return { emu, codes };
}

const stamp = (emu: Emulator, row: number) => values(emu, '通川区', `W${row}:X${row}`)[0]!;

describe('a direct edit while the lock is busy', () => {
  it('waits for a save that finishes within the wait, then stamps and logs as usual', () => {
    const { emu } = world();
    emu.setNow('2022-03-21T10:00:00+08:00');
    emu.holdDocumentLock(10_000);
    const r = emu.userEdit('通川区', 'R6', '已开工');
    expect(r.ok && r.executions.every((x) => x.ok)).toBe(true);
    expect(stamp(emu, 6)).toEqual([new Date('2022-03-21T10:00:00+08:00'), TC_CLERK]);
    expect(logRows(emu).at(-1)?.slice(3, 10)).toEqual(['R6', expect.any(String), expect.any(String), '进展情况', '', '已开工', '直接编辑']);
  });

  it('when the lock stays busy, keeps the row by credit code; the next edit stamps it where it now is and logs it', () => {
    const { emu, codes } = world();
    emu.setNow('2022-03-21T10:00:00+08:00');
    emu.holdDocumentLock();
    const lines = logRows(emu).length;
    const r = emu.userEdit('通川区', 'R6', '已开工');
    expect(r.ok && r.executions.every((x) => x.ok)).toBe(true);
    expect(stamp(emu, 6)[1]).toBe(OWNER); // not stamped yet: the seed's stamp
    expect(logRows(emu)).toHaveLength(lines);
    expect(emu.properties.document.map.get('pendingEdits')).toContain(codes[1]);
    emu.releaseHeldLocks();
    // someone sorts meanwhile: the kept enterprise moves from row 6 to row 5
    const rows = values(emu, '通川区', 'A5:X7');
    emu.model.setValuesRaw('通川区', 5, 1, [rows[1]!, rows[0]!, rows[2]!]);
    emu.setNow('2022-03-21T10:05:00+08:00');
    const next = emu.userEdit('通川区', 'R7', '已验收准备');
    expect(next.ok && next.executions.every((x) => x.ok)).toBe(true);
    expect(values(emu, '通川区', 'E5')[0]![0]).toBe(codes[1]);
    expect(stamp(emu, 5)).toEqual([new Date('2022-03-21T10:00:00+08:00'), TC_CLERK]);
    expect(stamp(emu, 7)).toEqual([new Date('2022-03-21T10:05:00+08:00'), TC_CLERK]);
    const late = logRows(emu).find((l) => l[9] === '直接编辑（当时系统繁忙，已补盖章、补记）')!;
    expect(late.slice(3, 5)).toEqual(['R6', codes[1]]);
    expect(late[8]).toBe('修改于2022-03-21 10:00:00');
    expect(emu.properties.document.map.get('pendingEdits')).toBeUndefined();
  });
});
