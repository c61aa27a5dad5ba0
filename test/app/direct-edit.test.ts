// Hand edits in the emulator on the built dist/: notes, stamps, 填表时间, 操作日志, edits elsewhere, constant service calls.
import type { Emulator, ExecutionRecord } from '@eco-ledger/emulator';
import { TAB } from '../../src/domain/contract';
import { OWNER, TC_CLERK, logRows, payload, seedRows, setEditors, setUp, settingCell, tab, values } from '../support/ledger-world';

function world(rows = 0): Emulator {
  const emu = setUp();
  setEditors(emu, '通川区', TC_CLERK);
  emu.setUser(OWNER);
  emu.clickMenu('安装自动任务');
  emu.clickMenu('初始化/修复表格');
  if (rows > 0) seedRows(emu, '通川区', rows);
  emu.setUser(TC_CLERK);
  return emu;
}

function edited(result: { ok: boolean; message?: string } & { executions?: ExecutionRecord[] }): ExecutionRecord[] {
  if (!result.ok || !result.executions) throw new Error(`edit refused: ${result.message ?? ''}`);
  return result.executions;
}

const note = (emu: Emulator, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return tab(emu, '通川区').noteAt(Number(m[2]), m[1]!.charCodeAt(0) - 64);
};

describe('a single hand edit', () => {
  it('puts a Chinese note on an invalid cell and removes it once the cell is fixed', () => {
    const emu = world(1);
    const executions = edited(emu.userEdit('通川区', 'G5', 12.5));
    expect(executions.map((e) => [e.fn, e.authMode, e.ok])).toEqual([
      ['onEdit', 'LIMITED', true],
      ['onEditInstalled', 'FULL', true],
    ]);
    expect(note(emu, 'G5')).toBe('【校验】职工人数应为不小于0的整数');
    edited(emu.userEdit('通川区', 'G5', 12));
    expect(note(emu, 'G5')).toBe('');
  });

  it('toasts where to look after an edit that left a 【校验】 note, and stays quiet after a clean one', () => {
    const emu = world(3);
    const before = emu.ui.toasts.length;
    edited(emu.userEdit('通川区', 'G7', 12.5));
    expect(emu.ui.toasts.slice(before).map((t) => t.message)).toEqual(['第7行有1处需要修改，见单元格批注']);
    const after = emu.ui.toasts.length;
    edited(emu.userEdit('通川区', 'G7', 3));
    expect(emu.ui.toasts.slice(after).filter((t) => t.message.includes('批注'))).toEqual([]);
  });

  it('marks a note (a town of another district) 【提示】, apart from a 【校验】 error, and keeps the row valid', () => {
    const emu = world(1);
    const executions = edited(emu.userEdit('通川区', 'U5', '明月江街道'));
    expect(note(emu, 'U5')).toMatch(/^【提示】“明月江街道”是达川区的重点区域，与辖区“通川区”不一致/);
    expect(emu.ui.toasts.at(-1)?.message).toBe('第5行有1处提示请核对，见单元格批注');
    const log = logRows(emu).at(-1) ?? [];
    expect(log.at(-1)).toBe('直接编辑');
    expect(executions.every((e) => e.ok)).toBe(true);
    edited(emu.userEdit('通川区', 'U5', '复兴镇'));
    expect(note(emu, 'U5')).toBe('');
  });

  it('notes a cross-field problem on the cell the rule names', () => {
    const emu = world(1);
    emu.setUser(OWNER); // only the office may close (contract §10; the clerk's attempt is in office.test.ts)
    edited(emu.userEdit('通川区', 'T5', '已验收销号'));
    expect(note(emu, 'V5')).toContain('须填写销号日期');
    expect(note(emu, 'T5')).toBe('');
    edited(emu.userEdit('通川区', 'V5', '2022-03-19'));
    expect(note(emu, 'V5')).toBe('');
  });

  it('notes a credit code already registered in another district', () => {
    const emu = world(1);
    const [other] = seedRows(emu, '达川区', 1);
    edited(emu.userEdit('通川区', 'E5', other!.creditCode));
    expect(note(emu, 'E5')).toContain('与“达川区”第5行重复');
  });

  it('stamps the row, updates 填表时间 and logs old → new with the enterprise', () => {
    const emu = world(1);
    const [firm] = [values(emu, '通川区', 'C5:E5')[0]!];
    emu.setNow('2022-03-22T10:15:00+08:00');
    edited(emu.userEdit('通川区', 'G5', 40));
    const [stampAt, stampBy] = values(emu, '通川区', 'W5:X5')[0]!;
    expect(stampAt).toEqual(new Date('2022-03-22T10:15:00+08:00'));
    expect(stampBy).toBe(TC_CLERK);
    expect(values(emu, '通川区', 'T2')[0]?.[0]).toBe('填表时间：2022-03-22');
    const last = logRows(emu).at(-1)!;
    expect(last).toEqual(['2022-03-22 10:15:00', TC_CLERK, '通川区', 'G5', firm[2], firm[0], '职工人数', '35', '40', '直接编辑']);
  });

  it('logs the old value of a date cell as YYYY-MM-DD, never as the serial Sheets gives (44742)', () => {
    const emu = world(1);
    emu.setUser(OWNER); // both dates are the office's to change (contract §10)
    edited(emu.userEdit('通川区', 'Q5', '2022-07-31'));
    expect(logRows(emu).at(-1)?.slice(6)).toEqual(['整改完成时限', '2022-06-30', '2022-07-31', '直接编辑']);
    edited(emu.userEdit('通川区', 'V5', '2022-03-19'));
    edited(emu.userEdit('通川区', 'V5', '2022-03-18'));
    expect(logRows(emu).at(-1)?.slice(6, 9)).toEqual(['销号日期', '2022-03-19', '2022-03-18']);
    expect(logRows(emu).flatMap((l) => [l[7], l[8]]).filter((v) => /^\d{5}/.test(v ?? ''))).toEqual([]);
  });

  it('logs a stamp typed over by hand with its old date and time, not a serial', () => {
    const emu = world(1);
    edited(emu.userEdit('通川区', 'W5', '我改的'));
    expect(logRows(emu).at(-1)?.slice(6, 8)).toEqual(['最后更新时间', '2022-03-01 10:00:00']);
  });

  it('records 未知账号 when Sheets hides the editor', () => {
    const emu = world(1);
    emu.setUser(TC_CLERK, { revealed: false });
    edited(emu.userEdit('通川区', 'R5', '已完成设备采购'));
    expect(values(emu, '通川区', 'X5')[0]?.[0]).toBe('未知账号');
    expect(logRows(emu).at(-1)?.[1]).toBe('未知账号');
  });

  it('re-stamps a stamp typed over by hand', () => {
    const emu = world(1);
    emu.setUser(OWNER);
    edited(emu.userEdit('通川区', 'X5', '我改的'));
    expect(values(emu, '通川区', 'X5')[0]?.[0]).toBe(OWNER);
  });
});

