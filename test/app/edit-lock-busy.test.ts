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

  it('the daily job settles kept edits too: stamped on the row holding the code now, logged, the property cleared', () => {
    const { emu, codes } = world();
    emu.setNow('2022-03-21T10:00:00+08:00');
    emu.holdDocumentLock();
    expect(emu.userEdit('通川区', 'R6', '已开工').ok).toBe(true);
    emu.releaseHeldLocks();
    emu.model.insertRows('通川区', 5, 1); // the kept enterprise moves from row 6 to row 7
    emu.setNow('2022-03-22T09:00:00+08:00');
    expect(emu.fireTimeDriven().every((x) => x.ok)).toBe(true);
    expect(values(emu, '通川区', 'E7')[0]![0]).toBe(codes[1]);
    expect(stamp(emu, 7)).toEqual([new Date('2022-03-21T10:00:00+08:00'), TC_CLERK]);
    expect([stamp(emu, 6)[1], stamp(emu, 8)[1]]).toEqual([OWNER, OWNER]);
    const late = logRows(emu).filter((l) => l[9] === '直接编辑（当时系统繁忙，已补盖章、补记）');
    expect(late.map((l) => l.slice(3, 5))).toEqual([['R6', codes[1]]]);
    expect(emu.properties.document.map.get('pendingEdits')).toBeUndefined();
  });
});

describe('the office guard on edits kept while the lock was busy (contract §10)', () => {
  /** As world(), but the enterprises seeded before 初始化 so each has its approved record. */
  function guarded(): { emu: Emulator; codes: string[] } {
    const emu = setUp();
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(OWNER);
    const codes = seedRows(emu, '通川区', 3).map((p) => p.creditCode);
    emu.clickMenu('安装自动任务');
    emu.clickMenu('初始化/修复表格');
    emu.setUser(TC_CLERK);
    return { emu, codes };
  }

  it.each([['the next edit'], ['the daily job']])('a clerk’s later deadline kept pending is put back when %s settles it, on the enterprise’s row', (by) => {
    const { emu, codes } = guarded();
    const approved = values(emu, '通川区', 'Q6')[0]![0];
    emu.setNow('2022-03-21T10:00:00+08:00');
    emu.holdDocumentLock();
    expect(emu.userEdit('通川区', 'Q6', '2023-12-31').ok).toBe(true);
    expect(values(emu, '通川区', 'Q6')[0]![0]).not.toEqual(approved); // not judged yet: the lock was busy
    emu.releaseHeldLocks();
    const rows = values(emu, '通川区', 'A5:X7');
    emu.model.setValuesRaw('通川区', 5, 1, [rows[1]!, rows[0]!, rows[2]!]); // sorted: the enterprise now on row 5
    if (by === 'the next edit') {
      emu.setNow('2022-03-21T10:05:00+08:00');
      expect(emu.userEdit('通川区', 'R7', '已验收准备').ok).toBe(true);
    } else {
      emu.setNow('2022-03-22T09:00:00+08:00');
      expect(emu.fireTimeDriven().every((x) => x.ok)).toBe(true);
    }
    expect(values(emu, '通川区', 'E5')[0]![0]).toBe(codes[1]);
    expect(values(emu, '通川区', 'Q5')[0]![0]).toEqual(approved);
    // the row now at 6 (another enterprise) keeps its own deadline, and the edit is not stamped: nothing of it stayed
    expect(values(emu, '通川区', 'Q6')[0]![0]).toEqual(rows[0]![16]);
    expect(stamp(emu, 5)[1]).toBe(OWNER);
    const undone = logRows(emu).filter((l) => l[9]!.startsWith('已撤销辖区的修改'));
    expect(undone.map((l) => [l[3], l[4], l[6]])).toEqual([['Q5', codes[1], '整改完成时限']]);
    expect(emu.properties.document.map.get('pendingEdits')).toBeUndefined();
  });
});
