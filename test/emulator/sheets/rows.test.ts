// Inserting and deleting rows: values, notes, formats, validations, merges, rules, protections and formulas move.
import { fixture } from './fixture';

function setup() {
  const f = fixture({ sheets: ['台账'] });
  return { ...f, sheet: f.app.getActiveSheet() };
}

describe('rows', () => {
  it('insertRowsAfter shifts values and validations', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['是', '否']).build();
    sheet.getRange('A5:A6').setValues([['r5'], ['r6']]);
    sheet.getRange('B6').setDataValidation(rule).setNote('备注');
    sheet.getRange('A6').setBackground('#ff0000');
    sheet.insertRowsAfter(5, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A5:A8').getValues()).toEqual([['r5'], [''], [''], ['r6']]);
    expect(sheet.getRange('B8').getDataValidation()?.getCriteriaValues()[0]).toEqual(['是', '否']);
    expect(sheet.getRange('B8').getNote()).toBe('备注');
    expect(sheet.getRange('A8').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('B6').getDataValidation()).toBeNull();
  });

  it('inserted rows take the formats and validations of the row above', () => {
    const { app, sheet } = setup();
    sheet.getRange('C5').setDataValidation(app.newDataValidation().requireDate().build()).setNumberFormat('yyyy-mm-dd');
    sheet.insertRowsAfter(5, 1);
    expect(sheet.getRange('C6').getDataValidation()?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(sheet.getRange('C6').getNumberFormat()).toBe('yyyy-mm-dd');
  });

  it('deleteRows shifts everything up and refuses rows past the grid', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A4').setValues([['1'], ['2'], ['3'], ['4']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[1], [4]]);
    expect(sheet.getMaxRows()).toBe(998);
    expect(() => sheet.deleteRows(998, 5)).toThrow('Those rows are out of bounds.');
    sheet.deleteRow(1);
    expect(sheet.getRange('A1').getValue()).toBe(4);
  });

  it('a custom rule keeps reading its own row after rows are inserted above', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('E5:E50').setDataValidation(app.newDataValidation().requireFormulaSatisfied('=LEN(E5)=3').setAllowInvalid(false).build());
    sheet.insertRowsBefore(2, 3);
    expect(sheet.getRange('E8').getDataValidation()?.getCriteriaValues()).toEqual(['=LEN(E8)=3']);
    expect(model.userInput('台账', 20, 5, [['abc']], 'a@b.cn').ok).toBe(true);
    expect(model.userInput('台账', 21, 5, [['abcd']], 'a@b.cn').ok).toBe(false);
  });

  it('formulas, merges, conditional formats and range protections follow inserted rows', () => {
    const { app, sheet } = setup();
    sheet.getRange('A10').setValue(5);
    sheet.getRange('B1').setFormula('=A10*2');
    sheet.getRange('A10:B10').merge();
    const range = sheet.getRange('A10:C20');
    sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenFormulaSatisfied('=$A10>1').setBackground('#f4cccc').setRanges([range]).build()]);
    range.protect().setDescription('ours');
    sheet.insertRowsBefore(5, 2);
    expect(sheet.getRange('B1').getFormula()).toBe('=A12*2');
    expect(sheet.getRange('B1').getValue()).toBe(10);
    expect(sheet.getRange('A1:C30').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A12:B12']);
    const rule = sheet.getConditionalFormatRules()[0]!;
    expect(rule.getRanges()[0]!.getA1Notation()).toBe('A12:C22');
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$A12>1']);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0]!.getRange().getA1Notation()).toBe('A12:C22');
  });

  it('the user inserting and deleting rows moves the data too', () => {
    const { sheet, model } = setup();
    sheet.getRange('A5').setValue('x');
    expect(model.insertRows('台账', 5, 1)).toEqual({ ok: true });
    expect(model.sheet('台账').valueAt(6, 1)).toBe('x');
    model.deleteRows('台账', 1, 2);
    expect(model.sheet('台账').valueAt(4, 1)).toBe('x');
  });

  it('insertColumnsAfter grows the grid and moves cells right', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setValue('b');
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('D1').getValue()).toBe('b');
  });
});