describe('a pasted block', () => {
  it('checks a 3 × 2 paste row by row and logs each cell with the old value unknown', () => {
    const emu = world(3);
    const good = payload();
    edited(
      emu.userPaste('通川区', 'C5', [
        [good.name, good.address],
        ['甲', '某地'],
        [good.name, ''],
      ]),
    );
    expect(note(emu, 'C5')).toBe('');
    expect(note(emu, 'C6')).toContain('企业名称应为2到100个字');
    expect(note(emu, 'D7')).toContain('请填写企业详细地址');
    expect(note(emu, 'C7')).toBe('');
    const stamps = values(emu, '通川区', 'X5:X7').map((r) => r[0]);
    expect(stamps).toEqual([TC_CLERK, TC_CLERK, TC_CLERK]);
    const lines = logRows(emu).slice(-6);
    expect(lines.map((l) => l[3])).toEqual(['C5', 'D5', 'C6', 'D6', 'C7', 'D7']);
    expect(lines.every((l) => l[7] === '（粘贴或多格修改，原值未知）')).toBe(true);
    expect(lines[2]?.[9]).toBe('直接编辑（校验未通过，见单元格批注）');
  });

  it('keeps a note a person wrote while clearing its own', () => {
    const emu = world(1);
    tab(emu, '通川区').setSparse(5, 4, 'n', '请核实门牌号');
    edited(emu.userEdit('通川区', 'C5', '甲'));
    expect(note(emu, 'C5')).toContain('企业名称');
    edited(emu.userEdit('通川区', 'C5', '乙公司'));
    expect(note(emu, 'C5')).toBe('');
    expect(note(emu, 'D5')).toBe('请核实门牌号');
  });
});

