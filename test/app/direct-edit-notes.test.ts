// Who writes a hand edit's 【校验】 notes (issue 16): the simple onEdit until the edit trigger is installed, then the installable one, on the rows it confirms.
import type { Emulator, ExecutionRecord } from '@eco-ledger/emulator';
import { EDIT_TRIGGER_KEY } from '../../src/sheet/triggers';
import { OWNER, TC_CLERK, code, seedRows, setEditors, setUp, tab, values } from '../support/ledger-world';
import { actOnce, rowActs } from '../support/interleave';

const TC = '通川区';
const INVALID = '【校验】职工人数应为不小于0的整数';

/** 通川区 with `rows` enterprises, acting as its clerk; the triggers installed when `install`. */
function world(rows: number, install: boolean): Emulator {
  const emu = setUp();
  setEditors(emu, TC, TC_CLERK);
  emu.setUser(OWNER);
  if (install) emu.clickMenu('安装自动任务');
  emu.clickMenu('初始化/修复表格');
  if (rows > 0) seedRows(emu, TC, rows);
  emu.setUser(TC_CLERK);
  return emu;
}

function edited(result: { ok: boolean; message?: string } & { executions?: ExecutionRecord[] }): ExecutionRecord[] {
  if (!result.ok || !result.executions) throw new Error(`edit refused: ${result.message ?? ''}`);
  expect(result.executions.every((x) => x.ok)).toBe(true);
  return result.executions;
}

const note = (emu: Emulator, a1: string, district = TC): string => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return tab(emu, district).noteAt(Number(m[2]), m[1]!.charCodeAt(0) - 64);
};
const callsOf = (x: ExecutionRecord): number => Object.values(x.calls).reduce((a, b) => a + b, 0);
const byFn = (runs: ExecutionRecord[], fn: string): ExecutionRecord => runs.find((x) => x.fn === fn)!;

describe('the simple onEdit and the installable edit trigger', () => {
  it('the simple onEdit steps aside once the edit trigger is installed: one property read, and the installable trigger writes the note', () => {
    const emu = world(1, true);
    const runs = edited(emu.userEdit(TC, 'G5', 12.5));
    expect(runs.map((x) => x.fn)).toEqual(['onEdit', 'onEditInstalled']);
    expect(byFn(runs, 'onEdit').calls).toEqual({ 'PropertiesService.getDocumentProperties': 1, 'Properties.getProperty': 1 });
    expect(byFn(runs, 'onEdit').cellsRead).toBe(0);
    expect(note(emu, 'G5')).toBe(INVALID);
    expect(emu.ui.toasts.at(-1)?.message).toBe('第5行有1处需要修改，见单元格批注');
    edited(emu.userEdit(TC, 'G5', 12));
    expect(note(emu, 'G5')).toBe('');
  });

  it('the simple onEdit writes the notes when the edit trigger is not installed', () => {
    const emu = world(1, false);
    const runs = edited(emu.userEdit(TC, 'G5', 12.5));
    expect(runs.map((x) => x.fn)).toEqual(['onEdit']);
    expect(note(emu, 'G5')).toBe(INVALID);
    edited(emu.userEdit(TC, 'G5', 12));
    expect(note(emu, 'G5')).toBe('');
  });

  it('after 卸载自动任务 the simple onEdit writes the notes again', () => {
    const emu = world(1, true);
    emu.setUser(OWNER);
    emu.ui.answer('YES');
    emu.clickMenu('卸载自动任务');
    expect(emu.properties.document.map.has(EDIT_TRIGGER_KEY)).toBe(false);
    emu.setUser(TC_CLERK);
    const runs = edited(emu.userEdit(TC, 'G5', 12.5));
    expect(runs.map((x) => x.fn)).toEqual(['onEdit']);
    expect(callsOf(runs[0]!)).toBeGreaterThan(2);
    expect(note(emu, 'G5')).toBe(INVALID);
  });

  it('an edit trigger installed before the flag writes the notes and flags itself, so the next edit\'s simple onEdit steps aside', () => {
    const emu = world(1, true);
    emu.properties.document.map.delete(EDIT_TRIGGER_KEY);
    const first = edited(emu.userEdit(TC, 'G5', 12.5));
    expect(callsOf(byFn(first, 'onEdit'))).toBeGreaterThan(2);
    expect(note(emu, 'G5')).toBe(INVALID);
    const next = edited(emu.userEdit(TC, 'G5', 13.5));
    expect(callsOf(byFn(next, 'onEdit'))).toBe(2);
    expect(note(emu, 'G5')).toBe(INVALID);
  });

  it('a stale flag (the installer\'s trigger gone) leaves hand edits unnoted until 安装自动任务 runs again', () => {
    const emu = world(1, true);
    emu.restoreTriggers([]);
    expect(edited(emu.userEdit(TC, 'G5', 12.5)).map((x) => x.fn)).toEqual(['onEdit']);
    expect(note(emu, 'G5')).toBe('');
    emu.setUser(OWNER);
    emu.clickMenu('安装自动任务');
    emu.setUser(TC_CLERK);
    edited(emu.userEdit(TC, 'G5', 14.5));
    expect(note(emu, 'G5')).toBe(INVALID);
  });
});

