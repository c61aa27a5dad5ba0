// Saves while a person inserts, deletes, sorts or types (emu.interleave): each enterprise stays whole, found by its credit code (issue 12).
import type { Emulator } from '@eco-ledger/emulator';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { DC_CLERK, OWNER, TC_CLERK, modelOf, payload, seedRows, setEditors, setUp, tab, values } from '../support/ledger-world';
import { actOnce, rowActs, rowsByCode } from '../support/interleave';
import type { Act } from '../support/interleave';

type Result = { ok: true; district: string; row: number; serial: number | null } | { ok: false; errors: Record<string, string> };

const TC = '通川区';

function world(): { emu: Emulator; firms: EnterprisePayload[] } {
  const emu = setUp();
  setEditors(emu, TC, TC_CLERK);
  setEditors(emu, '达川区', DC_CLERK);
  const firms = seedRows(emu, TC, 3);
  emu.setUser(TC_CLERK);
  return { emu, firms };
}

function call(emu: Emulator, fn: string, ...args: unknown[]): Result {
  const answer = emu.scriptRun(fn, ...args);
  if (!answer.ok) throw new Error(`${fn} failed: ${answer.error}`);
  return answer.value as Result;
}

/** The enterprise's own columns (B–S) hold exactly its payload's text. */
function holds(cells: unknown[], p: EnterprisePayload): boolean {
  return cells[2] === p.name && cells[3] === p.address && cells[4] === p.creditCode && cells[13] === p.problems && cells[14] === p.measures;
}

const PERSON: Record<string, Act> = {
  ...rowActs(TC),
  'types a name into the first empty row': (emu) => modelOf(emu).setValuesRaw(TC, tab(emu, TC).lastRow() + 1, 3, [['手工录入的企业']]),
};

/** When in the execution the person acts: before its first read, right before it confirms and writes, after it wrote. */
const MOMENTS: Record<string, (call: string, seen: string[]) => boolean> = {
  'before the read': (_call, seen) => seen.length === 0,
  'between the read and the write': (call) => call === 'Range.getNumberFormats',
  'after the write': (call, seen) => call === 'Range.activate' && seen.includes('Range.setValues'),
};

describe.each(Object.entries(MOMENTS))('a person acting %s', (moment, when) => {
  // the answer names the row written; a person may move it right after
  const settled = moment !== 'after the write';
  describe.each(Object.entries(PERSON))('who %s', (action, act) => {
    it('an edit-form save changes only its own enterprise, wherever it now is', () => {
      const { emu, firms } = world();
      const [a, b, c] = firms as [EnterprisePayload, EnterprisePayload, EnterprisePayload];
      const acted = actOnce(emu, when, act);
      const result = call(emu, 'updateEnterprise', { ...b, progress: '已完成设备采购' });
      emu.interleave(null);
      expect(acted()).toBe(true);
      expect(result.ok).toBe(true);
      const rows = rowsByCode(emu, TC);
      const saved = rows.get(b.creditCode)!;
      expect(holds(saved.cells, b)).toBe(true);
      expect(saved.cells[17]).toBe('已完成设备采购');
      if (result.ok && settled) expect(result.row).toBe(saved.row);
      for (const other of [a, c]) {
        const kept = rows.get(other.creditCode);
        if (action.startsWith('deletes') && other === a) continue; // the person deleted it on purpose
        expect(kept && holds(kept.cells, other)).toBe(true);
        expect(kept!.cells[17]).toBe('');
      }
      if (action.startsWith('types')) expect(values(emu, TC, `C5:C${tab(emu, TC).lastRow()}`).flat()).toContain('手工录入的企业');
    });

    it('an added enterprise lands on an empty row, never over one someone filled', () => {
      const { emu, firms } = world();
      const p = payload();
      const acted = actOnce(emu, when, act);
      const result = call(emu, 'submitEnterprise', p);
      emu.interleave(null);
      expect(acted()).toBe(true);
      expect(result.ok).toBe(true);
      const rows = rowsByCode(emu, TC);
      const added = rows.get(p.creditCode)!;
      expect(holds(added.cells, p)).toBe(true);
      if (result.ok && settled) expect(result.row).toBe(added.row);
      for (const other of firms) {
        if (action.startsWith('deletes') && other === firms[0]) continue;
        expect(holds(rows.get(other.creditCode)!.cells, other)).toBe(true);
      }
      if (action.startsWith('types')) expect(values(emu, TC, `C5:C${tab(emu, TC).lastRow()}`).flat()).toContain('手工录入的企业');
    });
  });
});

describe('a row that keeps moving', () => {
  it('is given up after a few tries with a Chinese message, and nothing is written', () => {
    const { emu, firms } = world();
    emu.interleave((call) => {
      // before every confirmation the person moves the rows again
      if (call === 'Range.getNumberFormats') modelOf(emu).insertRows(TC, 5, 1);
    });
    const result = call(emu, 'updateEnterprise', { ...firms[1]!, progress: '变' });
    emu.interleave(null);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors['_form']).toContain('连续3次未能确认');
    const saved = rowsByCode(emu, TC).get(firms[1]!.creditCode)!;
    expect(saved.cells[17]).toBe('');
  });

  it('an append given up the same way writes no row', () => {
    const { emu } = world();
    const p = payload();
    emu.interleave((call) => {
      if (call === 'Range.getNumberFormats') modelOf(emu).setValuesRaw(TC, tab(emu, TC).lastRow() + 1, 3, [['又一行手工录入']]);
    });
    const result = call(emu, 'submitEnterprise', p);
    emu.interleave(null);
    expect(!result.ok && result.errors['_form']).toContain('未能找到空行');
    expect(rowsByCode(emu, TC).has(p.creditCode)).toBe(false);
  });
});

