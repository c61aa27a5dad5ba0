// Direct edits while a person inserts, deletes or sorts rows (emu.interleave): the stamps and the office guard's restores land on the enterprise edited, found by credit code, or nowhere (issue 12).
import type { Emulator } from '@eco-ledger/emulator';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { OWNER, TC_CLERK, logRows, modelOf, seedRows, setEditors, setUp } from '../support/ledger-world';
import { actOnce, rowActs, rowsByCode } from '../support/interleave';

const TC = '通川区';
const EDIT_AT = new Date('2022-03-21T10:00:00+08:00');
const SEED_STAMP = [new Date('2022-03-01T02:00:00Z'), OWNER];

/** 通川区 rows 5–8: four enterprises with approved records (初始化 after seeding), triggers installed, acting as the clerk. */
function world(): { emu: Emulator; firms: EnterprisePayload[] } {
  const emu = setUp();
  setEditors(emu, TC, TC_CLERK);
  emu.setUser(OWNER);
  const firms = seedRows(emu, TC, 4);
  emu.clickMenu('安装自动任务');
  emu.clickMenu('初始化/修复表格');
  emu.setUser(TC_CLERK);
  emu.setNow('2022-03-21T10:00:00+08:00');
  return { emu, firms };
}

const PERSON = rowActs(TC);

/**
 * When the person acts: before any trigger read; in the installable trigger after its locked read of the rows and
 * before it writes; right after its first write of cells.
 */
const MOMENTS: Record<string, (call: string, seen: string[]) => boolean> = {
  'before the read': (_call, seen) => seen.length === 0,
  'between the read and the write': (_call, seen) => {
    const locked = seen.lastIndexOf('Lock.tryLock');
    return locked >= 0 && seen.indexOf('Range.getValues', locked) >= 0;
  },
  'after the write': (_call, seen) => {
    const locked = seen.lastIndexOf('Lock.tryLock');
    return locked >= 0 && seen.slice(locked).some((c) => c === 'Range.setValues');
  },
};

/** B–V of the enterprise as seeded, with `changed` (0-based column → value) applied. */
function expectHolds(cells: unknown[], before: unknown[], changed: Record<number, unknown> = {}): void {
  const want = before.slice(1, 22).map((v, i) => (i + 1 in changed ? changed[i + 1] : v));
  expect(cells.slice(1, 22)).toEqual(want);
}

