// 汇总 as a grid (src/domain/summary-grid.ts): the contract table, formats and traffic lights, the chart block, literal user text, capped lists.
import { buildSummary } from '../../src/domain/summary';
import { CHART_SERIES, FORMAT, LIST_CAP, STALE_CELL, summaryGrid } from '../../src/domain/summary-grid';
import { freshnessText } from '../../src/domain/summary-throttle';
import { SUMMARY_HEADERS, SUMMARY_TOTAL } from '../../src/domain/contract';
import { TRAFFIC_COLORS } from '../../src/domain/ledger-template';
import { DISTRICTS, entry, input, mixedLedger, report } from '../support/summary-fixtures';

describe('summaryGrid', () => {
  const grid = () => summaryGrid(buildSummary(input(mixedLedger(), { reports: [report('通川区', '2022-03-18')] })));

  it('writes the contract table with one row per district, 合计 and 更新于', () => {
    const g = grid();
    const h = g.sections.districts - 1;
    expect(g.values[h]!.slice(0, SUMMARY_HEADERS.length)).toEqual([...SUMMARY_HEADERS]);
    expect(g.values[h + 1]!.slice(0, 13)).toEqual(['通川区', 7, 4, 1, 2, 2, 3, 1, 1, 2, 2, 2 / 7, '已报送（2022-03-18）']);
    expect(g.values[h + 2]!.slice(0, 13)).toEqual(['达川区', 2, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, '未报送']);
    expect(g.values[h + 3]!.slice(0, 12)).toEqual(['达州高新区', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(g.values[h + 4]!.slice(0, 12)).toEqual([SUMMARY_TOTAL, 9, 5, 1, 2, 2, 4, 1, 1, 3, 2, 2 / 9]);
    const updated = g.values.find((r) => r[0] === '更新于')!;
    expect(updated[1]).toEqual(new Date('2022-03-20T01:00:00Z'));
  });

  it('writes the 数据截至 line beside 更新于, in the cell a change not counted yet rewrites', () => {
    const row = grid().values[STALE_CELL.row - 1]!;
    expect(row[0]).toBe('更新于');
    expect(row[STALE_CELL.col - 1]).toBe(freshnessText({ refreshed: new Date('2022-03-20T01:00:00Z').getTime(), failed: 0, claimed: 0 }, null));
    expect(String(row[STALE_CELL.col - 1])).toMatch(/^数据截至2022-03-20 09:00。/);
  });

  it('formats 完成率 as a percentage, dates as yyyy-mm-dd and colours the traffic lights', () => {
    const g = grid();
    const h = g.sections.districts - 1;
    expect(g.numberFormats[h + 1]![11]).toBe(FORMAT.percent);
    expect(g.backgrounds[h + 1]![9]).toBe(TRAFFIC_COLORS.overdue);
    expect(g.backgrounds[h + 1]![10]).toBe(TRAFFIC_COLORS.dueSoon);
    expect(g.backgrounds[h + 3]![9]).toBeNull();
    const o = g.sections.overdue;
    expect(g.values[o]!.slice(0, 6)).toEqual(['通川区', '空状态', expect.stringMatching(/^CODE\d+$/), expect.any(Date), 69, '未启动']);
    expect(g.numberFormats[o]![3]).toBe(FORMAT.date);
    expect(g.backgrounds[o]![0]).toBe(TRAFFIC_COLORS.overdue);
    expect(g.backgrounds[g.sections.dueSoon]![0]).toBe(TRAFFIC_COLORS.dueSoon);
  });

  it('is a rectangle, and its chart block holds the districts under the series headers', () => {
    const g = grid();
    const width = g.values[0]!.length;
    for (const part of [g.values, g.numberFormats, g.backgrounds, g.fontWeights]) {
      expect(part).toHaveLength(g.values.length);
      expect(part.every((r) => r.length === width)).toBe(true);
    }
    const top = g.chart.row - 1;
    expect(g.values[top]!.slice(0, g.chart.cols)).toEqual(['辖区', ...CHART_SERIES.map((s) => s.label)]);
    // 通川区: 1 closed, 1 done, 整改中 3 (none overdue), 未启动 2 of which 2 overdue → 0, overdue 2
    expect(g.values[top + 1]!.slice(0, g.chart.cols)).toEqual(['通川区', 1, 1, 3, 0, 2]);
    expect(g.chart.rows).toBe(DISTRICTS.length + 1);
  });

  it('writes user text literally, never as a formula', () => {
    const g = summaryGrid(buildSummary(input([entry({ name: '=IMPORTXML("http://x")', deadline: '2022-03-01', creditCode: '915117000000000001' })])));
    const o = g.sections.overdue;
    expect(g.values[o]![1]).toBe('\'=IMPORTXML("http://x")');
    expect(g.values[o]![2]).toBe("'915117000000000001");
  });

  it(`caps a long list at ${LIST_CAP} rows and says how many more there are`, () => {
    const many = Array.from({ length: LIST_CAP + 50 }, () => entry({ deadline: '2022-03-01' }));
    const g = summaryGrid(buildSummary(input(many)));
    const o = g.sections.overdue;
    expect(g.values[o + LIST_CAP]![0]).toBe(`另有50家逾期企业未列出（共${LIST_CAP + 50}家），请在各辖区工作表中按颜色查看。`);
    expect(g.values[o + LIST_CAP - 1]![4]).toBe(19);
  });
});
