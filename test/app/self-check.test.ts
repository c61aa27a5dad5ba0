// 自检 in the emulator on the built dist/: all checks pass on a set-up workbook, each failure says what to do, no data changes.
import type { Emulator } from '@eco-ledger/emulator';
import { TAB } from '../../src/domain/contract';
import { columnLetter } from '../../src/domain/grid';
import { menuRefusal } from '../../src/domain/menu';
import { DC_CLERK, OWNER, TC_CLERK, logRows, modelOf, ruleCounts, seedRows, setEditors, setUp, tab, values } from '../support/ledger-world';

const lastAlert = (emu: Emulator) => emu.ui.alerts[emu.ui.alerts.length - 1]!;

function ready(): Emulator {
  const emu = setUp();
  setEditors(emu, '通川区', TC_CLERK);
  setEditors(emu, '达川区', DC_CLERK);
  emu.clickMenu('初始化/修复表格');
  emu.clickMenu('安装自动任务');
  seedRows(emu, '通川区', 3);
  return emu;
}

/** Every tab but 操作日志 (自检 appends its report there), cell by cell, with the rules and protections. */
function dataOf(emu: Emulator): string {
  const model = modelOf(emu);
  const tabs = model.sheets
    .filter((s) => s.name !== TAB.log && s.lastRow() > 0)
    .map((s) => ({ name: s.name, cells: values(emu, s.name, `A1:${columnLetter(s.lastColumn() - 1)}${s.lastRow()}`), merges: s.mergesOf() }));
  return JSON.stringify({ tabs, rules: ruleCounts(emu), protections: model.protections.map((p) => [p.description, p.warningOnly]) });
}

const tabNames = (emu: Emulator): string[] => modelOf(emu).sheets.map((s) => s.name);

describe('自检', () => {
  it('passes every check on a workbook set up and with triggers installed, and says so', () => {
    const emu = ready();
    emu.clickMenu('自检');
    const said = lastAlert(emu).prompt;
    expect(said).toMatch(/^自检通过：7项检查全部通过。/);
    for (const name of ['文字按原样保存', '能识别当前账号', '今日邮件配额', '自动任务已安装', '保护与“配置”一致', '表格时区为北京时间', '“配置”中的设置均有效']) {
      expect(said).toContain(`${name}`);
    }
    expect(said).toContain(`当前账号：${OWNER}`);
    expect(said).not.toContain('未通过');
  });

  it('changes no data: the scratch tab is gone, the active tab is the same, only 操作日志 gained its report line', () => {
    const emu = ready();
    emu.model.setActive('通川区', 'C6');
    const before = dataOf(emu);
    const names = tabNames(emu);
    const logLength = logRows(emu).length;
    emu.clickMenu('自检');
    expect(tabNames(emu)).toEqual(names);
    expect(modelOf(emu).active.sheet?.name).toBe('通川区');
    expect(dataOf(emu)).toBe(before);
    const log = logRows(emu);
    expect(log).toHaveLength(logLength + 1);
    expect(log[log.length - 1]![9]).toBe('自检：通过');
    expect(log[log.length - 1]![8]).toContain('文字按原样保存（公式、撇号、数字、日期样式的文字）：通过');
    expect(emu.problems).toEqual([]);
  });

  it('fails the settings check, naming the invalid value, its cell and the send mode', () => {
    const emu = ready();
    const at = values(emu, TAB.config, 'A1:A40').findIndex((r) => r[0] === '季度报送截止日') + 1;
    modelOf(emu).setValuesRaw(TAB.config, at, 2, [[31]]); // from before the rule existed
    emu.clickMenu('自检');
    const said = lastAlert(emu).prompt;
    expect(said).toContain('“配置”中的设置均有效：未通过');
    expect(said).toContain(`配置!B${at}“季度报送截止日”应为1到30之间的整数（现为“31”）`);
    expect(said).toContain('发送模式：正式发送');
  });

  it('fails the trigger check with the menu path to fix it when no trigger is installed', () => {
    const emu = setUp();
    emu.clickMenu('自检');
    const said = lastAlert(emu).prompt;
    expect(said).toMatch(/^自检未通过：7项检查中1项未通过。/);
    expect(said).toContain('自动任务已安装（当前账号）：未通过');
    expect(said).toContain('每日任务0个，编辑触发任务0个');
    expect(said).toContain('请运行“整治台账 → 管理（领导小组办公室） → 安装自动任务”');
    expect(logRows(emu).at(-1)![9]).toBe('自检：未通过');
  });

  it('fails the protection check, naming the protection, when one was removed by hand', () => {
    const emu = ready();
    const model = modelOf(emu);
    model.protections = model.protections.filter((p) => !(p.description ?? '').startsWith('整治台账：达川区（'));
    emu.clickMenu('自检');
    const said = lastAlert(emu).prompt;
    expect(said).toContain('保护与“配置”一致：未通过');
    expect(said).toContain('缺少保护“整治台账：达川区（仅本辖区编辑账号和领导小组办公室可编辑）”');
    expect(said).toContain('初始化/修复表格');
  });

  it('fails the account check, with what it means, when Sheets hides the account', () => {
    const emu = ready();
    emu.setUser(OWNER, { revealed: false });
    emu.clickMenu('自检');
    const said = lastAlert(emu).prompt;
    expect(said).toContain('能识别当前账号：未通过');
    expect(said).toContain('未知账号');
  });

  it('fails the mail check when today’s quota cannot cover one reminder per district', () => {
    const emu = ready();
    expect(emu.userEdit(TAB.config, 'D2', 'a@tc.gov.cn,b@tc.gov.cn').ok).toBe(true);
    emu.setMailQuota(1);
    emu.clickMenu('自检');
    const said = lastAlert(emu).prompt;
    expect(said).toContain('今日邮件配额：未通过');
    expect(said).toContain('今日剩余可发送收件人数：1');
  });

  it('refuses a district clerk and changes nothing', () => {
    const emu = ready();
    emu.setUser(TC_CLERK);
    const before = JSON.stringify(modelOf(emu).toJSON());
    emu.clickMenu('自检');
    expect(lastAlert(emu).prompt).toBe(menuRefusal('menuSelfCheck', TC_CLERK));
    expect(JSON.stringify(modelOf(emu).toJSON())).toBe(before);
    expect(tab(emu, '通川区').lastRow()).toBe(7);
  });
});
