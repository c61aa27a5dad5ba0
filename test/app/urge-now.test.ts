// 立即催办 in the emulator: the dialog, sendUrgeNow's answer, once a day per district, apart from the daily reminder, quota, modes.
import { CONTACT, OFFICE_CC, OWNER, logRows, reminderMails, runDaily, world } from '../support/reminder-world';

type Result = { ok: true; sent: string[]; skipped: { district: string; reason: string }[] } | { ok: false; errors: Record<string, string> };

const TC = CONTACT['通川区']!.email;
const DC = CONTACT['达川区']!.email;
// 2022-03-10: before the report window, so only districts with overdue or due-soon enterprises have something to say.
const NOW = '2022-03-10T06:00:00Z';
const firms = {
  通川区: [{ name: '甲<b>钢铁</b>公司', deadline: '2022-03-01' }],
  达川区: [{ name: '乙公司', deadline: '2022-03-12' }],
  达州高新区: [{ name: '丙公司', deadline: '2022-12-31' }],
};

const urges = (emu: ReturnType<typeof world>) => emu.outbox.filter((m) => m.subject.includes('【整治台账催办】'));

function urge(emu: ReturnType<typeof world>, districts?: unknown, user = OWNER): Result {
  emu.setUser(user);
  const run = emu.scriptRun('sendUrgeNow', districts === undefined ? {} : { districts });
  if (!run.ok) throw new Error(run.error);
  return run.value as Result;
}

