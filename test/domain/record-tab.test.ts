// The office's record tabs read and written by header (src/domain/record-tab.ts): columns found wherever they are, rows as text.
import { cellText, isRecordTab, missingHeaders, readRecordTab, recordRow } from '../../src/domain/record-tab';

const HEADERS = ['验收日期', '辖区', '结论'] as const;

describe('cellText', () => {
  test('a date cell is its Shanghai day at midnight, else its Shanghai date and time, whatever the host zone', () => {
    expect(cellText(new Date('2022-03-19T16:00:00Z'))).toBe('2022-03-20');
    expect(cellText(new Date('2022-03-20T01:02:03Z'))).toBe('2022-03-20 09:02:03');
  });

  test('other values as trimmed text; nothing as blank', () => {
    expect(cellText('  通过 ')).toBe('通过');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});

describe('readRecordTab', () => {
  test('finds each header in row 1 wherever it stands, and reads the rows below by it, with their sheet row', () => {
    const tab = readRecordTab(
      [
        ['结论', '备用', '验收日期', '辖区'],
        ['通过', 'x', new Date('2022-05-09T16:00:00Z'), '通川区'],
        ['', '', '', ''],
        ['不通过', '', '2022-06-01', ' 达川区 '],
      ],
      HEADERS,
    );
    expect(isRecordTab(tab)).toBe(true);
    if (!isRecordTab(tab)) return;
    expect(tab.columns).toEqual({ 验收日期: 2, 辖区: 3, 结论: 0 });
    expect(tab.width).toBe(4);
    // the blank row 3 is not a record
    expect(tab.rows).toEqual([
      { row: 2, cells: { 验收日期: '2022-05-10', 辖区: '通川区', 结论: '通过' } },
      { row: 4, cells: { 验收日期: '2022-06-01', 辖区: '达川区', 结论: '不通过' } },
    ]);
  });

  test('names the headers row 1 lacks, and says nothing is there for an empty tab', () => {
    expect(readRecordTab([['验收日期', '地区']], HEADERS)).toEqual({ missing: ['辖区', '结论'] });
    expect(readRecordTab([], HEADERS)).toBeNull();
    expect(isRecordTab(readRecordTab([], HEADERS))).toBe(false);
    expect(isRecordTab({ missing: ['辖区'] })).toBe(false);
  });

  test('a header with line breaks or spaces around it still counts when trimmed', () => {
    const tab = readRecordTab([[' 验收日期 ', '辖区', '结论']], HEADERS);
    expect(isRecordTab(tab) && tab.columns.验收日期).toBe(0);
  });
});

describe('recordRow', () => {
  test('puts each value in its header column of the tab as it is now, blanks elsewhere', () => {
    const tab = { columns: { 验收日期: 2, 辖区: 3, 结论: 0 }, width: 5 };
    expect(recordRow(tab, { 辖区: '通川区', 结论: '通过' })).toEqual(['通过', '', '', '通川区', '']);
  });
});

describe('missingHeaders', () => {
  test('names the tab, the missing columns and the repair: the menu path of 初始化/修复表格, or the header put back', () => {
    expect(missingHeaders('验收记录', ['辖区', '结论'])).toBe(
      '“验收记录”工作表第1行缺少列：辖区、结论。请领导小组办公室运行“整治台账 → 管理（领导小组办公室） → 初始化/修复表格”，或把表头改回原样。',
    );
  });
});