describe('optimistic concurrency of the edit form (contract §7)', () => {
  const opened = (emu: Emulator, code: string) => {
    const got = emu.scriptRun('getEnterprise', code);
    if (!got.ok) throw new Error(String(got.error));
    const e = got.value as Record<string, unknown>;
    return { creditCode: code, district: e['district'], version: e['version'], values: e };
  };

  it('refuses a save over a change made since by someone else, saying who, what and when', () => {
    const { emu, firms } = world();
    const b = firms[1]!;
    const form = opened(emu, b.creditCode);
    emu.setUser(OWNER);
    emu.setNow('2022-03-21T15:30:00+08:00');
    expect(call(emu, 'updateEnterprise', { ...b, progress: '办公室已核实' }, opened(emu, b.creditCode)).ok).toBe(true);
    emu.setUser(TC_CLERK);
    const before = JSON.stringify(values(emu, TC, 'A5:X8'));
    const result = call(emu, 'updateEnterprise', { ...b, measures: '改为更换布袋' }, form);
    expect(result.ok).toBe(false);
    const message = !result.ok ? result.errors['_form']! : '';
    expect(message).toContain(OWNER);
    expect(message).toContain('2022-03-21 15:30:00');
    expect(message).toContain('进展情况：“” → “办公室已核实”');
    expect(message).toContain('重新载入');
    expect(JSON.stringify(values(emu, TC, 'A5:X8'))).toBe(before);
  });

  it('lets a save through when nobody changed the row since the form opened, and twice from the same account', () => {
    const { emu, firms } = world();
    const b = firms[1]!;
    const form = opened(emu, b.creditCode);
    emu.setNow('2022-03-21T15:30:00+08:00');
    expect(call(emu, 'updateEnterprise', { ...b, progress: '一' }, form).ok).toBe(true);
    emu.setNow('2022-03-21T15:35:00+08:00');
    // the same clerk saves again from the same form: their own change is not someone else's
    expect(call(emu, 'updateEnterprise', { ...b, progress: '二' }, form).ok).toBe(true);
    expect(rowsByCode(emu, TC).get(b.creditCode)!.cells[17]).toBe('二');
  });
});

describe('reads of a save, getEnterprise and the edit form at two sizes', () => {
  it('equal service calls and cells read bounded by a few columns, not the whole tabs', () => {
    const costs = [30, 600].map((n) => {
      const emu = setUp();
      const firms = ['通川区', '达川区', '达州高新区'].flatMap((d) => seedRows(emu, d, n));
      const b = firms[n + 2]!;
      emu.resetCalls();
      emu.scriptRun('getEnterprise', b.creditCode);
      const get = emu.lastExecution!;
      expect(call(emu, 'updateEnterprise', { ...b, progress: '变' }).ok).toBe(true);
      const save = emu.lastExecution!;
      return { n, get, save };
    });
    const [small, large] = costs as [(typeof costs)[0], (typeof costs)[0]];
    expect(large.get.calls).toEqual(small.get.calls);
    expect(large.save.calls).toEqual(small.save.calls);
    // column E of three tabs (3n cells) plus the head and one row, where the whole tabs would be 3 × 24n
    expect(large.get.cellsRead).toBeLessThan(3 * 600 + 500);
    expect(large.save.cellsRead).toBeLessThan(3 * 600 + 1_000);
  });
});

describe('the office’s 验收销号 while a person inserts a row', () => {
  it('closes the enterprise on the row that holds its code at the moment of writing', () => {
    const { emu, firms } = world();
    const b = firms[1]!;
    emu.setUser(OWNER);
    let readFirst = false;
    const acted = actOnce(emu, (call, seen) => {
      // after the locked read found the enterprise at row 6, right before the confirming read of its code cell
      readFirst = seen.slice(seen.indexOf('Lock.tryLock')).includes('Range.getValues');
      return call === 'Range.getValue' && seen.includes('Lock.tryLock') && readFirst;
    }, (e) => void modelOf(e).insertRows(TC, 5, 1));
    const result = emu.scriptRun('recordAcceptance', { creditCode: b.creditCode, date: '2022-03-18', passed: true, departments: '市经信局、市生态环境局', opinion: '' });
    emu.interleave(null);
    expect(acted()).toBe(true);
    expect(result.ok && (result.value as { ok: boolean }).ok).toBe(true);
    const rows = rowsByCode(emu, TC);
    expect(rows.get(b.creditCode)!.row).toBe(7);
    expect(rows.get(b.creditCode)!.cells[19]).toBe('已验收销号');
    for (const other of [firms[0]!, firms[2]!]) {
      expect(holds(rows.get(other.creditCode)!.cells, other)).toBe(true);
      expect(rows.get(other.creditCode)!.cells[19]).not.toBe('已验收销号');
    }
    // the row the script first found (6) now holds another enterprise, untouched
    expect(values(emu, TC, 'T6')[0]![0]).not.toBe('已验收销号');
  });
});
