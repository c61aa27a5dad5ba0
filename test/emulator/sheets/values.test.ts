// Range values: USER_ENTERED writes, UNFORMATTED reads, display values, shapes and the real error messages.
import { NotImplemented } from '../../../emulator/kernel/errors';
import { fixture, shanghai } from './fixture';

function setup() {
  const f = fixture();
  return { ...f, sheet: f.app.getActiveSpreadsheet().getSheets()[0]! };
}

describe('writing values', () => {
  it('a string starting with = written by setValues becomes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, '=A1*3']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*3');
    expect(sheet.getRange('B1').getValue()).toBe(6);
  });

  it("a plain-text (@) cell stores what setValue writes: a leading = or ' stays part of the text", () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNumberFormat('@').setValues([['=1+1', "'0012"]]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['=1+1', "'0012"]]);
  });

  it('a leading apostrophe stores literal text with the apostrophe hidden', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([["'=1+1", "'0012", "'2022-01-05"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=1+1', '0012', '2022-01-05']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('numeric, boolean and date-like strings are parsed as Sheets parses typing', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['123', '-4.5', 'TRUE', 'false', '12%']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[123, -4.5, true, false, 0.12]]);
  });

  it('a plain-text (@) cell keeps digits and dates typed as strings as text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNumberFormat('@').setValues([['0012', '2022-03-01']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['0012', '2022-03-01']]);
  });

  it('an impossible date stays text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2022-02-30');
    expect(sheet.getRange('A1').getValue()).toBe('2022-02-30');
  });

  it('setValue on a block fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['x', 'x'], ['x', 'x']]);
  });
});

describe('reading values', () => {
  it("getValues gives '' for blanks and a Date at Shanghai midnight for a date cell", () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2022-03-01');
    const [[date, blank]] = sheet.getRange('A1:B1').getValues() as [[Date, string]];
    expect(blank).toBe('');
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect(date.getTime()).toBe(shanghai('2022-03-01T00:00:00').getTime());
  });

  it('a date-time string keeps its time of day in the spreadsheet zone', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2022-03-01 14:30:05');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(shanghai('2022-03-01T14:30:05').getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2022-03-01 14:30:05');
  });

  it('setValue(Date) stores a date cell that reads back as the same instant', () => {
    const { sheet } = setup();
    const day = shanghai('2023-06-30T00:00:00');
    sheet.getRange('A1').setValue(day);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(day.getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2023-06-30');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
  });

  it('a Date from another realm is accepted as a date', () => {
    const { sheet } = setup();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vm = require('node:vm') as typeof import('node:vm');
    const foreign = vm.runInNewContext('new Date(Date.UTC(2022, 0, 31, 16))') as Date;
    sheet.getRange('A1').setValue(foreign);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2022-02-01');
  });

  it('a number under a date format reads as a Date', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(44621).setNumberFormat('yyyy-mm-dd');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(shanghai('2022-03-01T00:00:00').getTime());
  });

  it('display values follow the small set of number formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([[0.1234, 0.5, 3.7, 1234567.891, true]]);
    sheet.getRange('A1').setNumberFormat('0.0%');
    sheet.getRange('B1').setNumberFormat('0%');
    sheet.getRange('C1').setNumberFormat('0');
    sheet.getRange('D1').setNumberFormat('#,##0.00');
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['12.3%', '50%', '4', '1,234,567.89', 'TRUE']]);
  });

  it('an unsupported number format throws NotImplemented when displayed', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(5).setNumberFormat('[$¥-804]#,##0.00');
    expect(() => sheet.getRange('A1').getDisplayValue()).toThrow(NotImplemented);
  });
});

describe('shapes and bounds', () => {
  it('setValues with the wrong number of rows throws the real message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('setValues with the wrong number of columns throws the real message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 3).setValues([[1, 2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('setValues with a one-dimensional array throws the signature error', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([1, 2] as never)).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('getRange refuses starts below 1 and empty sizes with the real messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
  });

  it('a range past the 1000 × 26 grid of a new sheet is refused', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('A1 forms: cells, areas, whole columns and sheet-qualified ranges', () => {
    const { app, sheet } = setup();
    expect(sheet.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
    expect(sheet.getRange('A:A').getNumRows()).toBe(1000);
    expect(sheet.getRange('$B$3').getRow()).toBe(3);
    expect(app.getActiveSpreadsheet().getRange('Sheet1!C2').getColumn()).toBe(3);
    expect(() => app.getActiveSpreadsheet().getRange('Nope!A1')).toThrow('Range not found');
  });

  it('getLastRow and getDataRange follow the content, 0 on an empty sheet', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    sheet.getRange('C7').setValue('x');
    sheet.getRange('B2').setBackground('#ff0000');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
  });

  it('appendRow writes below the last row and grows the sheet past the grid', () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['a', '=1+2']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['a', 3]]);
  });
});
