// The sidebar's server calls on the built dist/ in the emulator: saves, each refusal, literal text, moved rows, lock, permission.
import type { Emulator } from '@eco-ledger/emulator';
import { withCheckChar } from '../../src/domain/credit-code';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { DIRTY_KEY } from '../../src/sheet/summary-tab';
import { clerkWorld, DC_CLERK, NOW, OWNER, TC_CLERK, code, logRows, modelOf, payload, seedRows, tab, values } from '../support/ledger-world';

type Result = { ok: true; district: string; row: number; serial: number | null } | { ok: false; errors: Record<string, string> };

const world = (): Emulator => clerkWorld();

function call(emu: Emulator, fn: string, ...args: unknown[]): Result {
  const answer = emu.scriptRun(fn, ...args);
  if (!answer.ok) throw new Error(`${fn} failed: ${answer.error}`);
  return answer.value as Result;
}

const snapshot = (emu: Emulator): string => JSON.stringify(modelOf(emu).toJSON());

/** A refusal: the answer's errors, after checking the workbook did not change at all. */
function refused(emu: Emulator, fn: string, ...args: unknown[]): Record<string, string> {
  const before = snapshot(emu);
  const dirty = emu.properties.document.map.get(DIRTY_KEY);
  const result = call(emu, fn, ...args);
  expect(result.ok).toBe(false);
  expect(snapshot(emu)).toBe(before);
  expect(emu.properties.document.map.get(DIRTY_KEY)).toBe(dirty);
  return (result as { errors: Record<string, string> }).errors;
}

const row = (emu: Emulator, district: string, r: number): unknown[] => values(emu, district, `A${r}:X${r}`)[0]!;

