// 预览提醒邮件 (src/app/reminder-preview-dialog.ts): what today's run would send and to whom, shown as escaped text, nothing sent.
import { CONTACT, OFFICE_CC, runDaily, world } from '../support/reminder-world';

const DC = CONTACT['达川区']!.email;
/** An invalid 测试收件人 stops all sending (contract §3), with two districts that would be mailed. */
const stopped = () => world('2022-03-10T01:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-03-01' }], 达川区: [{ name: '乙公司', deadline: '2022-03-12' }] }, {}, { testRecipient: 'tester@dz' });

describe('预览提醒邮件', () => {
  test('previews what today would send and to whom, queued and already sent included, without sending', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const emu = world('2022-03-10T01:00:00Z', {
      通川区: [{ name: evil, deadline: '2022-03-01' }],
      达川区: [{ name: '乙公司', deadline: '2022-02-01' }, { name: '丙公司', deadline: '2022-03-01' }],
    });
    emu.setMailQuota(2);
    emu.clickMenu('预览提醒邮件');
    expect(emu.outbox).toEqual([]);
    const first = emu.ui.dialogs[0]!;
    expect(first.title).toBe('提醒邮件预览（不会发送）');
    expect(first.html).toContain(`收件人：${DC}<br>抄送：${OFFICE_CC}`);
    expect(first.html).toContain('【整治台账提醒】达川区：2家企业逾期');
    expect(first.html).toMatch(/通川区<\/b>：今日邮件配额不足/);
    expect(first.html).toMatch(/达州高新区<\/b>：无需提醒/);
    expect(first.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(first.html).not.toContain('<img');
    runDaily(emu);
    emu.clickMenu('预览提醒邮件');
    expect(emu.ui.dialogs[1]!.html).toMatch(/达川区<\/b>：今日已发送/);
    expect(emu.outbox).toHaveLength(1);
  });

  test('the preview says 已停止发送 and names the setting; nothing is sent', () => {
    const emu = stopped();
    emu.clickMenu('预览提醒邮件');
    const html = emu.ui.dialogs[0]!.html;
    expect(html).toContain('发送模式：已停止发送');
    expect(html).toMatch(/通川区<\/b>：已停止发送/);
    expect(html).toContain('“测试收件人”应为一个有效的邮箱地址或留空');
    expect(emu.outbox).toEqual([]);
  });
});
