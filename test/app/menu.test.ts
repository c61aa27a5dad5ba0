// onOpen on the built dist/: the 整治台账 menu of contract §6, every item naming a top-level function, 管理 only for the office.
import { Emulator, type MenuEntry, type MenuRecord } from '@eco-ledger/emulator';
import { ADMIN_TITLE, MENU, menuRefusal } from '../../src/domain/menu';
import { CONFIG_LABEL, TAB } from '../../src/domain/contract';
import { OWNER, TC_CLERK, modelOf, setEditors, setUp } from '../support/ledger-world';
import { settingCell } from '../support/reminder-world';

const CONTRACT_CAPTIONS = ['新增企业', '编辑选中企业', '校验本表', '报送本季度进展', '刷新汇总', '预览提醒邮件', '初始化/修复表格', '安装自动任务', '卸载自动任务'];

function items(entries: MenuEntry[]): { caption: string; functionName: string }[] {
  return entries.flatMap((e) => ('items' in e ? items(e.items) : 'functionName' in e ? [e] : []));
}

describe('onOpen', () => {
  it('builds the 整治台账 menu as a simple trigger, with no account revealed', () => {
    const emu = Emulator.fromDist({ distDir: 'dist', now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });
    emu.setUser('clerk@tc.gov.cn', { revealed: false });
    emu.open();
    expect(emu.lastExecution?.ok).toBe(true);
    expect(emu.lastExecution?.authMode).toBe('LIMITED');
    const menus = emu.menu();
    expect(menus.map((m) => m.caption)).toEqual(['整治台账']);
    const captions = items(menus[0]?.items ?? []).map((i) => i.caption);
    for (const caption of CONTRACT_CAPTIONS) expect(captions.some((c) => c.includes(caption))).toBe(true);
  });

  it('names a top-level function of the pushed code in every item', () => {
    const emu = Emulator.fromDist({ distDir: 'dist', now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });
    emu.open();
    const entries = items(emu.menu()[0]?.items ?? []);
    expect(entries.length).toBeGreaterThanOrEqual(CONTRACT_CAPTIONS.length);
    for (const { functionName } of entries) {
      expect(functionName).not.toMatch(/_$/);
      expect(emu.project.functions.has(functionName)).toBe(true);
    }
  });
});

