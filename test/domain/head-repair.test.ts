// planHeadRepair: where the missing head rows go, and when 初始化/修复表格 must refuse instead of writing over an enterprise.
import { planHeadRepair } from '../../src/domain/head-repair';
import { ledgerHead } from '../../src/domain/ledger-template';

const head = ledgerHead('通川区人民政府', '2022-03-20');
const [title, filler, upper, lower] = head as [string[], string[], string[], string[]];
const firm = (): unknown[] => {
  const r: unknown[] = new Array(24).fill('');
  r[2] = '达州市甲公司';
  r[4] = '91511700MA0000005C';
  r[13] = '粉尘';
  return r;
};
const blank = (): unknown[] => new Array(24).fill('');
const plan = (grid: unknown[][]) => planHeadRepair(grid, '通川区', '初始化/修复表格');

describe('planHeadRepair', () => {
  it('rewrites in place a head whose lower header is on row 4, and a new tab', () => {
    expect(plan([title, filler, upper, lower, firm()])).toEqual({ kind: 'rewrite' });
    expect(plan([blank(), blank(), blank(), blank()])).toEqual({ kind: 'rewrite' });
  });

  it('inserts a row where each deleted head row belongs', () => {
    expect(plan([filler, upper, lower, firm()])).toEqual({ kind: 'insert', before: [1], what: ['标题行'] });
    expect(plan([title, filler, lower, firm()])).toEqual({ kind: 'insert', before: [3], what: ['上层表头行'] });
    expect(plan([filler, lower, firm()])).toEqual({ kind: 'insert', before: [1, 3], what: ['标题行', '上层表头行'] });
  });

  it('refuses rows inserted above the title or inside the head, naming them', () => {
    const above = plan([blank(), title, filler, upper, lower, firm()]);
    expect(above.kind === 'refuse' && above.message).toContain('多出1行：第1行（空行）');
    const inside = plan([title, filler, upper, firm(), lower]);
    expect(inside.kind === 'refuse' && inside.message).toContain('第4行（C4（达州市甲公司）');
  });

  it('refuses when enterprises fill rows 1–4 and no lower header is left', () => {
    const refused = plan([firm(), firm(), blank(), blank()]);
    expect(refused.kind === 'refuse' && refused.message).toContain('第1、2行是企业数据');
  });
});