describe('the installable trigger notes the rows it confirmed', () => {
  const acts = rowActs(TC);
  it.each([
    ['inserts a row above the data', 7],
    ['sorts the rows (reversed)', 7],
  ])('a person who %s before the triggers run: the note goes to the edited enterprise\'s row, not to where the edit was', (action, lands) => {
    const emu = world(4, true);
    const edited6 = values(emu, TC, 'E6')[0]![0];
    const acted = actOnce(emu, (_call, seen) => seen.length === 0, acts[action]!);
    const runs = edited(emu.userEdit(TC, 'G6', 12.5));
    emu.interleave(null);
    expect(acted()).toBe(true);
    expect(runs.map((x) => x.fn)).toEqual(['onEdit', 'onEditInstalled']);
    expect(values(emu, TC, `E${lands}`)[0]![0]).toBe(edited6);
    expect(note(emu, `G${lands}`)).toBe(INVALID);
    for (const row of [5, 6, 7, 8, 9].filter((r) => r !== lands)) expect([row, note(emu, `G${row}`)]).toEqual([row, '']);
  });

  it('a person who inserts a row above between the trigger\'s read and its write: the note follows the row', () => {
    const emu = world(4, true);
    const acted = actOnce(emu, (_call, seen) => {
      const locked = seen.lastIndexOf('Lock.tryLock');
      return locked >= 0 && seen.indexOf('Range.getValues', seen.indexOf('Properties.getProperties', locked)) >= 0;
    }, acts['inserts a row above the data']!);
    edited(emu.userEdit(TC, 'G6', 12.5));
    emu.interleave(null);
    expect(acted()).toBe(true);
    expect(note(emu, 'G7')).toBe(INVALID);
    expect(note(emu, 'G6')).toBe('');
  });
});

describe('the cross-district duplicate check', () => {
  function duplicated(): Emulator {
    const emu = world(1, true);
    const [other] = seedRows(emu, '达川区', 40);
    edited(emu.userEdit(TC, 'E5', other!.creditCode));
    expect(note(emu, 'E5')).toContain('与“达川区”第5行重复');
    return emu;
  }

  it('an edit of another column keeps the duplicate note on E (and still says the row needs fixing)', () => {
    const emu = duplicated();
    const runs = edited(emu.userEdit(TC, 'R5', '已开工建设'));
    expect(note(emu, 'E5')).toContain('与“达川区”第5行重复，同一企业只能登记一次');
    expect(emu.ui.toasts.at(-1)?.message).toBe('第5行有1处需要修改，见单元格批注');
    expect(runs.map((x) => x.fn)).toEqual(['onEdit', 'onEditInstalled']);
  });

  it('an edit of another column without the edit trigger keeps the duplicate note on E too', () => {
    const emu = duplicated();
    emu.setUser(OWNER);
    emu.ui.answer('YES');
    emu.clickMenu('卸载自动任务');
    emu.setUser(TC_CLERK);
    edited(emu.userEdit(TC, 'R5', '已开工建设'));
    expect(note(emu, 'E5')).toContain('与“达川区”第5行重复');
  });

  it('reads the other tabs\' credit-code column only for an edit that covers column E', () => {
    const emu = duplicated();
    const other = edited(emu.userEdit(TC, 'R5', '已开工建设'));
    const same = String(values(emu, TC, 'E5')[0]![0]);
    const onE = edited(emu.userEdit(TC, 'E5', same));
    const read = (runs: ExecutionRecord[]): number => byFn(runs, 'onEditInstalled').cellsRead;
    // 达川区's 40 codes (and 达州高新区's none) are read for the edit of E alone.
    expect(read(onE) - read(other)).toBeGreaterThanOrEqual(40);
    expect(note(emu, 'E5')).toContain('与“达川区”第5行重复');
  });

  it('an edit of E that ends the duplicate removes the note', () => {
    const emu = duplicated();
    emu.setUser(OWNER); // the office may correct a code on record
    edited(emu.userEdit(TC, 'E5', code()));
    expect(note(emu, 'E5')).toBe('');
  });
});
