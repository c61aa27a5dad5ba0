// Display widths of CJK and Latin text and the width a column needs for what it holds.
import { CELL_PADDING, fitWidths, textWidth, typicalRows } from '../../src/domain/column-width';

describe('textWidth', () => {
  it('counts a CJK character as about two Latin ones, and takes the widest line', () => {
    expect(textWidth('达州高新区')).toBe(2 * textWidth('abcde'));
    expect(textWidth('（）：“”')).toBe(5 * 14);
    expect(textWidth('il.')).toBeLessThan(textWidth('abc'));
    expect(textWidth('MW@')).toBeGreaterThan(textWidth('ABC'));
    expect(textWidth('短\n比较长的一行')).toBe(textWidth('比较长的一行'));
    expect(textWidth('')).toBe(0);
  });
});

describe('fitWidths', () => {
  const bounds = { min: 40, max: 200 };

  it('gives each column its widest cell plus padding, rounded up to 5 px, within the bounds', () => {
    const widths = fitWidths([['达州高新区', 'a'], ['通川区', '']], 2, bounds);
    expect(widths[0]).toBe(Math.ceil((5 * 14 + CELL_PADDING) / 5) * 5);
    expect(widths[1]).toBe(40);
    expect(fitWidths([['很'.repeat(50)]], 1, bounds)).toEqual([200]);
  });

  it('lets unwrapped text spill over an empty right neighbour instead of widening its column', () => {
    const rows = [['一行很长很长很长很长很长的说明', ''], ['辖区', '企业总数']];
    expect(fitWidths(rows, 2, bounds, true)[0]).toBe(Math.ceil((2 * 14 + CELL_PADDING) / 5) * 5);
    expect(fitWidths(rows, 2, bounds, false)[0]).toBeGreaterThan(150);
    expect(fitWidths([['', '最后一列的长文本']], 2, bounds, true)[1]).toBe(Math.ceil((8 * 14 + CELL_PADDING) / 5) * 5);
  });
});

describe('typicalRows', () => {
  it('gives a table its times, accounts, districts, codes and quarters by header before it has rows', () => {
    const rows = typicalRows(['时间', '账号', '工作表', '统一社会信用代码', '新值', '季度'], ['a@x.cn', 'longer.name@dazhou.gov.cn'], ['通川区']);
    expect(rows).toEqual([
      ['2000-00-00 00:00:00', 'a@x.cn', '通川区', '91511700MA00000000', '', '2000年第1季度'],
      ['', 'longer.name@dazhou.gov.cn', '', '', '', ''],
    ]);
    expect(typicalRows(['申请延期至', '审批人'], ['b@x.cn'], [])).toEqual([['2000-00-00', 'b@x.cn']]);
    expect(typicalRows(['理由'], ['b@x.cn'], ['通川区'])).toEqual([]);
  });
});
