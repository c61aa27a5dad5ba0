// 报送记录 rows ⇄ report records: header location, round trip, unreadable rows, literal user text.

import { startOfDay } from '../../src/domain/calendar-day';
import { REPORT_HEADERS } from '../../src/domain/contract';
import type { ReportRecord } from '../../src/domain/quarter';
import { TEMPLATE_REPORT_COLUMNS, locateReportColumns, reportToRow, rowToReport } from '../../src/domain/report-row';

const at = new Date('2022-03-25T15:30:00Z'); // 23:30 in Shanghai, still 25 March

const sample: ReportRecord = {
  quarter: '2022Q1',
  district: '通川区',
  on: '2022-03-25',
  at,
  account: 'clerk@tc.gov.cn',
  counts: { 未启动: 1, 整改中: 2, '已完成（待验收）': 3, 已验收销号: 4 },
  total: 10,
  onTime: true,
  kind: 'first',
  narrative: '完成除尘改造2家',
};

describe('report rows', () => {
  test('locates the columns by header text wherever they are', () => {
    const header = ['备注', ...[...REPORT_HEADERS].reverse()];
    const columns = locateReportColumns(header);
    expect(columns['季度']).toBe(REPORT_HEADERS.length);
    expect(columns['类型']).toBe(2);
    expect(columns['进展说明']).toBe(1);
  });

  test('reads a tab from before 进展说明 (its column is -1, the narrative empty)', () => {
    const old = REPORT_HEADERS.filter((h) => h !== '进展说明');
    const columns = locateReportColumns(old);
    expect(columns['进展说明']).toBe(-1);
    const row = reportToRow(sample, columns);
    expect(row).toHaveLength(old.length);
    expect(rowToReport(row, columns)?.narrative).toBe('');
  });

  test('refuses a header with a missing column, naming it', () => {
    const header = REPORT_HEADERS.filter((h) => h !== '报送时间');
    expect(() => locateReportColumns(header)).toThrow(/报送时间/);
  });

  test('writes a row with the Chinese quarter label, the instant, the counts and the Chinese flags', () => {
    const row = reportToRow(sample, TEMPLATE_REPORT_COLUMNS);
    expect(row).toEqual(['2022年第1季度', '通川区', at, 'clerk@tc.gov.cn', 1, 2, 3, 4, 10, '按时', '首次报送', '完成除尘改造2家']);
    expect(reportToRow({ ...sample, onTime: false, kind: 'update' }, TEMPLATE_REPORT_COLUMNS).slice(-3, -1)).toEqual(['逾期', '更新']);
  });

  test('reads back what it writes', () => {
    const back = rowToReport(reportToRow(sample, TEMPLATE_REPORT_COLUMNS), TEMPLATE_REPORT_COLUMNS);
    expect(back).toEqual(sample);
  });

  test('reads the Shanghai day of a date-time late in the evening UTC', () => {
    const row = reportToRow({ ...sample, at: new Date('2022-03-25T16:30:00Z') }, TEMPLATE_REPORT_COLUMNS);
    expect(rowToReport(row, TEMPLATE_REPORT_COLUMNS)?.on).toBe('2022-03-26');
  });

  test('reads a date typed as text and a date cell at Shanghai midnight', () => {
    const typed = reportToRow(sample, TEMPLATE_REPORT_COLUMNS);
    typed[2] = '2022-03-20 10:00:00';
    expect(rowToReport(typed, TEMPLATE_REPORT_COLUMNS)?.on).toBe('2022-03-20');
    typed[2] = startOfDay('2022-03-21');
    expect(rowToReport(typed, TEMPLATE_REPORT_COLUMNS)?.on).toBe('2022-03-21');
  });

  test('skips a blank row and a row without a readable date', () => {
    expect(rowToReport(new Array(REPORT_HEADERS.length).fill(''), TEMPLATE_REPORT_COLUMNS)).toBeNull();
    const noDate = reportToRow(sample, TEMPLATE_REPORT_COLUMNS);
    noDate[2] = '上周';
    expect(rowToReport(noDate, TEMPLATE_REPORT_COLUMNS)).toBeNull();
  });

  test('keeps an account that looks like a formula literal', () => {
    const row = reportToRow({ ...sample, account: '=HYPERLINK("x")' }, TEMPLATE_REPORT_COLUMNS);
    expect(row[3]).toBe('\'=HYPERLINK("x")');
  });
});
