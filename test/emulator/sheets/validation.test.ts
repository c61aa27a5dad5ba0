// Data validation: the builder's real methods, rule storage per cell, and a user's typing checked against the rules.
import { fixture } from './fixture';

function setup() {
  const f = fixture({ sheets: ['通川区'] });
  const sheet = f.app.getActiveSpreadsheet().getSheetByName('通川区')!;
  return { ...f, sheet };
}

describe('the builder', () => {
  it('allows invalid data by default and keeps criteria, help text and values', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireValueInList(['是', '否']).setHelpText('请选择').build();
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['是', '否'], true]);
    expect(rule.getHelpText()).toBe('请选择');
  });

  it('has no requireTextMatchesPattern', () => {
    const { app } = setup();
    expect('requireTextMatchesPattern' in app.newDataValidation()).toBe(false);
  });

  it('copy gives an independent builder', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build();
    const other = rule.copy().requireNumberBetween(1, 9).build();
    expect(rule.getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(other.getCriteriaValues()).toEqual([1, 9]);
    expect(other.getAllowInvalid()).toBe(false);
  });

  it('a list of more than 500 items is refused with the real message', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(Array.from({ length: 501 }, (_, i) => `v${i}`)).build();
    expect(() => sheet.getRange('A5').setDataValidation(rule)).toThrow(
      "The data validation rule has more items than the limit of 500. Use the 'List from a range' criteria instead.",
    );
  });
});

describe('rules on ranges', () => {
  it('setDataValidation covers every cell and null removes it', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireDate().build();
    sheet.getRange(5, 2, 996, 1).setDataValidation(rule);
    expect(sheet.getRange('B1000').getDataValidation()?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(sheet.getRange('B4').getDataValidation()).toBeNull();
    sheet.getRange('B6:B7').setDataValidation(null);
    expect(sheet.getRange('B5:B8').getDataValidations().map((r) => r[0] === null)).toEqual([false, true, true, false]);
  });

  it('getDataValidations gives each cell its own rule object, even where one rule covers them all', () => {
    const { app, sheet } = setup();
    sheet.getRange('C5:C7').setDataValidation(app.newDataValidation().requireDate().build());
    const [[a], [b], [c]] = sheet.getRange('C5:C7').getDataValidations() as [[object], [object], [object]];
    expect(new Set([a, b, c]).size).toBe(3);
    expect([a, b, c].map((dv) => (dv as { getCriteriaType(): string }).getCriteriaType())).toEqual(['DATE_IS_VALID_DATE', 'DATE_IS_VALID_DATE', 'DATE_IS_VALID_DATE']);
  });

  it('setDataValidations needs the range dimensions', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireTextIsEmail().build();
    expect(() => sheet.getRange('A1:B1').setDataValidations([[rule]])).toThrow(/number of columns in the data/);
    sheet.getRange('A1:B1').setDataValidations([[rule, null]]);
    expect(sheet.getRange('A1').getDataValidation()?.getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
  });

  it('clearDataValidations removes the rules', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:A3').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('A1:A3').clearDataValidations();
    expect(sheet.getRange('A1:A3').getDataValidations()).toEqual([[null], [null], [null]]);
  });
});

