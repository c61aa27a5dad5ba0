// Emulator: Ui menus, alerts, prompts, sidebars and dialogs.
import { Emulator, EmulatorError } from '../../../emulator';
import { HtmlOutput } from '../../../emulator/services/html';
import { Ui, UiLog } from '../../../emulator/services/ui';

function uiOf() {
  const log = new UiLog();
  let suspended = 0;
  const ui = new Ui(log, () => void suspended++, 'eco-ledger');
  return { log, ui, suspensions: () => suspended };
}

describe('links in sidebars and dialogs (HtmlService IFRAME sandbox)', () => {
  test('a link without target _top or _blank is refused, and nothing is shown', () => {
    const { log, ui } = uiOf();
    expect(() => ui.showSidebar(new HtmlOutput('<p><a href="https://docs.google.com/x">打开</a></p>'))).toThrow(
      'Ui.showSidebar: a link in a dialog or sidebar needs target="_top" or target="_blank"',
    );
    expect(() => ui.showModalDialog(new HtmlOutput("<a class=x href='https://a.cn' target=_self>a</a>"), '预览')).toThrow(EmulatorError);
    expect(log.sidebars).toEqual([]);
    expect(log.dialogs).toEqual([]);
  });

  test('_top, _blank, in-page anchors and a <base target> pass', () => {
    const { log, ui } = uiOf();
    ui.showSidebar(new HtmlOutput('<a href="https://a.cn" target="_blank">a</a><a target=_top href=https://b.cn>b</a><a href="#f">f</a>'));
    ui.showModelessDialog(new HtmlOutput('<base target="_top"><a href="https://a.cn">a</a>'), '预览');
    expect(log.sidebars).toHaveLength(1);
    expect(log.dialogs).toHaveLength(1);
  });
});

describe('Ui', () => {
  test('a menu appears only when added to the Ui, with its submenus and separators', () => {
    const { log, ui } = uiOf();
    const menu = ui.createMenu('整治台账').addItem('新增企业', 'openAddForm').addSeparator()
      .addSubMenu(ui.createMenu('自动任务').addItem('安装自动任务', 'installTriggers'));
    expect(log.menus).toEqual([]);
    menu.addToUi();
    expect(log.menus).toEqual([{ caption: '整治台账', addon: false, items: [
      { caption: '新增企业', functionName: 'openAddForm' }, { separator: true },
      { caption: '自动任务', items: [{ caption: '安装自动任务', functionName: 'installTriggers' }] },
    ] }]);
  });

  test('an OK alert without a queued answer returns OK; a YES_NO alert needs an answer', () => {
    const { log, ui, suspensions } = uiOf();
    expect(ui.alert('已保存')).toBe('OK');
    expect(() => ui.alert('标题', '确定删除？', 'YES_NO')).toThrow(EmulatorError);
    log.answer('NO');
    expect(ui.alert('标题', '确定删除？', 'YES_NO')).toBe('NO');
    expect(log.alerts).toEqual([
      { title: '', prompt: '已保存', buttons: 'OK', answer: 'OK' },
      { title: '标题', prompt: '确定删除？', buttons: 'YES_NO', answer: 'NO' },
    ]);
    expect(suspensions()).toBe(3);
  });

  test('an answer that is not one of the buttons is refused', () => {
    const { log, ui } = uiOf();
    log.answer('YES');
    expect(() => ui.alert('x', 'OK_CANCEL')).toThrow('the queued answer YES is not one of its buttons');
  });

  test('a prompt returns the queued text and button', () => {
    const { log, ui } = uiOf();
    expect(() => ui.prompt('信用代码？')).toThrow(EmulatorError);
    log.answer({ button: 'OK', text: '91350100M000100Y43' });
    const r = ui.prompt('查找', '信用代码？', 'OK_CANCEL');
    expect([r.getResponseText(), r.getSelectedButton()]).toEqual(['91350100M000100Y43', 'OK']);
    expect(log.prompts[0]).toEqual({ title: '查找', prompt: '信用代码？', buttons: 'OK_CANCEL', answer: 'OK', text: '91350100M000100Y43' });
  });

  test('sidebars are 300 pixels wide and dialogs keep their size', () => {
    const { log, ui } = uiOf();
    ui.showSidebar(new HtmlOutput('<p>form</p>').setTitle('新增企业').setWidth(600));
    ui.showModalDialog(new HtmlOutput('<p>d</p>').setWidth(500).setHeight(200), '预览');
    expect(log.sidebars).toEqual([{ title: '新增企业', html: '<p>form</p>', width: 300 }]);
    expect(log.dialogs).toEqual([{ title: '预览', html: '<p>d</p>', width: 500, height: 200, modal: true }]);
    expect(() => ui.showSidebar('<p>' as never)).toThrow("don't match the method signature for Ui.showSidebar");
  });
});

