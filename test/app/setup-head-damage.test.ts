// 初始化/修复表格 on a district tab whose head rows were deleted or pushed down: rows inserted or a refusal naming the cells, never a template row over an enterprise (issue 12 point 3).
import type { Emulator } from '@eco-ledger/emulator';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { TITLE } from '../../src/domain/contract';
import { modelOf, seedRows, setUp, tab, values } from '../support/ledger-world';

const TC = '通川区';

function damaged(damage: (emu: Emulator) => void): { emu: Emulator; firms: EnterprisePayload[]; others: string } {
  const emu = setUp();
  const firms = seedRows(emu, TC, 3);
  seedRows(emu, '达川区', 1);
  damage(emu);
  const others = JSON.stringify(values(emu, '达川区', 'A1:X5'));
  emu.clickMenu('初始化/修复表格');
  return { emu, firms, others };
}

/** Each enterprise found by its credit code in column E, its own cells (C–S) as seeded; returns their rows. */
function intact(emu: Emulator, firms: EnterprisePayload[]): number[] {
  const grid = values(emu, TC, `A1:X${tab(emu, TC).lastRow()}`);
  return firms.map((p) => {
    const at = grid.findIndex((r) => r[4] === p.creditCode);
    expect(at).toBeGreaterThanOrEqual(0);
    const r = grid[at]!;
    expect([r[2], r[3], r[13], r[14]]).toEqual([p.name, p.address, p.problems, p.measures]);
    expect(grid.filter((row) => row[4] === p.creditCode)).toHaveLength(1);
    return at + 1;
  });
}

const lastAlert = (emu: Emulator): string => emu.ui.alerts.at(-1)?.prompt ?? '';

describe('初始化/修复表格 on a damaged head', () => {
  it('after the title row was deleted, inserts a row for it: the enterprises stay from row 5', () => {
    const { emu, firms, others } = damaged((e) => void modelOf(e).deleteRows(TC, 1, 1));
    expect(intact(emu, firms)).toEqual([5, 6, 7]);
    expect(values(emu, TC, 'A1')[0]![0]).toBe(TITLE);
    expect(values(emu, TC, 'C3')[0]![0]).toBe('企业基本信息');
    expect(values(emu, TC, 'E4')[0]![0]).toBe('工商营业执照（统一社会信用代码）');
    expect(lastAlert(emu)).toContain('补回标题行');
    expect(lastAlert(emu)).not.toContain('意外错误');
    expect(JSON.stringify(values(emu, '达川区', 'A1:X5'))).toBe(others);
  });

  it('after the upper header row was deleted, inserts a row for it above the lower header', () => {
    const { emu, firms } = damaged((e) => void modelOf(e).deleteRows(TC, 3, 1));
    expect(intact(emu, firms)).toEqual([5, 6, 7]);
    expect(values(emu, TC, 'C3')[0]![0]).toBe('企业基本信息');
    expect(values(emu, TC, 'C4')[0]![0]).toBe('企业名称');
    expect(lastAlert(emu)).toContain('补回上层表头行');
  });

  it('after a row was inserted above the title, refuses naming that row and writes nothing in the tab', () => {
    const emu = setUp();
    const firms = seedRows(emu, TC, 3);
    modelOf(emu).insertRows(TC, 1, 1);
    const before = JSON.stringify(values(emu, TC, 'A1:X9'));
    emu.clickMenu('初始化/修复表格');
    expect(JSON.stringify(values(emu, TC, 'A1:X9'))).toBe(before);
    expect(intact(emu, firms)).toEqual([6, 7, 8]);
    const message = lastAlert(emu);
    expect(message).toContain('“通川区”的表头上方或中间多出1行：第1行（空行）');
    expect(message).not.toContain('已修复：通川区');
    expect(message).not.toContain('意外错误');
  });

  it('names the cells of a filled row inserted above the title', () => {
    const emu = setUp();
    const firms = seedRows(emu, TC, 2);
    modelOf(emu).insertRows(TC, 1, 1);
    modelOf(emu).setValuesRaw(TC, 1, 1, [['临时记录']]);
    emu.clickMenu('初始化/修复表格');
    expect(lastAlert(emu)).toContain('第1行（A1（临时记录））');
    expect(values(emu, TC, 'A1')[0]![0]).toBe('临时记录');
    expect(intact(emu, firms)).toEqual([6, 7]);
  });

  it('refuses when enterprises sit in rows 1–4 with no header left, naming their rows and cells', () => {
    const { emu, firms } = damaged((e) => void modelOf(e).deleteRows(TC, 1, 4));
    expect(intact(emu, firms)).toEqual([1, 2, 3]);
    const message = lastAlert(emu);
    expect(message).toContain('“通川区”第1、2、3行是企业数据');
    expect(message).toContain(`E1（${firms[0]!.creditCode.slice(0, 12)}…）`);
    expect(message).not.toContain('已修复：通川区');
  });

  it('a second run after the repair changes nothing', () => {
    const { emu } = damaged((e) => void modelOf(e).deleteRows(TC, 1, 1));
    const before = JSON.stringify(values(emu, TC, 'A1:X8'));
    emu.clickMenu('初始化/修复表格');
    expect(lastAlert(emu)).toContain('表格结构完好');
    expect(JSON.stringify(values(emu, TC, 'A1:X8'))).toBe(before);
  });
});
