// Display widths of CJK and Latin text, the widths a column needs, and the calls that widen only what is too narrow.
import { CELL_PADDING, fitWidths, textWidth, widthRuns } from '../../src/domain/column-width';

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

describe('widthRuns', () => {
  it('sets every column of a new tab, neighbours of one width in one call', () => {
    expect(widthRuns([80, 80, 120], null)).toEqual([
      { column: 1, columns: 2, width: 80 },
      { column: 3, columns: 1, width: 120 },
    ]);
  });

  it('widens only columns narrower than their content, and sets nothing once they fit', () => {
    expect(widthRuns([80, 80, 120], [100, 60, 400])).toEqual([{ column: 2, columns: 1, width: 80 }]);
    expect(widthRuns([80, 80, 120], [80, 80, 120])).toEqual([]);
  });
});