describe('submitEnterprise', () => {
  it('appends the enterprise with 序号, real dates, stamps and a log line, and selects the row', () => {
    const emu = world();
    emu.setNow('2022-03-21T10:30:00+08:00');
    const p = payload({ remarks: '无' });
    const result = call(emu, 'submitEnterprise', p);
    expect(result).toEqual({ ok: true, district: '通川区', row: 5, serial: 1 });
    const cells = row(emu, '通川区', 5);
    expect(cells.slice(0, 6)).toEqual([1, '通川区', p.name, p.address, p.creditCode, p.industry]);
    expect(cells[6]).toBe(35);
    expect(cells[16]).toEqual(new Date('2022-06-30T00:00:00+08:00'));
    expect(cells.slice(19, 22)).toEqual(['整改中', '复兴镇', '']);
    expect(cells[22]).toEqual(new Date('2022-03-21T10:30:00+08:00'));
    expect(cells[23]).toBe(TC_CLERK);
    expect(values(emu, '通川区', 'T2')[0]?.[0]).toBe('填表时间：2022-03-21');
    // 新值 says what was added in words (issue 15 point 4), not just the 序号.
    expect(logRows(emu).at(-1)).toEqual(['2022-03-21 10:30:00', TC_CLERK, '通川区', 'A5:X5', p.creditCode, p.name, '', '',
      `新增企业：序号1；${p.name}；行业类别：钢铁；整治分类：改造提升；整改完成时限：2022-06-30；整改状态：整改中；所在乡镇（街道）：复兴镇`, '新增企业（侧边栏）']);
    expect(modelOf(emu).active.sheet?.name).toBe('通川区');
    expect(modelOf(emu).active.range).toEqual({ row: 5, col: 1, rows: 1, cols: 24 });
    expect(emu.properties.document.map.get(DIRTY_KEY)).toBeDefined();
  });

  it('numbers the new row one past the largest 序号 of its tab, below the last row', () => {
    const emu = world();
    seedRows(emu, '通川区', 3);
    modelOf(emu).setValuesRaw('通川区', 6, 1, [[9]]);
    const result = call(emu, 'submitEnterprise', payload());
    expect(result).toEqual({ ok: true, district: '通川区', row: 8, serial: 10 });
  });

  it('starts a new enterprise at 未启动 when no status is given, and honours a given one', () => {
    const emu = world();
    call(emu, 'submitEnterprise', { ...payload(), status: '' });
    emu.setUser(OWNER); // 已验收销号 is the office's to give (contract §10)
    call(emu, 'submitEnterprise', payload({ status: '已验收销号', closedOn: '2022-03-01' }));
    expect(row(emu, '通川区', 5)[19]).toBe('未启动');
    expect(row(emu, '通川区', 6).slice(19, 22)).toEqual(['已验收销号', '复兴镇', new Date('2022-03-01T00:00:00+08:00')]);
  });

  it('saves a code registered outside 达州 and a town of another district, returning both as notes', () => {
    const emu = world();
    const result = call(emu, 'submitEnterprise', payload({ creditCode: '91350100M000100Y43', town: '明月江街道' }));
    expect(result).toMatchObject({ ok: true, district: '通川区', row: 5 });
    const notes = (result as { notes?: Record<string, string> }).notes ?? {};
    expect(Object.keys(notes).sort()).toEqual(['creditCode', 'town']);
    expect(notes['creditCode']).toContain('注册地不在达州');
    expect(row(emu, '通川区', 5)[4]).toBe('91350100M000100Y43');
  });

  it('stores a pasted code without its spaces and zero-width characters', () => {
    const emu = world();
    const clean = code();
    call(emu, 'submitEnterprise', { ...payload(), creditCode: `\ufeff${clean.slice(0, 9)} \u200b${clean.slice(9)}\u3000` });
    expect(row(emu, '通川区', 5)[4]).toBe(clean);
  });

  it('accepts 职工人数 as a string of digits and stores a number', () => {
    const emu = world();
    call(emu, 'submitEnterprise', { ...payload(), employees: '120' });
    expect(row(emu, '通川区', 5)[6]).toBe(120);
  });

  it('stores text that looks like a formula, a number or a date literally', () => {
    const emu = world();
    const p = payload({
      name: '=HYPERLINK("http://evil.example","点我")',
      address: '+86 通川区',
      problems: '-粉尘',
      measures: '@全部',
      progress: '2022-03-01',
      remarks: '0012',
    });
    call(emu, 'submitEnterprise', p);
    const sheet = tab(emu, '通川区');
    const cells = row(emu, '通川区', 5);
    expect([cells[2], cells[3], cells[13], cells[14], cells[17], cells[18]]).toEqual([p.name, p.address, p.problems, p.measures, p.progress, p.remarks]);
    for (const col of [3, 4, 14, 15, 18, 19]) expect(sheet.formulaAt(5, col)).toBe('');
  });

  describe("in the plain-text ('@') columns", () => {
    /** A valid credit code of digits only: the case Sheets would turn into a number, and the first release into "'9151…". */
    const digitsCode = (): string => {
      for (let i = 0; ; i += 1) {
        const c = withCheckChar(`9151170000${String(i).padStart(7, '0')}`);
        if (/^\d{18}$/.test(c)) return c;
      }
    };

    it('stores an all-digit credit code as that very text, finds it again and refuses it twice', () => {
      const emu = world();
      const creditCode = digitsCode();
      call(emu, 'submitEnterprise', payload({ creditCode }));
      expect(row(emu, '通川区', 5)[4]).toBe(creditCode);
      expect(emu.scriptRun('getEnterprise', creditCode)).toMatchObject({ ok: true, value: { creditCode } });
      expect(refused(emu, 'submitEnterprise', payload({ creditCode })).creditCode).toContain('已登记在“通川区”第5行');
    });

    it('adds no apostrophe on repeated edit-form saves', () => {
      const emu = world();
      const p = payload({ measures: "'带引号的措施", progress: '0012' });
      call(emu, 'submitEnterprise', p);
      call(emu, 'updateEnterprise', { ...p, progress: '0013' });
      call(emu, 'updateEnterprise', { ...p, progress: '0014' });
      const cells = row(emu, '通川区', 5);
      expect([cells[2], cells[4], cells[14], cells[17], cells[23]]).toEqual([p.name, p.creditCode, "'带引号的措施", '0014', TC_CLERK]);
    });

    it('writes the apostrophe form only into a cell someone set back to the automatic format', () => {
      const emu = world();
      const p = payload({ name: '=HYPERLINK("http://evil.example","点我")' });
      call(emu, 'submitEnterprise', p);
      // As after a paste from another file: C5 loses its '@' format (the emulator has no user action for formats).
      const styles = (tab(emu, '通川区') as unknown as { rows: { s: Record<string, unknown>[] }[] }).rows[4]!.s;
      styles[2] = { ...styles[2], numberFormat: undefined };
      expect(tab(emu, '通川区').numberFormatAt(5, 3)).toBeNull();
      call(emu, 'updateEnterprise', { ...p, progress: '已完成一半' });
      expect(row(emu, '通川区', 5)[2]).toBe(p.name);
      expect(tab(emu, '通川区').formulaAt(5, 3)).toBe('');
    });
  });

  describe('refuses, writing nothing at all', () => {
    it('a credit code whose check character is wrong', () => {
      const emu = world();
      const good = code();
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const message = refused(emu, 'submitEnterprise', payload({ creditCode: bad })).creditCode ?? '';
      expect(message).toContain('校验不通过');
      expect(message).not.toContain(`“${good[17]}”`);
    });

    it('搬迁升级 with 新址用地面积：0亩', () => {
      const emu = world();
      expect(refused(emu, 'submitEnterprise', payload({ category: '搬迁升级', remarks: '新址用地面积：0亩' })).remarks).toContain('新址用地面积应大于0');
    });

    it('a 销号日期 after today (the server’s today, in Asia/Shanghai)', () => {
      const emu = world();
      emu.setUser(OWNER);
      const errors = refused(emu, 'submitEnterprise', payload({ status: '已验收销号', closedOn: '2022-03-21' }));
      expect(errors.closedOn).toBe('销号日期不能晚于今天（2022-03-20），请填写联合验收通过的日期');
    });

    it('a name made of zero-width spaces, and an impossible deadline, in one answer', () => {
      const emu = world();
      const errors = refused(emu, 'submitEnterprise', { ...payload(), name: '\u200b\u200b\u200b', deadline: '2022-02-30' });
      expect(errors.name).toContain('不可见字符');
      expect(errors.deadline).toBe('整改完成时限“2022-02-30”不是有效日期（2022年2月只有28天）');
    });

    it('a credit code already registered in another district, naming the tab and row', () => {
      const emu = world();
      seedRows(emu, '达川区', 2);
      const [, second] = [row(emu, '达川区', 5), row(emu, '达川区', 6)];
      const errors = refused(emu, 'submitEnterprise', payload({ creditCode: String(second![4]) }));
      expect(errors.creditCode).toContain('“达川区”第6行');
    });

    it('a 搬迁升级 enterprise without the new site’s area, on 备注', () => {
      const emu = world();
      expect(refused(emu, 'submitEnterprise', payload({ category: '搬迁升级', remarks: '拟搬迁至园区' })).remarks).toContain('新址用地面积');
    });

    it('an impossible deadline', () => {
      const emu = world();
      expect(refused(emu, 'submitEnterprise', payload({ deadline: '2022-02-30' })).deadline).toContain('有效日期');
    });

    it.each([[-1], [12.5], ['12人'], ['']])('职工人数 %p', (employees) => {
      const emu = world();
      expect(refused(emu, 'submitEnterprise', { ...payload(), employees }).employees).toBe('职工人数应为不小于0的整数');
    });

    it('已验收销号 without 销号日期, on closedOn', () => {
      const emu = world();
      expect(refused(emu, 'submitEnterprise', payload({ status: '已验收销号', closedOn: '' })).closedOn).toContain('须填写销号日期');
    });

    it('a clerk writing into a district that is not theirs', () => {
      const emu = world();
      const errors = refused(emu, 'submitEnterprise', payload({ district: '达川区' }));
      expect(errors._form).toContain('不是“达川区”的编辑账号');
    });

    it('while another execution holds the document lock', () => {
      const emu = world();
      emu.holdDocumentLock();
      expect(refused(emu, 'submitEnterprise', payload())._form).toContain('请稍候');
    });

    it('a payload that is not an object', () => {
      const emu = world();
      expect(refused(emu, 'submitEnterprise', 'hello')._form).toBeTruthy();
    });
  });

  it('lets the office write into every district', () => {
    const emu = world();
    emu.setUser(OWNER);
    expect(call(emu, 'submitEnterprise', payload({ district: '达川区' }))).toMatchObject({ ok: true, district: '达川区' });
    expect(call(emu, 'submitEnterprise', payload({ district: '达州高新区' }))).toMatchObject({ ok: true, district: '达州高新区' });
  });

  it('saves for an account Sheets does not reveal and stamps 未知账号', () => {
    const emu = world();
    emu.setUser(TC_CLERK, { revealed: false });
    expect(call(emu, 'submitEnterprise', payload())).toMatchObject({ ok: true });
    expect(row(emu, '通川区', 5)[23]).toBe('未知账号');
  });

  it('uses the same service calls whatever the number of rows, reading columns, not tabs', () => {
    const costs = [20, 400].map((n) => {
      const emu = world();
      for (const d of ['通川区', '达川区', '达州高新区']) seedRows(emu, d, n);
      call(emu, 'submitEnterprise', payload());
      return emu.lastExecution!;
    });
    expect(costs[1]!.calls).toEqual(costs[0]!.calls);
    if (process.env.SHOW_CALLS) console.log(JSON.stringify(costs[0]!.calls));
    expect(costs[0]!.calls['Sheet.getDataRange']).toBe(1); // 配置 only
    expect(costs[0]!.calls['Range.setValues']).toBe(2);
    // column E of three tabs and column A of one, not 24 columns of each: under 5 cells a row, plus a constant
    expect(costs[1]!.cellsRead).toBeLessThan(400 * 5 + 1_000);
  });

  it('grows a tab filled to its last grid row by 100 rows with the template’s formats at once, then adds into them at the usual cost', () => {
    const emu = world();
    const end = tab(emu, '通川区').maxRows;
    call(emu, 'submitEnterprise', payload()); // the first change marks 汇总 stale; the measured ones find it marked
    seedRows(emu, '通川区', end - 5, 6);
    const total = (r: { calls: Record<string, number> }): number => Object.values(r.calls).reduce((a, b) => a + b, 0);
    expect(call(emu, 'submitEnterprise', payload())).toMatchObject({ ok: true, row: end + 1 });
    const grown = emu.lastExecution!;
    expect(tab(emu, '通川区').maxRows).toBe(end + 100);
    // credit code as text, 整改完成时限 as a date, down to the last new row (no per-run format calls: one write)
    for (const r of [end + 1, end + 100]) expect([tab(emu, '通川区').numberFormatAt(r, 5), tab(emu, '通川区').numberFormatAt(r, 17)]).toEqual(['@', 'yyyy-mm-dd']);
    expect(grown.calls['Range.setNumberFormats']).toBe(1);
    expect(call(emu, 'submitEnterprise', payload())).toMatchObject({ ok: true, row: end + 2 });
    // growing costs insertRowsAfter, the new rows' range, its formats read and written, less the target's own formats read
    expect(total(grown) - total(emu.lastExecution!)).toBe(3);
    expect(emu.lastExecution!.calls['Sheet.insertRowsAfter']).toBeUndefined();
  });
});