describe('Ui inside an execution', () => {
  const emuOf = (code: string, oauthScopes?: string[]) => Emulator.fromSource({
    files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn',
    ...(oauthScopes ? { manifest: { timeZone: 'Asia/Shanghai', oauthScopes } } : {}),
  });

  test('a menu function reads the queued answer of a YES_NO alert', () => {
    const emu = emuOf(`function onOpen() { SpreadsheetApp.getUi().createMenu('整治台账').addItem('卸载自动任务', 'remove').addToUi(); }
      function remove() { const ui = SpreadsheetApp.getUi(); return ui.alert('确定卸载？', ui.ButtonSet.YES_NO) === ui.Button.YES; }`);
    emu.open();
    emu.ui.answer('YES');
    expect(emu.clickMenu('卸载')).toBe(true);
    expect(emu.ui.alerts).toEqual([{ title: '', prompt: '确定卸载？', buttons: 'YES_NO', answer: 'YES' }]);
  });

  test('an alert releases the locks the execution held', () => {
    const emu = emuOf(`function f() { const lock = LockService.getDocumentLock(); lock.waitLock(1000);
      SpreadsheetApp.getUi().alert('请稍候'); return lock.hasLock(); }
      function onOpen() { SpreadsheetApp.getUi().createMenu('m').addItem('f', 'f').addToUi(); }`);
    emu.open();
    expect(emu.clickMenu('f')).toBe(false);
  });

  test('a toast is recorded', () => {
    const emu = emuOf(`function f() { SpreadsheetApp.getActiveSpreadsheet().toast('已保存', '整治台账', 5); }`);
    emu.run('f');
    expect(emu.ui.toasts).toEqual([{ message: '已保存', title: '整治台账', timeoutSeconds: 5 }]);
  });

  test('getUi throws when run from the script editor', () => {
    const emu = emuOf('function f() { SpreadsheetApp.getUi(); }');
    expect(() => emu.run('f')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('SpreadsheetApp without a spreadsheets scope throws the permission error', () => {
    const emu = emuOf('function f() { SpreadsheetApp.getActiveSpreadsheet(); }', ['https://www.googleapis.com/auth/script.container.ui']);
    expect(() => emu.run('f')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  test('an unknown menu caption is an emulator error naming the captions there are', () => {
    const emu = emuOf(`function onOpen() { SpreadsheetApp.getUi().createMenu('整治台账').addItem('新增企业', 'x').addToUi(); }`);
    emu.open();
    expect(() => emu.clickMenu('删除企业')).toThrow('no menu item "删除企业"; the menus hold: 新增企业');
  });
});

describe('hooks for a host that shows the Ui to a person (the preview)', () => {
  const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

  test('an unanswered question is told to onUnanswered, and the execution still fails with EmulatorError', () => {
    const emu = emuOf(`function f() { SpreadsheetApp.getUi().alert('删除', '确定删除？', SpreadsheetApp.getUi().ButtonSet.YES_NO); }
      function onOpen() { SpreadsheetApp.getUi().createMenu('m').addItem('f', 'f').addToUi(); }`);
    const told: unknown[] = [];
    emu.ui.onUnanswered = (q) => told.push(q);
    emu.open();
    expect(() => emu.clickMenu('f')).toThrow('Ui.alert("确定删除？") with YES_NO has no queued answer');
    expect(told).toEqual([{ kind: 'alert', title: '删除', prompt: '确定删除？', buttons: 'YES_NO' }]);
    expect(emu.ui.alerts).toEqual([]);
  });

  test('a script that catches the refusal cannot hide the question from onUnanswered nor from emu.problems', () => {
    const emu = emuOf(`function f() { try { SpreadsheetApp.getUi().prompt('信用代码？'); } catch (e) { return 'caught'; } }`);
    const told: unknown[] = [];
    emu.ui.onUnanswered = (q) => told.push(q);
    emu.setUser('clerk@tc.gov.cn');
    expect(emu.scriptRun('f')).toEqual({ ok: true, value: 'caught' });
    expect(told).toEqual([{ kind: 'prompt', title: '', prompt: '信用代码？', buttons: 'OK' }]);
    expect(emu.problems.map((e) => e.message)).toEqual(['Ui.prompt("信用代码？") has no queued answer: call emu.ui.answer(...) first']);
  });

  test('a prompt without an answer is told too; an OK alert and an answered question are not', () => {
    const { log, ui } = uiOf();
    const told: unknown[] = [];
    log.onUnanswered = (q) => told.push(q);
    ui.alert('已保存');
    log.answer('YES');
    ui.alert('确定？', 'YES_NO');
    expect(told).toEqual([]);
    expect(() => ui.prompt('信用代码？')).toThrow(EmulatorError);
    expect(told).toEqual([{ kind: 'prompt', title: '', prompt: '信用代码？', buttons: 'OK' }]);
  });

  test('onToast hears each toast while the execution runs, and the log keeps it', () => {
    const emu = emuOf(`function f() { SpreadsheetApp.getActiveSpreadsheet().toast('一', '整治台账', 5); SpreadsheetApp.getActiveSpreadsheet().toast('二'); throw new Error('停'); }`);
    const heard: string[] = [];
    emu.ui.onToast = (t) => heard.push(`${t.title}:${t.message}`);
    expect(() => emu.run('f')).toThrow('停');
    expect(heard).toEqual(['整治台账:一', ':二']);
    expect(emu.ui.toasts.map((t) => t.message)).toEqual(['一', '二']);
  });
});