describe('立即催办 (contract §11)', () => {
  test('the dialog ticks the districts with something to say and shows each email as it will be sent', () => {
    const emu = world(NOW, firms);
    emu.setUser(OWNER);
    emu.clickMenu('立即催办');
    const dialog = emu.ui.dialogs[0]!;
    expect(dialog.title).toBe('立即催办');
    const context = JSON.parse(dialog.html.match(/<script type="application\/json" id="urge-context">(.*?)<\/script>/)![1]!) as {
      districts: { district: string; ready: boolean; status: string; mail: { subject: string; to: string; cc: string; body: string } | null }[];
    };
    expect(context.districts.map((d) => [d.district, d.ready])).toEqual([
      ['通川区', true],
      ['达川区', true],
      ['达州高新区', false],
    ]);
    const tc = context.districts[0]!;
    expect(tc.mail).toMatchObject({ to: TC, cc: OFFICE_CC, subject: '【整治台账催办】通川区：1家企业逾期' });
    expect(tc.mail!.body).toContain('甲<b>钢铁</b>公司｜整改完成时限 2022-03-01｜逾期9天｜整改中');
    // The context block stays inert data: the name cannot close the script element it travels in.
    expect(dialog.html).not.toContain('甲<b>');
    expect(context.districts[2]!.status).toContain('不发送：无逾期、即将到期企业');
    expect(context.districts[2]!.mail).toBeNull();
    expect(emu.outbox).toEqual([]);
  });

  test('refuses a district clerk, in the menu and on the server, and sends nothing', () => {
    const emu = world(NOW, firms);
    emu.setUser(CONTACT['通川区']!.clerk);
    emu.clickMenu('立即催办');
    expect(emu.ui.dialogs).toEqual([]);
    expect(emu.ui.alerts[emu.ui.alerts.length - 1]!.prompt).toContain('不是领导小组办公室账号');
    const result = urge(emu, [], CONTACT['通川区']!.clerk);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors['_form']).toContain('不能立即催办');
    expect(emu.outbox).toEqual([]);
  });

  test('sends now to every district with something to say (empty list), to its contacts with the office in cc, and logs it', () => {
    const emu = world(NOW, firms);
    const result = urge(emu, []);
    expect(result).toEqual({ ok: true, sent: ['通川区', '达川区'], skipped: [] });
    expect(urges(emu).map((m) => [m.to, m.cc, m.subject])).toEqual([
      [TC, OFFICE_CC, '【整治台账催办】通川区：1家企业逾期'],
      [DC, OFFICE_CC, '【整治台账催办】达川区：1家企业即将到期'],
    ]);
    expect(urges(emu)[0]!.htmlBody).toContain('甲&lt;b&gt;钢铁&lt;/b&gt;公司');
    expect(urges(emu)[0]!.htmlBody).not.toContain('<b>钢铁');
    expect(logRows(emu).filter((r) => r[9] === '发送催办邮件').map((r) => [r[2], r[6]])).toEqual([
      ['通川区', '催办邮件'],
      ['达川区', '催办邮件'],
    ]);
  });

  test('twice a day gives one 催办 per district: the second is skipped with the reason, and the next day it may go again', () => {
    const emu = world(NOW, firms);
    urge(emu, ['通川区']);
    const again = urge(emu, ['通川区']);
    expect(again).toEqual({ ok: true, sent: [], skipped: [{ district: '通川区', reason: '今日已催办' }] });
    expect(urges(emu)).toHaveLength(1);
    expect(logRows(emu).filter((r) => r[2] === '通川区' && r[9] === '跳过：今日已催办')).toHaveLength(1);
    emu.setNow('2022-03-11T06:00:00Z');
    expect(urge(emu, ['通川区'])).toEqual({ ok: true, sent: ['通川区'], skipped: [] });
  });

  test('does not count as the day’s reminder, nor the reminder as a 催办', () => {
    const emu = world(NOW, firms);
    urge(emu, ['通川区']);
    runDaily(emu);
    expect(reminderMails(emu).map((m) => m.to)).toEqual([TC, DC]);
    expect(urge(emu, ['达川区'])).toEqual({ ok: true, sent: ['达川区'], skipped: [] });
    expect(urges(emu)).toHaveLength(2);
  });

  test('a district named with nothing to say is skipped with why; an unknown name is refused in Chinese and nothing is sent', () => {
    const emu = world(NOW, firms);
    expect(urge(emu, ['达州高新区'])).toEqual({ ok: true, sent: [], skipped: [{ district: '达州高新区', reason: '无逾期、即将到期企业，也无需提醒季度报送' }] });
    const bad = urge(emu, ['通川区', '开江县']);
    expect(bad).toEqual({ ok: false, errors: { districts: '“开江县”不是“配置”中的辖区，应为：通川区、达川区、达州高新区。' } });
    expect(urge(emu, '通川区')).toMatchObject({ ok: false, errors: { districts: expect.stringContaining('辖区名称的列表') } });
    expect(emu.outbox).toEqual([]);
  });

  test('试运行 sends to 测试收件人 only; 已停止发送 sends nothing and says why', () => {
    const trial = world(NOW, firms, { testRecipient: 'tester@dz.gov.cn' });
    urge(trial, ['通川区']);
    expect(urges(trial).map((m) => [m.to, m.cc, m.subject])).toEqual([['tester@dz.gov.cn', '', '[测试]【整治台账催办】通川区：1家企业逾期']]);
    const stopped = world(NOW, firms, {}, { testRecipient: 'tester@dz' });
    const result = urge(stopped, []);
    expect(result).toMatchObject({ ok: true, sent: [] });
    expect(result.ok && result.skipped.map((s) => s.reason)).toEqual(['已停止发送（测试收件人无效）', '已停止发送（测试收件人无效）']);
    expect(stopped.outbox).toEqual([]);
  });

  test('what the quota does not allow is queued and sent by the next daily run, after the reminders and once', () => {
    const emu = world(NOW, firms);
    emu.setMailQuota(2); // one email: contact + office
    const result = urge(emu, []);
    expect(result).toEqual({
      ok: true,
      sent: ['通川区'],
      skipped: [{ district: '达川区', reason: '排队：今日邮件配额不足，下次运行时发送' }],
    });
    expect(logRows(emu).filter((r) => r[2] === '达川区' && r[9]!.includes('配额不足'))).toHaveLength(1);
    emu.setMailQuota(100);
    runDaily(emu);
    expect(emu.outbox.map((m) => m.subject.slice(0, 8) + m.to)).toEqual([
      `【整治台账催办】${TC}`,
      `【整治台账提醒】${TC}`,
      `【整治台账提醒】${DC}`,
      `【整治台账催办】${DC}`,
    ]);
    runDaily(emu);
    expect(urges(emu)).toHaveLength(2);
  });
});