describe('updateEnterprise', () => {
  function twoFirms(emu: Emulator): [EnterprisePayload, EnterprisePayload] {
    const a = payload();
    const b = payload();
    call(emu, 'submitEnterprise', a);
    call(emu, 'submitEnterprise', b);
    return [a, b];
  }

  it('changes the enterprise wherever its row now is, after the rows were sorted, leaving the other untouched', () => {
    const emu = world();
    const [a, b] = twoFirms(emu);
    const [rowA, rowB] = [row(emu, '通川区', 5), row(emu, '通川区', 6)];
    modelOf(emu).setValuesRaw('通川区', 5, 1, [rowB, rowA]);
    emu.setNow('2022-03-23T08:00:00+08:00');
    const result = call(emu, 'updateEnterprise', { ...a, progress: '已完成设备采购', employees: 40 }, { creditCode: a.creditCode, district: a.district });
    expect(result).toEqual({ ok: true, district: '通川区', row: 6, serial: 1 });
    const moved = row(emu, '通川区', 6);
    expect([moved[0], moved[4], moved[6], moved[17]]).toEqual([1, a.creditCode, 40, '已完成设备采购']);
    expect(moved[22]).toEqual(new Date('2022-03-23T08:00:00+08:00'));
    expect(row(emu, '通川区', 5)).toEqual(rowB);
    expect(row(emu, '通川区', 5)[4]).toBe(b.creditCode);
    const lines = logRows(emu).slice(-2);
    expect(lines.map((l) => [l[3], l[6], l[7], l[8], l[9]])).toEqual([
      ['G6', '职工人数', '35', '40', '编辑企业（侧边栏）'],
      ['R6', '进展情况', '', '已完成设备采购', '编辑企业（侧边栏）'],
    ]);
  });

  it('logs a changed date as YYYY-MM-DD on both sides', () => {
    const emu = world();
    const [a] = twoFirms(emu);
    emu.setUser(OWNER); // a deadline is the office's to move (contract §10)
    expect(call(emu, 'updateEnterprise', { ...a, deadline: '2022-08-31' })).toMatchObject({ ok: true, row: 5 });
    expect(logRows(emu).at(-1)?.slice(6, 9)).toEqual(['整改完成时限', '2022-06-30', '2022-08-31']);
  });

  it('finds the enterprise after a row was inserted above it', () => {
    const emu = world();
    const [a] = twoFirms(emu);
    modelOf(emu).insertRows('通川区', 5, 1);
    expect(call(emu, 'updateEnterprise', { ...a, measures: '更换布袋除尘器' })).toMatchObject({ ok: true, row: 6 });
    expect(row(emu, '通川区', 6)[14]).toBe('更换布袋除尘器');
  });

  it('writes nothing when nothing changed, so saving twice is harmless', () => {
    const emu = world();
    const [a] = twoFirms(emu);
    call(emu, 'updateEnterprise', { ...a, progress: '进行中' });
    const before = snapshot(emu);
    const logs = logRows(emu).length;
    expect(call(emu, 'updateEnterprise', { ...a, progress: '进行中' })).toMatchObject({ ok: true, row: 5 });
    expect(logRows(emu).length).toBe(logs);
    expect(JSON.parse(snapshot(emu)).sheets).toEqual(JSON.parse(before).sheets);
  });

  it('refuses an enterprise that no longer exists with a clear message', () => {
    const emu = world();
    const [a] = twoFirms(emu);
    modelOf(emu).deleteRows('通川区', 5, 1);
    expect(refused(emu, 'updateEnterprise', a)._form).toContain('找不到统一社会信用代码为');
  });

  it('refuses a change of credit code or district, on that field', () => {
    const emu = world();
    const [a] = twoFirms(emu);
    const other = code();
    expect(refused(emu, 'updateEnterprise', { ...a, creditCode: other }, { creditCode: a.creditCode }).creditCode).toContain('不能通过编辑修改');
    emu.setUser(OWNER);
    expect(refused(emu, 'updateEnterprise', { ...a, district: '达川区' }).district).toContain('登记在“通川区”第5行');
  });

  it('refuses a clerk editing another district’s enterprise, and every invalid field', () => {
    const emu = world();
    emu.setUser(DC_CLERK);
    const theirs = payload({ district: '达川区' });
    call(emu, 'submitEnterprise', theirs);
    emu.setUser(TC_CLERK);
    expect(refused(emu, 'updateEnterprise', { ...theirs, progress: '改' })._form).toContain('不是“达川区”的编辑账号');
    emu.setUser(DC_CLERK);
    expect(refused(emu, 'updateEnterprise', { ...theirs, status: '已验收销号' }).closedOn).toContain('须填写销号日期');
  });

  it('keeps 序号 as it is', () => {
    const emu = world();
    const [, b] = twoFirms(emu);
    modelOf(emu).setValuesRaw('通川区', 6, 1, [[7]]);
    expect(call(emu, 'updateEnterprise', { ...b, progress: '变' })).toMatchObject({ ok: true, serial: 7 });
    expect(row(emu, '通川区', 6)[0]).toBe(7);
  });
});

