// The grid vocabulary: column letters both ways, A1 of a block, header text and cell text.
import { a1, cellText, columnIndex, columnLetter, headerText, rangeA1 } from '../../src/domain/grid';

describe('columnLetter and columnIndex', () => {
  it('name columns like Sheets does', () => {
    expect([0, 5, 23, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'F', 'X', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('read a letter back to the same index, lower case too', () => {
    for (const i of [0, 5, 23, 25, 26, 27, 51, 52, 701, 702]) expect(columnIndex(columnLetter(i))).toBe(i);
    expect(columnIndex('x')).toBe(23);
  });
});

describe('a1 and rangeA1', () => {
  it('give one cell as R5 and a block as A5:X7', () => {
    expect(a1({ row: 5, column: 18, rows: 1, columns: 1 })).toBe('R5');
    expect(a1({ row: 5, column: 1, rows: 3, columns: 24 })).toBe('A5:X7');
  });

  it('keep the range form for one cell where 操作日志 records blocks', () => {
    expect(rangeA1({ row: 5, column: 18, rows: 1, columns: 1 })).toBe('R5:R5');
  });
});

describe('headerText and cellText', () => {
  it('ignore line breaks and spaces in a header', () => {
    expect(headerText('整改\n完成 时限')).toBe('整改完成时限');
    expect(headerText(null)).toBe('');
  });

  it('read a cell as trimmed text, a date as its Shanghai day, nothing and an invalid date as blank', () => {
    expect(cellText('  整改中 ')).toBe('整改中');
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date('2023-03-14T16:30:00Z'))).toBe('2023-03-15');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});
