// 校验本表 in the emulator on the built dist/: every row checked, notes set and cleared, the message, the call count.
import { TAB } from '../../src/domain/contract';
import { OWNER, modelOf, seedRows, setUp, tab } from '../support/ledger-world';

const lastAlert = (emu: ReturnType<typeof setUp>) => emu.ui.alerts[emu.ui.alerts.length - 1]?.prompt ?? '';

describe('校验本表', () => {
  it('reports every row valid and clears stale notes of ours', () => {
    const emu = setUp();
    seedRows(emu, '通川区', 4);
    tab(emu, '通川区').setSparse(6, 3, 'n', '【校验】旧的问题');
    emu.model.setActive('通川区', 'C5');
    emu.clickMenu('校验本表');
    expect(lastAlert(emu)).toBe('已校验“通川区”4行企业数据，全部符合要求。');
    expect(tab(emu, '通川区').noteAt(6, 3)).toBe('');
  });

  it('lists the rows with problems by row, enterprise and field, and notes the cells', () => {
    const emu = setUp();
    const firms = seedRows(emu, '通川区', 5);
    const model = modelOf(emu);
    model.setValuesRaw('通川区', 6, 7, [[-1]]);
    model.setValuesRaw('通川区', 8, 20, [['已验收销号']]);
    emu.model.setActive('通川区', 'A1');
    emu.clickMenu('校验本表');
    const message = lastAlert(emu);
    expect(message).toContain('已校验“通川区”5行企业数据，其中2行有问题（共2处）');
    expect(message).toContain(`第6行 ${firms[1]!.name}｜职工人数：职工人数应为不小于0的整数`);
    expect(message).toContain(`第8行 ${firms[3]!.name}｜销号日期：`);
    expect(tab(emu, '通川区').noteAt(6, 7)).toContain('职工人数');
    expect(tab(emu, '通川区').noteAt(8, 22)).toContain('销号日期');
  });

  it('caps the list and points to the notes for the rest', () => {
    const emu = setUp();
    seedRows(emu, '达川区', 40);
    const model = modelOf(emu);
    model.setValuesRaw('达川区', 5, 8, Array.from({ length: 40 }, () => ['借用']));
    emu.model.setActive('达川区', 'A1');
    emu.clickMenu('校验本表');
    const message = lastAlert(emu);
    expect(message.split('\n').filter((l) => l.startsWith('第'))).toHaveLength(30);
    expect(message).toContain('另有10处未列出');
  });

  it('refuses outside a district tab', () => {
    const emu = setUp();
    emu.model.setActive(TAB.summary, 'A1');
    emu.clickMenu('校验本表');
    expect(lastAlert(emu)).toContain('只能在辖区工作表');
  });

  it('uses the same number of service calls for 10 and 3,000 rows', () => {
    const counts = [10, 3000].map((n) => {
      const emu = setUp();
      seedRows(emu, '通川区', n);
      emu.setUser(OWNER);
      emu.model.setActive('通川区', 'A1');
      emu.resetCalls();
      emu.clickMenu('校验本表');
      return Object.values(emu.calls).reduce((a, b) => a + b, 0);
    });
    expect(counts[0]).toBe(counts[1]);
  });
});
