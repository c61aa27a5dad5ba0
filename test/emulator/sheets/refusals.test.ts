// What real Sheets refuses (apps-script-behaviors §10): freeze lines through merges, merges across the freeze line,
// parsing in plain-text cells, and formats on rows grown past the grid.
import { fixture } from './fixture';

function setup() {
  const f = fixture({ sheets: ['台账'] });
  return { ...f, sheet: f.app.getActiveSheet() };
}

const FREEZE_COLUMNS = "Sorry, you can't freeze columns which contain only part of a merged cell. Try to break apart merged cells or freeze more columns to include the complete merged cells.";
const FREEZE_ROWS = "Sorry, you can't freeze rows which contain only part of a merged cell. Try to break apart merged cells or freeze more rows to include the complete merged cells.";

describe('freeze versus merge', () => {
  it('refuses to freeze columns through a merge, and leaves the freeze as it was', () => {
    const { sheet } = setup();
    sheet.getRange('A1:X1').merge();
    expect(() => sheet.setFrozenColumns(3)).toThrow(FREEZE_COLUMNS);
    expect(sheet.getFrozenColumns()).toBe(0);
  });

  it('allows a freeze line on the edge of a merge or past it', () => {
    const { sheet } = setup();
    sheet.getRange('C2:M2').merge();
    sheet.setFrozenColumns(2);
    expect(sheet.getFrozenColumns()).toBe(2);
    sheet.setFrozenColumns(13);
    expect(sheet.getFrozenColumns()).toBe(13);
    expect(() => sheet.setFrozenColumns(5)).toThrow(FREEZE_COLUMNS);
  });

  it('refuses to freeze rows through a vertical merge', () => {
    const { sheet } = setup();
    sheet.getRange('A2:A3').merge();
    expect(() => sheet.setFrozenRows(2)).toThrow(FREEZE_ROWS);
    sheet.setFrozenRows(3);
    expect(sheet.getFrozenRows()).toBe(3);
  });

  it('refuses to merge across the frozen columns or rows, and merges nothing', () => {
    const { sheet } = setup();
    sheet.setFrozenColumns(3);
    sheet.setFrozenRows(2);
    expect(() => sheet.getRange('A1:X1').merge()).toThrow("You can't merge frozen and non-frozen columns.");
    expect(() => sheet.getRange('D2:D3').merge()).toThrow("You can't merge frozen and non-frozen rows.");
    expect(() => sheet.getRange('A5:E6').mergeAcross()).toThrow("You can't merge frozen and non-frozen columns.");
    expect(sheet.getRange('A1:X9').getMergedRanges()).toEqual([]);
    sheet.getRange('A1:C1').merge();
    sheet.getRange('D1:X2').merge();
    expect(sheet.getRange('A1:X9').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:C1', 'D1:X2']);
  });
});

describe('plain-text (@) cells store what is written', () => {
  it("keeps a leading apostrophe as a character", () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setNumberFormat('@');
    sheet.getRange('A1').setValue("'915100001234567890");
    sheet.getRange('A2').setValues([["'0012"]]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([["'915100001234567890"], ["'0012"]]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe("'915100001234567890");
  });

  it('keeps = as text, not a formula', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setNumberFormat('@').setValue('=SUM(1,2)');
    expect(sheet.getRange('B1').getValue()).toBe('=SUM(1,2)');
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  it('in an automatic cell the apostrophe still forces text and is hidden', () => {
    const { sheet } = setup();
    sheet.getRange('C1').setValue("'0012");
    expect(sheet.getRange('C1').getValue()).toBe('0012');
  });

  it('a user typing into a plain-text cell gets the same', () => {
    const { sheet, model } = setup();
    sheet.getRange('D1').setNumberFormat('@');
    expect(model.userInput('台账', 1, 4, [["'abc"]], 'a@b.cn').ok).toBe(true);
    expect(model.valueAt('台账', 1, 4)).toBe("'abc");
  });
});

describe('rows grown past the grid', () => {
  it('do not inherit the last row’s validation or formats', () => {
    const { app, sheet } = setup();
    const last = sheet.getMaxRows();
    sheet.getRange(last, 3).setDataValidation(app.newDataValidation().requireDate().build()).setNumberFormat('@').setBackground('#ff0000');
    sheet.insertRowsAfter(last, 2);
    expect(sheet.getMaxRows()).toBe(last + 2);
    expect(sheet.getRange(last + 1, 3).getDataValidation()).toBeNull();
    expect(sheet.getRange(last + 1, 3).getNumberFormat()).toBe(sheet.getRange(1, 26).getNumberFormat());
    expect(sheet.getRange(last + 2, 3).getBackground()).toBe('#ffffff');
    expect(sheet.getRange(last, 3).getDataValidation()?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
  });
});

describe('limits found in public error logs', () => {
  const CELL = 'Your input contains more than the maximum of 50000 characters in a single cell.';

  it('refuses a value over 50,000 characters and writes nothing of the grid', () => {
    const { sheet } = setup();
    const long = 'x'.repeat(50_001);
    expect(() => sheet.getRange('A1:B1').setValues([['ok', long]])).toThrow(CELL);
    expect(() => sheet.getRange('A2').setValue(long)).toThrow(CELL);
    expect(() => sheet.appendRow(['a', long])).toThrow(CELL);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['', ''], ['', '']]);
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue())).toHaveLength(50_000);
  });

  it('refuses a user typing more than 50,000 characters', () => {
    const { model } = setup();
    expect(model.userInput('台账', 1, 1, [['y'.repeat(50_001)]], 'a@b.cn')).toEqual({ ok: false, message: CELL });
  });

  it('refuses to grow the workbook past 10 million cells', () => {
    const { sheet, app } = setup();
    const TOO_MANY = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    sheet.insertColumnsAfter(26, 174); // 1,000 × 200 = 200,000 cells
    expect(() => sheet.insertRowsAfter(1000, 49_500)).toThrow(TOO_MANY);
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertRowsAfter(1000, 48_900); // 9,980,000 cells
    expect(() => app.getActiveSpreadsheet().insertSheet('更多')).toThrow(TOO_MANY);
  });

  it('refuses to delete the last sheet', () => {
    const { sheet, app } = setup();
    expect(() => app.getActiveSpreadsheet().deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });
});