describe.each(Object.entries(MOMENTS))('a person acting %s', (moment, when) => {
  describe.each(Object.entries(PERSON))('who %s', (action, act) => {
    it('a typed edit stamps only the enterprise typed into, wherever it now is, or none and says so', () => {
      const { emu, firms } = world();
      const before = rowsByCode(emu, TC);
      const edited = firms[1]!.creditCode; // row 6
      const acted = actOnce(emu, when, act);
      const r = emu.userEdit(TC, 'R6', '已开工建设');
      emu.interleave(null);
      expect(acted()).toBe(true);
      expect(r.ok && r.executions.every((x) => x.ok)).toBe(true);
      const rows = rowsByCode(emu, TC);
      for (const f of firms) {
        const now = rows.get(f.creditCode);
        if (action.startsWith('deletes') && f === firms[0]) continue; // deleted on purpose
        expectHolds(now!.cells, before.get(f.creditCode)!.cells, f.creditCode === edited ? { 17: '已开工建设' } : {});
        if (f.creditCode !== edited) expect([f.name, now!.cells.slice(22)]).toEqual([f.name, SEED_STAMP]);
      }
      const stamp = rows.get(edited)!.cells.slice(22);
      const moved = logRows(emu).filter((l) => l[9]!.includes('该行') && l[9]!.includes('移动'));
      // before the read, row 6 holds another enterprise: the typed text, on one row only, says where the edited one went
      expect(stamp).toEqual([EDIT_AT, TC_CLERK]);
      expect(moved).toEqual([]);
    });

    it('the office guard puts a clerk’s deadline back on that enterprise’s row, never on another’s', () => {
      const { emu, firms } = world();
      const before = rowsByCode(emu, TC);
      const edited = firms[1]!.creditCode;
      const acted = actOnce(emu, when, act);
      const r = emu.userEdit(TC, 'Q6', '2023-12-31');
      emu.interleave(null);
      expect(acted()).toBe(true);
      expect(r.ok && r.executions.every((x) => x.ok)).toBe(true);
      const rows = rowsByCode(emu, TC);
      for (const f of firms) {
        if (action.startsWith('deletes') && f === firms[0]) continue;
        // every deadline is its enterprise's approved one: the clerk's 2023-12-31 was put back wherever the row went
        expectHolds(rows.get(f.creditCode)!.cells, before.get(f.creditCode)!.cells);
      }
      const undone = logRows(emu).filter((l) => l[9]!.startsWith('已撤销辖区的修改'));
      expect(undone.map((l) => [l[3]!.replace(/\d+$/, ''), l[4]])).toEqual([['Q', edited]]);
      // the line names the cell written: where the row was found (after the write the person moved it on)
      expect(undone[0]![3]).toBe(moment === 'after the write' ? 'Q6' : `Q${rows.get(edited)!.row}`);
    });

    it('a 3×2 paste over three enterprises stamps those the trigger read and leaves every enterprise’s cells whole', () => {
      const { emu, firms } = world();
      const before = rowsByCode(emu, TC);
      const acted = actOnce(emu, when, act);
      const r = emu.userPaste(TC, 'K6', [['达环审〔2021〕1号', '无'], ['达环审〔2021〕2号', '无'], ['达环审〔2021〕3号', '无']]);
      emu.interleave(null);
      expect(acted()).toBe(true);
      expect(r.ok && r.executions.every((x) => x.ok)).toBe(true);
      const rows = rowsByCode(emu, TC);
      firms.forEach((f, i) => {
        if (action.startsWith('deletes') && i === 0) return;
        const pasted = i === 0 ? {} : { 10: `达环审〔2021〕${i}号`, 11: '无' };
        expectHolds(rows.get(f.creditCode)!.cells, before.get(f.creditCode)!.cells, pasted);
        if (moment !== 'before the read') expect([f.name, rows.get(f.creditCode)!.cells.slice(22)]).toEqual([f.name, i === 0 ? SEED_STAMP : [EDIT_AT, TC_CLERK]]);
      });
    });
  });
});

describe('rows that keep moving while the edit is recorded', () => {
  it('are looked for a few times, then left unstamped with a log line and a toast; no other row is written', () => {
    const { emu, firms } = world();
    const before = rowsByCode(emu, TC);
    let reads = 0;
    const seen: string[] = [];
    emu.interleave((call) => {
      const locked = seen.lastIndexOf('Lock.tryLock');
      // after the locked read, before every later read of the rows the person inserts another row above
      if (locked >= 0 && call === 'Range.getValues' && seen.indexOf('Range.getValues', locked) >= 0) {
        reads += 1;
        modelOf(emu).insertRows(TC, 5, 1);
      }
      seen.push(call);
    });
    const r = emu.userEdit(TC, 'R6', '已开工建设');
    emu.interleave(null);
    expect(r.ok && r.executions.every((x) => x.ok)).toBe(true);
    expect(reads).toBeGreaterThanOrEqual(3);
    const rows = rowsByCode(emu, TC);
    for (const f of firms) {
      expect([f.name, rows.get(f.creditCode)!.cells.slice(22)]).toEqual([f.name, SEED_STAMP]);
      expectHolds(rows.get(f.creditCode)!.cells, before.get(f.creditCode)!.cells, f === firms[1] ? { 17: '已开工建设' } : {});
    }
    const moved = logRows(emu).filter((l) => l[9] === '直接编辑（该行被移动且未找到，未盖章）');
    expect(moved.map((l) => l[4])).toEqual([firms[1]!.creditCode]);
    expect(emu.ui.toasts.at(-1)?.message).toContain('第6行被移动且未找到');
  });
});