describe('the 管理 submenu', () => {
  const OFFICE_CAPTIONS = MENU.filter((i) => i.who === 'office').map((i) => i.caption);
  const titles = (menu: MenuRecord | undefined): string[] => (menu?.items ?? []).flatMap((e) => ('items' in e ? [e.caption] : []));
  /** A workbook set up by the office, its triggers installed, 通川区's clerk in 配置. */
  function world(): Emulator {
    const emu = setUp();
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(OWNER);
    emu.clickMenu('安装自动任务');
    return emu;
  }
  /** An open trigger running as FULL, as if Sheets showed the account when the menu is built (a test device only). */
  function openSeeingAccount(emu: Emulator): MenuRecord | undefined {
    const installed = emu.triggers;
    emu.restoreTriggers([...installed, { uid: '900', handler: 'onOpen', type: 'ON_OPEN', source: 'SPREADSHEETS', sourceId: null, creator: OWNER }]);
    emu.open();
    emu.restoreTriggers(installed);
    expect(emu.executions.at(-1)).toMatchObject({ fn: 'onOpen', authMode: 'FULL', ok: true });
    return emu.menu().at(-1);
  }

  it('is there for the office when the account is known as the menu is built', () => {
    const emu = world();
    emu.setUser(OWNER);
    expect(titles(openSeeingAccount(emu))).toEqual([ADMIN_TITLE]);
  });

  it('is not there for a clerk when the account is known, and the clerk keeps every clerk item', () => {
    const emu = world();
    emu.setUser(TC_CLERK);
    const menu = openSeeingAccount(emu);
    expect(titles(menu)).toEqual([]);
    const captions = items(menu?.items ?? []).map((i) => i.caption);
    expect(captions).toEqual(MENU.filter((i) => i.who !== 'office').map((i) => i.caption));
  });

  it('stays when a simple onOpen cannot see the account, reading nothing; a clerk running an item is refused in Chinese, nothing changes, and the menu loses 管理', () => {
    const emu = world();
    emu.setUser(TC_CLERK);
    emu.open();
    const simple = emu.executions.at(-1)!;
    expect(simple).toMatchObject({ fn: 'onOpen', authMode: 'LIMITED', ok: true });
    expect(simple.calls['Range.getValues'] ?? 0).toBe(0);
    expect(titles(emu.menu().at(-1))).toEqual([ADMIN_TITLE]);
    for (const caption of OFFICE_CAPTIONS) {
      const before = JSON.stringify([modelOf(emu).toJSON(), emu.triggers, [...emu.properties.document.map]]);
      const alerts = emu.ui.alerts.length;
      emu.clickMenu(caption);
      const said = emu.ui.alerts.slice(alerts).map((a) => a.prompt);
      expect([caption, said.length]).toEqual([caption, 1]);
      // The menu table's one refusal, whichever use case the item runs.
      expect(said[0]).toBe(menuRefusal(MENU.find((i) => i.caption === caption)!.fn, TC_CLERK));
      expect(JSON.stringify([modelOf(emu).toJSON(), emu.triggers, [...emu.properties.document.map]])).toBe(before);
      expect([caption, titles(emu.menu().at(-1))]).toEqual([caption, []]);
    }
  });
  it('lets the first account set up a file in a shared drive (no owner, no 管理员账号 yet); once 配置 names one, a clerk is refused', () => {
    const emu = Emulator.fromDist({ distDir: 'dist', now: '2022-03-20T09:00:00+08:00', owner: '' });
    emu.setUser(OWNER);
    emu.open();
    emu.clickMenu('初始化/修复表格');
    expect(emu.lastExecution?.ok).toBe(true);
    expect(modelOf(emu).sheets.map((t) => t.name)).toEqual(expect.arrayContaining(['通川区', '达川区', '达州高新区', '配置', '汇总']));
    emu.userEdit(TAB.config, settingCell(CONFIG_LABEL.admins), OWNER);
    emu.setUser(TC_CLERK);
    const before = JSON.stringify(modelOf(emu).toJSON());
    const alerts = emu.ui.alerts.length;
    emu.clickMenu('初始化/修复表格');
    expect(emu.ui.alerts.slice(alerts).map((a) => a.prompt)).toEqual([menuRefusal('menuSetup', TC_CLERK)]);
    expect(JSON.stringify(modelOf(emu).toJSON())).toBe(before);
    emu.setUser(OWNER);
    emu.clickMenu('初始化/修复表格');
    expect(emu.ui.alerts.at(-1)?.prompt).not.toBe(menuRefusal('menuSetup', OWNER));
  });

  it('refuses a district clerk who calls an office-only function from a page (google.script.run), past the menu, with the table\'s message, and nothing changes', () => {
    const emu = world();
    emu.setUser(TC_CLERK);
    const before = JSON.stringify([modelOf(emu).toJSON(), emu.triggers, [...emu.properties.document.map]]);
    const alerts = emu.ui.alerts.length;
    emu.scriptRun('menuUrgeNow');
    expect(emu.ui.alerts.slice(alerts).map((a) => a.prompt)).toEqual([menuRefusal('menuUrgeNow', TC_CLERK)]);
    expect(emu.ui.dialogs).toEqual([]);
    expect(emu.outbox).toEqual([]);
    expect(JSON.stringify([modelOf(emu).toJSON(), emu.triggers, [...emu.properties.document.map]])).toBe(before);
  });

  it('lets the office run the same function from a page', () => {
    const emu = world();
    emu.setUser(OWNER);
    const alerts = emu.ui.alerts.length;
    emu.scriptRun('menuUrgeNow');
    expect(emu.ui.alerts.slice(alerts)).toEqual([]);
    expect(emu.ui.dialogs.length).toBe(1);
  });
});