describe('getEnterprise and the values crossing google.script.run', () => {
  it('returns the enterprise asked for when a person sorts the rows between the credit-code read and the row read', () => {
    const emu = world();
    const [a] = seedRows(emu, '通川区', 3);
    let sorted = false;
    emu.interleave((c, n) => {
      // 配置, then column E of the three tabs: the fifth getValues is the found tab's head, read after the column
      if (!sorted && c === 'Range.getValues' && n === 4) {
        sorted = true;
        modelOf(emu).setValuesRaw('通川区', 5, 1, [...values(emu, '通川区', 'A5:X7')].reverse());
      }
    });
    const answer = emu.scriptRun('getEnterprise', a!.creditCode);
    emu.interleave(null);
    expect(sorted).toBe(true);
    expect(answer).toMatchObject({ ok: true, value: { creditCode: a!.creditCode, name: a!.name, row: 7 } });
  });

  it('returns the stored payload with its row and 序号, dates as text, and null for an unknown code', () => {
    const emu = world();
    const p = payload({ status: '已验收销号', closedOn: '2022-03-01' });
    emu.setUser(OWNER);
    call(emu, 'submitEnterprise', p);
    const answer = emu.scriptRun('getEnterprise', p.creditCode.toLowerCase());
    expect(answer).toEqual({ ok: true, value: { ...p, row: 5, serial: 1, version: new Date(NOW).getTime() } });
    expect(emu.scriptRun('getEnterprise', code())).toEqual({ ok: true, value: null });
  });

  it('never returns a Date: every result survives google.script.run intact', () => {
    const emu = world();
    const p = payload();
    const saved = emu.scriptRun('submitEnterprise', p);
    expect(saved.ok && saved.value).toEqual({ ok: true, district: '通川区', row: 5, serial: 1 });
    const updated = emu.scriptRun('updateEnterprise', { ...p, progress: '1' });
    expect(updated.ok && updated.value).toMatchObject({ ok: true });
    const got = emu.scriptRun('getEnterprise', p.creditCode);
    expect(got.ok && got.value).toMatchObject({ deadline: '2022-06-30', closedOn: '' });
  });
});

describe('credit codes as clerks paste them', () => {
  it('stores a code typed in lower case and full width normalised', () => {
    const emu = world();
    const c = withCheckChar('91511700MA6200001');
    const typed = c.toLowerCase().replace(/[0-9a-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    call(emu, 'submitEnterprise', payload({ creditCode: typed }));
    expect(row(emu, '通川区', 5)[4]).toBe(c);
  });
});
