// Formats, notes, merges, conditional format rules and charts, as stored on the model for tests and the preview.
import { NotImplemented } from '../../../emulator/kernel/errors';
import { createChartsService, effectiveBackground } from '../../../emulator/sheets';
import { fixture } from './fixture';

function setup() {
  const f = fixture({ sheets: ['台账'], now: '2022-03-20T09:00:00+08:00' });
  return { ...f, sheet: f.app.getActiveSheet() };
}

describe('cell formats and notes', () => {
  it('formats are stored per cell and null clears a background', () => {
    const { sheet, model } = setup();
    sheet.getRange('A1:B2').setBackground('#D9E1F2').setFontWeight('bold').setHorizontalAlignment('center')
      .setVerticalAlignment('middle').setWrap(true).setFontSize(16).setFontColor('#333333');
    expect(sheet.getRange('B2').getBackground()).toBe('#d9e1f2');
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(model.sheet('台账').style(2, 2)).toMatchObject({ horizontalAlignment: 'center', verticalAlignment: 'middle', wrap: true, fontSize: 16 });
    sheet.getRange('A1').setBackground(null);
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ffffff', '#d9e1f2']]);
  });

  it('setBorder stores outer and inner sides, with colour and style', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('A1:B2').setBorder(true, true, true, true, true, true);
    sheet.getRange('D1').setBorder(true, null, null, null, null, null, '#ff0000', app.BorderStyle.DASHED);
    const s = model.sheet('台账');
    expect(s.style(1, 1)?.borderRight).toEqual({ color: '#000000', style: 'SOLID' });
    expect(s.style(2, 2)?.borderTop).toEqual({ color: '#000000', style: 'SOLID' });
    expect(s.style(1, 4)?.borderTop).toEqual({ color: '#ff0000', style: 'DASHED' });
    expect(s.style(1, 4)?.borderLeft).toBeUndefined();
  });

  it('notes are set, read and cleared', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNotes([['一', null]]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['一', '']]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
  });

  it('tab settings: frozen panes, widths, heights, tab colour, hidden', () => {
    const { app, sheet } = setup();
    sheet.setFrozenRows(4);
    sheet.setFrozenColumns(3);
    sheet.setColumnWidths(1, 2, 160);
    sheet.setRowHeight(1, 40);
    sheet.setTabColor('#FF0000');
    app.getActiveSpreadsheet().insertSheet('其他');
    sheet.hideSheet();
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns(), sheet.getColumnWidth(2), sheet.getColumnWidth(3), sheet.getRowHeight(1)]).toEqual([4, 3, 160, 100, 40]);
    expect(sheet.getTabColor()).toBe('#ff0000');
    expect(sheet.isSheetHidden()).toBe(true);
  });
});

describe('merges', () => {
  it('a merged block keeps only the top-left value', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('A1:C1').merge();
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', '', '']]);
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
  });

  it('merging over a partly covered merge throws the real error', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').merge();
    expect(() => sheet.getRange('B1:C1').merge()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
    expect(() => sheet.getRange('A1').breakApart()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
  });

  it('mergeAcross, mergeVertically and breakApart', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C2').mergeAcross();
    expect(sheet.getRange('A1:C2').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:C1', 'A2:C2']);
    sheet.getRange('A1:C2').breakApart().mergeVertically();
    expect(sheet.getRange('A1:C2').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:A2', 'B1:B2', 'C1:C2']);
  });
});

describe('conditional formats', () => {
  it('setConditionalFormatRules replaces the rules and getConditionalFormatRules returns copies', () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('A5:C20');
    const rule = (f: string) => app.newConditionalFormatRule().whenFormulaSatisfied(f).setBackground('#f4cccc').setRanges([range]).build();
    sheet.setConditionalFormatRules([rule('=$A5=1'), rule('=$A5=2')]);
    sheet.setConditionalFormatRules([rule('=$A5=3')]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    const cond = rules[0]!.getBooleanCondition()!;
    expect(cond.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(cond.getCriteriaValues()).toEqual(['=$A5=3']);
    expect(cond.getBackground()).toBe('#f4cccc');
  });

  it('a rule needs at least one range', () => {
    const { app } = setup();
    expect(() => app.newConditionalFormatRule().whenFormulaSatisfied('=TRUE').build()).toThrow('A rule must have at least one range');
  });

  it('the first matching rule colours a row, relative to the rule range', () => {
    const { app, sheet, model } = setup();
    const range = sheet.getRange('A5:C20');
    sheet.getRange('A5:B7').setValues([['2022-03-19', '在建'], ['2022-03-25', '在建'], ['2022-03-01', '已验收销号']]);
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenFormulaSatisfied('=AND(ISNUMBER($A5),$B5<>"已验收销号",$A5<TODAY())').setBackground('#f4cccc').setRanges([range]).build(),
      app.newConditionalFormatRule().whenFormulaSatisfied('=$B5="已验收销号"').setBackground('#d9ead3').setRanges([range]).build(),
    ]);
    const s = model.sheet('台账');
    expect([5, 6, 7, 8].map((r) => effectiveBackground(model, s, r, 3))).toEqual(['#f4cccc', '#ffffff', '#d9ead3', '#ffffff']);
  });
});

describe('charts', () => {
  it('a chart is built, inserted, read back, modified and removed', () => {
    const { sheet } = setup();
    const charts = createChartsService() as { ChartType: Record<string, string> };
    const chart = sheet.newChart().setChartType(charts.ChartType['COLUMN']!).addRange(sheet.getRange('A1:C6'))
      .setPosition(2, 6, 0, 0).setOption('isStacked', true).setOption('title', '整治进度').build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C6']);
    expect(stored!.getOptions().get('isStacked')).toBe(true);
    expect(stored!.getContainerInfo().getAnchorColumn()).toBe(6);
    sheet.updateChart(stored!.modify().setOption('title', '新标题').build());
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('新标题');
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(() => sheet.newChart().setChartType('PIE3D')).toThrow(/don't match the method signature/);
  });

  it('an unsupported border style throws NotImplemented', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setBorder(true, true, true, true, null, null, null, 'WAVY')).toThrow(NotImplemented);
  });
});
