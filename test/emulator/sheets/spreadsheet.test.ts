// The Spreadsheet: tabs, the active sheet and range, owner and editors, time zone, toasts and getUi.
import { SpreadsheetModel } from '../../../emulator/sheets';
import { fixture } from './fixture';

describe('the spreadsheet', () => {
  it('a new spreadsheet has one blank Sheet1, Asia/Shanghai time and an edit URL', () => {
    const { app } = fixture();
    const ss = app.getActiveSpreadsheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getName()).toBe('整治台账');
  });

  it('insertSheet places the new sheet and makes it active; a duplicate name throws the real error', () => {
    const { app } = fixture();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('汇总', 0);
    const district = ss.insertSheet('通川区');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['汇总', 'Sheet1', '通川区']);
    expect(ss.getActiveSheet().getName()).toBe('通川区');
    expect(district.getIndex()).toBe(3);
    expect(() => ss.insertSheet('汇总')).toThrow('A sheet with the name "汇总" already exists. Please enter another name.');
  });

  it('getSheetByName gives null for a missing tab and deleteSheet removes one', () => {
    const { app } = fixture({ sheets: ['A', 'B'] });
    const ss = app.getActiveSpreadsheet();
    expect(ss.getSheetByName('C')).toBeNull();
    ss.deleteSheet(ss.getSheetByName('A')!);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B']);
    expect(() => ss.deleteSheet(ss.getSheetByName('B')!)).toThrow();
  });

  it('activate and setActive choose the active sheet, range and cell', () => {
    const { app, model } = fixture({ sheets: ['A', 'B'] });
    const ss = app.getActiveSpreadsheet();
    ss.getSheetByName('B')!.getRange('C3:D4').activate();
    expect(ss.getActiveSheet().getName()).toBe('B');
    expect(ss.getActiveRange().getA1Notation()).toBe('C3:D4');
    model.setActive('A', 'E7');
    expect(app.getActiveSheet().getName()).toBe('A');
    expect(ss.getActiveCell().getA1Notation()).toBe('E7');
  });

  it('a file in a shared drive has no owner: getOwner is null, the editors name only people, a protection lets no blank account edit', () => {
    const { app } = fixture({ owner: '', user: '' });
    const ss = app.getActiveSpreadsheet();
    ss.addEditors(['clerk@tc.gov.cn']);
    expect(ss.getOwner()).toBeNull();
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['clerk@tc.gov.cn']);
    expect(ss.getActiveSheet().protect().canEdit()).toBe(false);
  });

  it('the owner, editors, toast and getUi go through the model and the host', () => {
    const { app, host } = fixture();
    const ss = app.getActiveSpreadsheet();
    ss.addEditors(['Clerk@TC.gov.cn']);
    expect(ss.getOwner()?.getEmail()).toBe('office@dz.gov.cn');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['office@dz.gov.cn', 'clerk@tc.gov.cn']);
    ss.toast('已保存');
    expect(host.toasts).toEqual([{ message: '已保存', title: '', timeoutSeconds: 5 }]);
    expect(app.getUi()).toEqual({ ui: true });
  });

  it('named ranges resolve and a missing one is null', () => {
    const { app } = fixture();
    const ss = app.getActiveSpreadsheet();
    ss.setNamedRange('dueDays', ss.getRange('Sheet1!B2'));
    expect(ss.getRangeByName('dueDays')!.getA1Notation()).toBe('B2');
    expect(ss.getRangeByName('nothing')).toBeNull();
  });

  it('a date cell keeps its calendar day when the spreadsheet zone changes', () => {
    const { app } = fixture();
    const ss = app.getActiveSpreadsheet();
    ss.setSpreadsheetTimeZone('America/New_York');
    ss.getActiveSheet().getRange('A1').setValue('2022-03-01');
    expect((ss.getActiveSheet().getRange('A1').getValue() as Date).toISOString()).toBe('2022-03-01T05:00:00.000Z');
  });
});

describe('the model on the host side', () => {
  it('survives toJSON and fromJSON with values, formats, rules, merges and protections', () => {
    const { app, model } = fixture({ sheets: ['台账'] });
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:B2').setValues([['名称', '2022-03-01'], ["'=x", true]]);
    sheet.getRange('A1:B1').merge().setBackground('#d9e1f2');
    sheet.getRange('B5:B9').setDataValidation(app.newDataValidation().requireDateOnOrAfter(new Date('2022-01-01T00:00:00+08:00')).setAllowInvalid(false).build());
    sheet.getRange('C3').setNote('注');
    sheet.setFrozenRows(2);
    sheet.getRange('A5:A9').protect().setDescription('序号');
    const copy = SpreadsheetModel.fromJSON(JSON.parse(JSON.stringify(model)));
    const s = copy.sheet('台账');
    expect(s.valueAt(2, 1)).toBe('=x');
    expect(s.valueAt(2, 2)).toBe(true);
    expect(s.backgroundAt(1, 1)).toBe('#d9e1f2');
    expect(s.mergesOf()).toEqual(['A1:B1']);
    expect(s.noteAt(3, 3)).toBe('注');
    expect(s.frozenRows).toBe(2);
    expect((s.validationAt(7, 2)!.rule.values[0] as Date).getTime()).toBe(new Date('2022-01-01T00:00:00+08:00').getTime());
    expect(copy.protections[0]).toMatchObject({ type: 'RANGE', description: '序号', box: { row: 5, col: 1, rows: 5, cols: 1 } });
    expect(copy.userInput('台账', 6, 2, [['2021-12-31']], 'owner@x.cn').ok).toBe(false);
  });

  // Speed is shown by `npm run bench`, never by a timed test (guide): on the shared 2-core machine this took 5–15 s.
  it('10,000 rows × 24 columns: seeding, borders, a validation over the column, one read and one write', () => {
    const { app, model } = fixture({ sheets: ['台账'] });
    const grid = Array.from({ length: 10000 }, (_, i) => Array.from({ length: 24 }, (_, j) => (j === 10 ? '2023-06-30' : `r${i}c${j}`)));
    model.setValuesRaw('台账', 5, 1, grid);
    const sheet = app.getActiveSheet();
    sheet.getRange(5, 1, 10000, 24).setBorder(true, true, true, true, true, true);
    sheet.getRange(5, 5, 10000, 1).setDataValidation(app.newDataValidation().requireFormulaSatisfied('=LEN(E5)>0').build());
    const values = sheet.getRange(5, 1, 10000, 24).getValues();
    sheet.getRange(5, 1, 10000, 24).setValues(values);
    expect(values).toHaveLength(10000);
    expect(values[9999]![23]).toBe('r9999c23');
    expect(sheet.getLastRow()).toBe(10004);
  });
});
