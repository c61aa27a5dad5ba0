// 自检's judgement: each check passes on what a correct Google gives back and fails, saying what to do, on what it must not.
import { TEXT_FORMAT } from '../../src/domain/ledger-row';
import { protectionPlan } from '../../src/domain/ledger-template';
import { menuPath } from '../../src/domain/menu';
import type { LiteralReadBack, SelfCheckInput } from '../../src/domain/self-check';
import { LITERAL_PROBES, PROBE_FORMATS, judgeSelfCheck, probeCell, selfCheckReport } from '../../src/domain/self-check';

const OFFICE = ['office@dz.gov.cn'];
const plan = protectionPlan({ districts: [{ district: '通川区', editors: ['clerk@tc.gov.cn'] }], office: OFFICE });
const faithful: LiteralReadBack[] = LITERAL_PROBES.flatMap((text) => PROBE_FORMATS.map((format) => ({ text, format, value: text, formula: '' })));

const good: SelfCheckInput = {
  literal: faithful,
  literalError: null,
  activeUser: 'office@dz.gov.cn',
  effectiveUser: 'office@dz.gov.cn',
  mailQuota: 100,
  mailNeeded: 6,
  triggers: [
    { handler: 'dailyJob', eventType: 'CLOCK' },
    { handler: 'onEditInstalled', eventType: 'ON_EDIT' },
  ],
  handlers: { daily: 'dailyJob', edit: 'onEditInstalled' },
  expectedProtections: plan,
  protections: plan.map((p) => ({ description: p.description, warningOnly: p.warningOnly, editors: p.warningOnly ? [] : [...p.editors] })),
  alwaysEditors: OFFICE,
  timeZone: 'Asia/Shanghai',
  wantedTimeZone: 'Asia/Shanghai',
  settingsProblems: [],
  sendMode: '发送模式：正式发送',
};
// The paths as src/app/self-check.ts passes them: the real menu's.
const PATHS = { setup: menuPath('menuSetup'), install: menuPath('menuInstallTriggers') };
const judge = (over: Partial<SelfCheckInput>) => judgeSelfCheck({ ...good, ...over }, PATHS);
const failed = (over: Partial<SelfCheckInput>) => judge(over).filter((r) => !r.passed);

describe('自检 judgement', () => {
  it('passes every check when Google behaves as the add-on assumes', () => {
    const results = judge({});
    expect(results.map((r) => r.passed)).toEqual([true, true, true, true, true, true, true]);
    expect(results.every((r) => r.passed)).toBe(true);
    expect(selfCheckReport(results)).toMatch(/^自检通过/);
  });

  it('fails on an invalid 配置 value, naming the cell and the send mode', () => {
    const [bad] = failed({ settingsProblems: ['配置!B12“季度报送截止日”应为1到30之间的整数（现为“31”）'], sendMode: '发送模式：已停止发送' });
    expect(bad!.name).toContain('配置');
    expect(bad!.detail).toContain('配置!B12“季度报送截止日”');
    expect(bad!.detail).toContain('已停止发送');
    expect(bad!.todo).toContain('配置');
  });

  it('writes each probe as the add-on does: the text itself in @ cells, the apostrophe form elsewhere', () => {
    expect(probeCell("'带引号", TEXT_FORMAT)).toBe("'带引号");
    expect(probeCell('=1+1', null)).toBe("'=1+1");
    expect(LITERAL_PROBES).toEqual(expect.arrayContaining(['=1+1', "'带引号", '913501001234567890']));
  });

  it('fails on a plain-text cell that hid the apostrophe or evaluated the formula, naming both, and says to stop', () => {
    const literal = faithful.map((r) =>
      r.format === TEXT_FORMAT && r.text === "'带引号" ? { ...r, value: '带引号' } : r.format === TEXT_FORMAT && r.text === '=1+1' ? { ...r, value: 2, formula: '=1+1' } : r,
    );
    const [bad] = failed({ literal });
    expect(bad!.name).toContain('文字按原样保存');
    expect(bad!.detail).toContain('纯文本格式单元格写入“\'带引号”读回“带引号”');
    expect(bad!.detail).toContain('纯文本格式单元格写入“=1+1”读回“=1+1”');
    expect(bad!.todo).toContain('请勿继续录入');
  });

  it('fails on an automatic cell that kept the apostrophe or turned digits into a number', () => {
    const literal = faithful.map((r) => (r.format === null && r.text === '0012' ? { ...r, value: 12 } : r));
    expect(failed({ literal })[0]!.detail).toContain('自动格式单元格写入“0012”读回“12”');
  });

  it('fails when the scratch tab could not be used, with the reason', () => {
    expect(failed({ literal: [], literalError: '您无权编辑' })[0]!.detail).toContain('您无权编辑');
  });

  it('fails the account check on an account Sheets hides', () => {
    expect(failed({ activeUser: '' }).map((r) => r.name)).toEqual(['能识别当前账号']);
  });

  it('fails the mail check when the quota is below one reminder per district', () => {
    const [bad] = failed({ mailQuota: 5 });
    expect(bad!.detail).toContain('今日剩余可发送收件人数：5');
  });

  it('fails the trigger check on a missing or a doubled trigger, pointing to 安装自动任务', () => {
    expect(failed({ triggers: [good.triggers[0]!] })[0]!.todo).toContain(PATHS.install);
    expect(failed({ triggers: [...good.triggers, good.triggers[1]!] })[0]!.detail).toBe('每日任务1个，编辑触发任务2个');
  });

  it('says, when the document records an edit trigger this account does not have, that hand edits may go unchecked', () => {
    const todo = failed({ triggers: [good.triggers[0]!], editTriggerFlagged: true })[0]!.todo;
    expect(todo).toContain('直接编辑的批注由它写入：如它已不存在，手工编辑将不再校验');
    expect(failed({ triggers: [good.triggers[0]!], editTriggerFlagged: false })[0]!.todo).not.toContain('批注');
  });

  it('fails the protection check on a missing editor, an extra editor, a wrong kind, and a missing protection', () => {
    const hard = plan.find((p) => !p.warningOnly && p.description.includes('通川区'))!;
    const changed = good.protections.map((p) =>
      p.description === hard.description ? { ...p, editors: ['office@dz.gov.cn', 'stranger@x.com'] } : p.warningOnly ? { ...p, warningOnly: false } : p,
    );
    const [bad] = failed({ protections: changed.slice(0, -1) });
    expect(bad!.detail).toContain('缺少编辑者 clerk@tc.gov.cn');
    expect(bad!.detail).toContain('多出编辑者 stranger@x.com');
    expect(bad!.detail).toContain('应为仅警告');
    expect(bad!.detail).toContain('缺少保护');
    expect(bad!.todo).toContain(PATHS.setup);
  });

  it('fails the time zone check on another zone', () => {
    expect(failed({ timeZone: 'America/Los_Angeles' })[0]!.detail).toContain('America/Los_Angeles');
  });
});
