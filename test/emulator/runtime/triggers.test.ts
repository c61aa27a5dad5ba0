// Emulator: simple and installable triggers fired by the user drivers, with their event objects.
import { Emulator, ExecutionFailed } from '../../../emulator';

const base = `
function setup() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('通川区') || ss.insertSheet('通川区');
  sheet.getRange('A1:B1').setValues([['状态', '备注']]);
  sheet.getRange('A2').setValue('整改中');
  sheet.getRange('A2:A20').setDataValidation(SpreadsheetApp.newDataValidation()
    .requireValueInList(['未启动', '整改中'], true).setAllowInvalid(false).build());
}
function remember(key, value) { PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value)); }
`;

function emuOf(code: string) {
  const emu = Emulator.fromSource({ files: { 'Code.js': base + code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });
  emu.run('setup');
  return emu;
}

const stored = (emu: Emulator, key: string) => {
  const raw = emu.properties.document.map.get(key);
  return raw === undefined ? undefined : JSON.parse(raw);
};

function failureMessage(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof ExecutionFailed) return (e.failures[0]!.error as Error).message;
    throw e;
  }
  throw new Error('expected the execution to fail');
}

describe('triggers and user drivers', () => {
  test('getUi throws in a time-driven trigger', () => {
    const emu = emuOf(`
      function install() { ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create(); }
      function daily() { remember('sheets', SpreadsheetApp.getActiveSpreadsheet().getSheets().length); SpreadsheetApp.getUi(); }`);
    emu.run('install');
    expect(failureMessage(() => emu.fireTimeDriven())).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(stored(emu, 'sheets')).toBeGreaterThan(0);
  });

  test('a simple onEdit cannot send mail', () => {
    const emu = emuOf(`function onEdit(e) { MailApp.sendEmail('office@dz.gov.cn', '改动', e.range.getA1Notation()); }`);
    expect(failureMessage(() => emu.userEdit('通川区', 'B2', '已整改'))).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(emu.outbox).toHaveLength(0);
  });

  test('script writes never fire onEdit', () => {
    const emu = emuOf(`
      function onEdit(e) { remember('edits', (JSON.parse(PropertiesService.getDocumentProperties().getProperty('edits') || '0')) + 1); }
      function write() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('通川区').getRange('B3').setValue('脚本写入'); }`);
    emu.run('write');
    expect(stored(emu, 'edits')).toBeUndefined();
    expect(emu.executions.map((x) => x.fn)).toEqual(['setup', 'write']);
    emu.userEdit('通川区', 'B3', '用户写入');
    expect(stored(emu, 'edits')).toBe(1);
  });

  test('a single-cell edit carries value and oldValue, a paste does not', () => {
    const emu = emuOf(`function onEdit(e) {
      remember('event', { a1: e.range.getA1Notation(), has: ['value' in e, 'oldValue' in e], value: e.value, oldValue: e.oldValue,
        mode: String(e.authMode), sheet: e.source.getActiveSheet().getName(), user: e.user.getEmail() });
    }`);
    emu.userEdit('通川区', 'A2', '未启动');
    expect(stored(emu, 'event')).toEqual({ a1: 'A2', has: [true, true], value: '未启动', oldValue: '整改中', mode: 'LIMITED', sheet: '通川区', user: '' });
    emu.userEdit('通川区', 'B5', '新备注');
    expect(stored(emu, 'event')).toMatchObject({ a1: 'B5', has: [true, false], value: '新备注' });
    emu.userPaste('通川区', 'A3', [['未启动', 'x'], ['整改中', 'y']]);
    expect(stored(emu, 'event')).toMatchObject({ a1: 'A3:B4', has: [false, false] });
  });

  test('a typed value outside a list rule is rejected and no trigger fires', () => {
    const emu = emuOf(`function onEdit(e) { remember('fired', true); }
      function read() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('通川区').getRange('A2').getValue(); }`);
    const result = emu.userEdit('通川区', 'A2', '已完成');
    expect(result.ok).toBe(false);
    expect(stored(emu, 'fired')).toBeUndefined();
    expect(emu.run('read')).toBe('整改中');
  });

  test('an installable edit trigger runs as its creator and sees an unrevealed editor as blank', () => {
    const emu = emuOf(`
      function install() { ScriptApp.newTrigger('stamp').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
      function stamp(e) { remember('stamp', { as: Session.getEffectiveUser().getEmail(), editor: e.user.getEmail(),
        active: Session.getActiveUser().getEmail(), mode: String(e.authMode), uid: e.triggerUid, value: e.value }); }`);
    emu.run('install');
    emu.setUser('clerk@gmail.com', { revealed: false });
    emu.userEdit('通川区', 'B2', '备注');
    expect(stored(emu, 'stamp')).toEqual({ as: 'office@dz.gov.cn', editor: '', active: '', mode: 'FULL', uid: emu.triggers[0]!.uid, value: '备注' });
  });

  test('inserting rows fires change triggers and not onEdit', () => {
    const emu = emuOf(`
      function install() { ScriptApp.newTrigger('changed').forSpreadsheet(SpreadsheetApp.getActive()).onChange().create(); }
      function changed(e) { remember('change', e.changeType); }
      function onEdit() { remember('edit', true); }`);
    emu.run('install');
    emu.userInsertRows('通川区', 3, 2);
    expect(stored(emu, 'change')).toBe('INSERT_ROW');
    expect(stored(emu, 'edit')).toBeUndefined();
  });

  test('a top-level function declared with const is callable from a menu', () => {
    const emu = emuOf(`
      function onOpen() { SpreadsheetApp.getUi().createMenu('整治台账').addItem('新增企业', 'openForm').addToUi(); }
      const openForm = () => SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>表单</p>').setTitle('新增企业'));`);
    emu.open();
    expect(emu.menu()).toEqual([{ caption: '整治台账', addon: false, items: [{ caption: '新增企业', functionName: 'openForm' }] }]);
    emu.clickMenu('新增企业');
    expect(emu.ui.sidebars).toEqual([{ title: '新增企业', html: '<p>表单</p>', width: 300 }]);
    expect(emu.lastExecution).toMatchObject({ fn: 'openForm', kind: 'menu', authMode: 'FULL' });
  });

  test('a simple onOpen cannot show a sidebar', () => {
    const emu = emuOf(`function onOpen() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x')); }`);
    expect(failureMessage(() => emu.open())).toBe(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });

  test('spreadsheet calls are counted per Class.method', () => {
    const emu = emuOf(`function read() { const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('通川区');
      return s.getDataRange().getValues().length; }`);
    emu.resetCalls();
    emu.run('read');
    expect(emu.calls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getDataRange': 1, 'Range.getValues': 1,
    });
  });
});