describe('edits the checks leave alone', () => {
  it('ignores an edit to 汇总 safely', () => {
    const emu = world(1);
    emu.setUser(OWNER);
    const before = logRows(emu).length;
    const executions = edited(emu.userEdit(TAB.summary, 'A1', '手工备注'));
    expect(executions.every((e) => e.ok)).toBe(true);
    expect(logRows(emu)).toHaveLength(before);
  });

  it('ignores an edit right of the table', () => {
    const emu = world(1);
    const stamp = values(emu, '通川区', 'W5:X5');
    const before = logRows(emu).length;
    edited(emu.userEdit('通川区', 'Z5', '草稿'));
    expect(values(emu, '通川区', 'W5:X5')).toEqual(stamp);
    expect(logRows(emu)).toHaveLength(before);
  });

  it('logs a header edit without stamping, notes the damage, and clears the note once repaired', () => {
    const emu = world(1);
    emu.setUser(OWNER);
    const stamp = values(emu, '通川区', 'W5:X5');
    edited(emu.userEdit('通川区', 'C4', '公司名称'));
    expect(note(emu, 'C4')).toContain('表头与台账模板不一致');
    expect(values(emu, '通川区', 'W5:X5')).toEqual(stamp);
    expect(logRows(emu).at(-1)?.slice(3)).toEqual(['C4', '', '', '', '企业名称', '公司名称', '修改表头（与模板不一致）']);
    edited(emu.userEdit('通川区', 'C4', '企业名称'));
    expect(note(emu, 'C4')).toBe('');
  });

  it('logs 配置 edits with a reminder that protections follow on the next setup', () => {
    const emu = world(0);
    setEditors(emu, '达川区', 'new@dc.gov.cn');
    expect(logRows(emu).at(-1)?.slice(2)).toEqual([
      '配置',
      'E3',
      '',
      '',
      '',
      '',
      'new@dc.gov.cn',
      '修改配置（编辑账号等权限变化需运行“初始化/修复表格”后生效）',
    ]);
  });

  it('logs a 配置 date edited by hand as YYYY-MM-DD on both sides', () => {
    const emu = world(0);
    emu.setUser(OWNER);
    edited(emu.userEdit(TAB.config, settingCell('整治截止日期'), '2023-11-30'));
    expect(logRows(emu).at(-1)?.slice(2, 4)).toEqual([TAB.config, settingCell('整治截止日期')]);
    expect(logRows(emu).at(-1)?.slice(7, 9)).toEqual(['2023-10-31', '2023-11-30']);
  });

  it('does not stamp rows that a clearing left blank', () => {
    const emu = world(0);
    edited(emu.userPaste('通川区', 'C8', [['', ''], ['', '']]));
    expect(values(emu, '通川区', 'W8:X9')).toEqual([['', ''], ['', '']]);
    expect(logRows(emu).at(-1)?.[9]).toBe('清空单元格或插入空行');
  });
});

describe('inserted and deleted rows', () => {
  it('fires no edit check, and a row inserted between enterprises is validated and stamped once typed into', () => {
    const emu = world(3);
    const third = values(emu, '通川区', 'A7:X7');
    expect(edited(emu.userInsertRows('通川区', 6, 1)).filter((x) => x.fn.startsWith('onEdit'))).toEqual([]);
    expect(values(emu, '通川区', 'A8:X8')).toEqual(third);
    expect(emu.userEdit('通川区', 'F6', '造纸')).toMatchObject({ ok: false });
    edited(emu.userEdit('通川区', 'C6', '新插入的企业'));
    expect(note(emu, 'D6')).toContain('请填写企业详细地址');
    expect(values(emu, '通川区', 'X6')[0]?.[0]).toBe(TC_CLERK);
    expect(edited(emu.userDeleteRows('通川区', 6, 1)).every((x) => x.ok)).toBe(true);
    expect(values(emu, '通川区', 'A7:X7')).toEqual(third);
  });
});

describe('service calls per direct edit', () => {
  const sizes = [10, 1000, 5000];
  const table = sizes.map((size) => {
    const emu = world(size);
    const single = edited(emu.userEdit('通川区', 'G7', 41));
    const paste = edited(emu.userPaste('通川区', 'C6', [['甲乙公司', '某地'], ['丙丁公司', '某地'], ['戊己公司', '某地']]));
    const total = (xs: ExecutionRecord[]) => xs.reduce((n, x) => n + Object.values(x.calls).reduce((a, b) => a + b, 0), 0);
    return { size, single: total(single), paste: total(paste), detail: single.map((x) => x.calls) };
  });

  it('does not grow with the number of rows', () => {
    // The table for the closing note.
    console.log(
      ['rows | single edit | 3×2 paste', ...table.map((t) => `${t.size} | ${t.single} | ${t.paste}`)].join('\n') +
        `\n${JSON.stringify(table[0]?.detail)}`,
    );
    expect(new Set(table.map((t) => t.single)).size).toBe(1);
    expect(new Set(table.map((t) => t.paste)).size).toBe(1);
    expect(table[0]!.single).toBeGreaterThan(0);
  });
});
