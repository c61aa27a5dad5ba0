// 安装自动任务 / 卸载自动任务 in the emulator: exactly one daily and one edit trigger, reinstalls, confirmation, refusals.

import { CONFIG_LABEL, TAB } from '../../src/domain/contract';
import { menuRefusal } from '../../src/domain/menu';
import { CONTACT, OWNER, settingCell, world } from '../support/reminder-world';

const TC_CLERK = CONTACT['通川区']!.clerk;

const lastAlert = (emu: ReturnType<typeof world>) => emu.ui.alerts[emu.ui.alerts.length - 1]!;

describe('安装自动任务 / 卸载自动任务', () => {
  const ours = (emu: ReturnType<typeof world>) =>
    emu.triggers.filter((t) => t.creator === OWNER).map((t) => `${t.handler}:${t.type}`).sort();

  test('installs exactly one daily and one edit trigger however often it runs, and says what is installed', () => {
    const emu = world('2022-03-20T02:00:00Z');
    emu.clickMenu('安装自动任务');
    emu.clickMenu('安装自动任务');
    expect(ours(emu)).toEqual(['dailyJob:CLOCK', 'onEditInstalled:ON_EDIT']);
    const daily = emu.triggers.find((t) => t.handler === 'dailyJob')!;
    expect(daily).toMatchObject({ atHour: 9, everyDays: 1, timezone: 'Asia/Shanghai' });
    const said = lastAlert(emu).prompt;
    expect(said).toContain('dailyJob');
    expect(said).toContain('onEditInstalled');
    expect(said).toContain('每天9时');
  });

  test('reinstalls the daily trigger at the new hour when 每日提醒时间 changed', () => {
    const emu = world('2022-03-20T02:00:00Z');
    emu.clickMenu('安装自动任务');
    const before = emu.triggers.find((t) => t.handler === 'dailyJob')!.uid;
    emu.userEdit(TAB.config, settingCell(CONFIG_LABEL.reminderHour), 7);
    emu.clickMenu('安装自动任务');
    const daily = emu.triggers.filter((t) => t.handler === 'dailyJob');
    expect(daily).toHaveLength(1);
    expect(daily[0]!.uid).not.toBe(before);
    expect(daily[0]).toMatchObject({ atHour: 7 });
    expect(lastAlert(emu).prompt).toContain('每天7时');
  });

  test('uninstalls only our triggers of the current user', () => {
    const emu = world('2022-03-20T02:00:00Z', {}, { admins: 'second@dz.gov.cn' });
    emu.clickMenu('安装自动任务');
    emu.setUser('second@dz.gov.cn');
    emu.clickMenu('安装自动任务');
    emu.setUser(OWNER);
    emu.ui.answer('YES');
    emu.clickMenu('卸载自动任务');
    expect(emu.ui.alerts[emu.ui.alerts.length - 2]).toMatchObject({ buttons: 'YES_NO', answer: 'YES' });
    expect(ours(emu)).toEqual([]);
    expect(emu.triggers.filter((t) => t.creator === 'second@dz.gov.cn')).toHaveLength(2);
    expect(lastAlert(emu).prompt).toContain('已安装的本加载项自动任务：无');
  });

  test('asks before uninstalling, and answering 否 leaves every trigger in place', () => {
    const emu = world('2022-03-20T02:00:00Z');
    emu.clickMenu('安装自动任务');
    const before = ours(emu);
    emu.ui.answer('NO');
    emu.clickMenu('卸载自动任务');
    expect(before).toHaveLength(2);
    expect(ours(emu)).toEqual(before);
    expect(emu.ui.alerts[emu.ui.alerts.length - 2]!.prompt).toContain('确定要卸载');
    expect(lastAlert(emu).title).toBe('未卸载');
  });

  test('refuses a district clerk', () => {
    const emu = world('2022-03-20T02:00:00Z');
    emu.setUser(TC_CLERK);
    emu.clickMenu('安装自动任务');
    expect(emu.triggers).toEqual([]);
    expect(lastAlert(emu).prompt).toBe(menuRefusal('menuInstallTriggers', TC_CLERK));
  });
});