describe('a user typing', () => {
  it('a list rule with allowInvalid false rejects a typed value outside the list', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('D5:D10').setDataValidation(app.newDataValidation().requireValueInList(['是', '否']).setAllowInvalid(false).setHelpText('只能填是或否').build());
    const refused = model.userInput('通川区', 5, 4, [['也许']], 'clerk@tc.gov.cn');
    expect(refused).toEqual({ ok: false, message: 'There was a problem — 只能填是或否' });
    expect(sheet.getRange('D5').getValue()).toBe('');
    expect(model.userInput('通川区', 5, 4, [['是']], 'clerk@tc.gov.cn')).toEqual({ ok: true, oldValues: [['']] });
    expect(sheet.getRange('D5').getValue()).toBe('是');
  });

  it('a rule that allows invalid data lets the value in', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('D5').setDataValidation(app.newDataValidation().requireValueInList(['是', '否']).build());
    expect(model.userInput('通川区', 5, 4, [['也许']], 'a@b.cn').ok).toBe(true);
    expect(sheet.getRange('D5').getValue()).toBe('也许');
  });

  it('a blank always passes', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('D5').setValue('是').setDataValidation(app.newDataValidation().requireValueInList(['是']).setAllowInvalid(false).build());
    expect(model.userInput('通川区', 5, 4, [['']], 'a@b.cn')).toEqual({ ok: true, oldValues: [['是']] });
    expect(sheet.getRange('D5').getValue()).toBe('');
  });

  it('one invalid cell in a paste rejects the whole paste and writes nothing', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('B5:B9').setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build());
    const r = model.userInput('通川区', 5, 1, [['甲', '3'], ['乙', '-1']], 'a@b.cn');
    expect(r.ok).toBe(false);
    expect(sheet.getRange('A5:B6').getValues()).toEqual([['', ''], ['', '']]);
  });

  it('a date rule accepts a typed date and refuses text', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('C5').setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
    expect(model.userInput('通川区', 5, 3, [['2023-06-31']], 'a@b.cn').ok).toBe(false);
    expect(model.userInput('通川区', 5, 3, [['2023-06-30']], 'a@b.cn').ok).toBe(true);
    expect(sheet.getRange('C5').getDisplayValue()).toBe('2023-06-30');
  });

  it('date comparisons ignore the time of day', () => {
    const { app, sheet, model } = setup();
    const limit = new Date('2023-06-30T23:59:00+08:00');
    sheet.getRange('C5').setDataValidation(app.newDataValidation().requireDateOnOrBefore(limit).setAllowInvalid(false).build());
    expect(model.userInput('通川区', 5, 3, [['2023-06-30']], 'a@b.cn').ok).toBe(true);
    expect(model.userInput('通川区', 5, 3, [['2023-07-01']], 'a@b.cn').ok).toBe(false);
  });

  it('a custom REGEXMATCH rule is evaluated relative to the edited cell', () => {
    const { app, sheet, model } = setup();
    const rule = app.newDataValidation().requireFormulaSatisfied('=REGEXMATCH(TO_TEXT(E5),"^[0-9A-HJ-NP-RTUW-Y]{18}$")').setAllowInvalid(false).build();
    sheet.getRange(5, 5, 996, 1).setDataValidation(rule);
    expect(model.userInput('通川区', 9, 5, [['91350100M000100Y43']], 'a@b.cn').ok).toBe(true);
    expect(model.userInput('通川区', 10, 5, [['91350100M000100Y4']], 'a@b.cn').ok).toBe(false);
    // E9 holds a valid code; had the rule read E5 (blank) instead of E10, the short code would have passed
    expect(sheet.getRange('E9').getValue()).toBe('91350100M000100Y43');
  });

  it('a custom rule may read another cell of the same row, also within a paste', () => {
    const { app, sheet, model } = setup();
    const rule = app.newDataValidation().requireFormulaSatisfied('=OR($A5<>"搬迁升级",REGEXMATCH(TO_TEXT(B5),"新址用地面积"))').setAllowInvalid(false).build();
    sheet.getRange('B5:B20').setDataValidation(rule);
    expect(model.userInput('通川区', 7, 1, [['搬迁升级', '无']], 'a@b.cn').ok).toBe(false);
    expect(model.userInput('通川区', 7, 1, [['搬迁升级', '新址用地面积：3亩']], 'a@b.cn').ok).toBe(true);
    expect(model.userInput('通川区', 8, 1, [['原地提升', '无']], 'a@b.cn').ok).toBe(true);
  });

  it('a number typed as digits into a TO_TEXT rule is checked on its text', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('E5').setDataValidation(app.newDataValidation().requireFormulaSatisfied('=REGEXMATCH(TO_TEXT(E5),"^[0-9]{3}$")').setAllowInvalid(false).build());
    expect(model.userInput('通川区', 5, 5, [['123']], 'a@b.cn').ok).toBe(true);
    expect(sheet.getRange('E5').getValue()).toBe(123);
  });
});
