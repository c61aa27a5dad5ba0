// The spreadsheet as a script sees it through the runtime: realm conversion, Exceptions, counting, user edits.
import { Emulator } from '../../../emulator';
import { SpreadsheetModel } from '../../../emulator/sheets';

const at = { now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' };

describe('SpreadsheetApp inside the vm', () => {
  it('a date cell arrives as a Date of the script realm at Shanghai midnight', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `function f() {
      var s = SpreadsheetApp.getActiveSheet();
      s.getRange('A1:B1').setValues([['2022-03-01', '=A1+1']]);
      var v = s.getRange('A1:B1').getValues();
      return [v[0][0] instanceof Date, v[0][0].getTime(), Array.isArray(v), s.getRange('B1').getValue()];
    }` } });
    const [isDate, time, isArray, next] = emu.run('f') as [boolean, number, boolean, number];
    expect([isDate, isArray]).toEqual([true, true]);
    expect(time).toBe(Date.parse('2022-03-01T00:00:00+08:00'));
    expect(next).toBe(44622);
  });

  it('a shape error reaches the script as an Exception with the real message', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `function f() {
      try { SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 1).setValues([[1]]); } catch (e) { return e.name + ': ' + e.message; }
    }` } });
    expect(emu.run('f')).toBe('Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
  });

  it('calls are counted per class and method, and a missing method is NotImplemented', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `function f() {
      var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      s.getRange(1, 1).getValues();
      return s.getRange(1, 1).getRichTextValue();
    }` } });
    expect(() => emu.run('f')).toThrow('NotImplemented: Range.getRichTextValue');
    expect(emu.calls).toMatchObject({ 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheets': 1, 'Sheet.getRange': 2, 'Range.getValues': 1 });
  });

  it('a user edit goes through the validation a script set up, then fires onEdit', () => {
    const emu = Emulator.fromSource({ ...at, files: { 'Code.js': `
      function setup() {
        var rule = SpreadsheetApp.newDataValidation().requireValueInList(['是', '否'], true).setAllowInvalid(false).build();
        SpreadsheetApp.getActiveSheet().getRange('B2:B20').setDataValidation(rule);
      }
      function onEdit(e) { e.range.offset(0, 1).setValue('edited:' + e.value); }` } });
    emu.run('setup');
    expect(emu.userEdit('Sheet1', 'B3', '也许').ok).toBe(false);
    expect(emu.userEdit('Sheet1', 'B3', '是').ok).toBe(true);
    expect((emu.model as SpreadsheetModel).sheet('Sheet1').valueAt(3, 3)).toBe('edited:是');
  });
});
