// The daily reminder job in the emulator: who is mailed when, once a day, quota queue, failures, Shanghai days, escaping.

import { CONTACT, OFFICE_CC, logRows, mailsTo, reminderMails, runDaily, settingCell, world } from '../support/reminder-world';

const TC = CONTACT['通川区']!.email;
const DC = CONTACT['达川区']!.email;
const GX = CONTACT['达州高新区']!.email;

describe('daily reminders', () => {
  test('mails a district with an overdue enterprise, to its contacts with the office in cc', () => {
    const emu = world('2022-03-10T01:00:00Z', { 通川区: [{ name: '甲钢铁公司', deadline: '2022-03-01' }] });
    runDaily(emu);
    expect(emu.outbox).toHaveLength(1);
    const mail = emu.outbox[0]!;
    expect(mail.to).toBe(TC);
    expect(mail.cc).toBe(OFFICE_CC);
    expect(mail.subject).toBe('【整治台账提醒】通川区：1家企业逾期');
    expect(mail.htmlBody).toContain('逾期9天');
    expect(mail.htmlBody).toContain('2022-03-01');
    expect(mail.htmlBody).toMatch(/#gid=\d+/);
    expect(mail.body).toContain('甲钢铁公司｜整改完成时限 2022-03-01｜逾期9天｜整改中');
  });

  test('mails a district with an enterprise due soon', () => {
    const emu = world('2022-03-10T01:00:00Z', { 达川区: [{ name: '乙公司', deadline: '2022-03-15' }] });
    runDaily(emu);
    expect(emu.outbox.map((m) => m.subject)).toEqual(['【整治台账提醒】达川区：1家企业即将到期']);
    expect(emu.outbox[0]!.htmlBody).toContain('剩余5天');
  });

  test.each([
    ['2022-03-21T01:00:00Z', 0],
    ['2022-03-22T01:00:00Z', 3],
    ['2022-03-25T01:00:00Z', 3],
    ['2022-03-28T01:00:00Z', 3],
    ['2022-03-31T01:00:00Z', 3],
    ['2022-04-01T01:00:00Z', 0],
  ])('at %s a missing quarterly report is reminded to %i districts', (now, count) => {
    const emu = world(now);
    runDaily(emu);
    expect(reminderMails(emu)).toHaveLength(count);
    for (const m of reminderMails(emu)) expect(m.subject).toMatch(/：本季度进展(待报送（截止3月25日）|未报送（3月25日已截止）)$/);
  });

  test('mails once however often it runs the same day, and again the next day', () => {
    const emu = world('2022-03-10T01:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-03-01' }] });
    runDaily(emu);
    emu.setNow('2022-03-10T08:00:00Z');
    runDaily(emu);
    runDaily(emu);
    expect(mailsTo(emu, TC)).toHaveLength(1);
    expect(logRows(emu).filter((r) => r[9]!.includes('今日已发送'))).toHaveLength(2);
    emu.setNow('2022-03-11T01:00:00Z');
    runDaily(emu);
    expect(mailsTo(emu, TC)).toHaveLength(2);
  });

  test('counts 2022-03-25T23:30:00Z as 26 March: a deadline of 25 March is overdue then, and not at 15:00Z', () => {
    const emu = world('2022-03-25T15:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-03-25' }] });
    runDaily(emu);
    const first = mailsTo(emu, TC);
    expect(first).toHaveLength(1);
    expect(first[0]!.subject).toContain('1家企业即将到期');
    expect(first[0]!.htmlBody).toContain('剩余0天');
    expect(first[0]!.htmlBody).not.toContain('逾期1天');
    emu.setNow('2022-03-25T23:30:00Z');
    runDaily(emu);
    const all = mailsTo(emu, TC);
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toContain('1家企业逾期');
    expect(all[1]!.htmlBody).toContain('逾期1天');
  });

  test('sends the most urgent district within the quota, keeps the others queued, and sends them later the same day once', () => {
    const emu = world('2022-03-10T01:00:00Z', {
      通川区: [{ name: '甲公司', deadline: '2022-03-08' }],
      达川区: [{ name: '乙公司', deadline: '2022-02-01' }, { name: '丙公司', deadline: '2022-03-01' }],
      达州高新区: [{ name: '丁公司', deadline: '2022-03-12' }],
    });
    emu.setMailQuota(2); // one email: its contact and the office
    runDaily(emu);
    expect(emu.outbox.map((m) => m.to)).toEqual([DC]);
    expect(logRows(emu).filter((r) => r[9]!.includes('配额不足')).map((r) => r[2])).toEqual(['通川区', '达州高新区']);
    emu.setNow('2022-03-10T05:00:00Z');
    emu.setMailQuota(100);
    runDaily(emu);
    runDaily(emu);
    expect(emu.outbox.map((m) => m.to)).toEqual([DC, TC, GX]);
  });

  test('keeps sending to the others when one district fails, logs the failure and retries it next run', () => {
    const emu = world('2022-03-10T01:00:00Z', {
      通川区: [{ name: '甲公司', deadline: '2022-03-01' }],
      达川区: [{ name: '乙公司', deadline: '2022-03-02' }],
      达州高新区: [{ name: '丁公司', deadline: '2022-03-03' }],
    });
    emu.failMailTo(DC);
    runDaily(emu);
    expect(emu.outbox.map((m) => m.to).sort()).toEqual([GX, TC].sort());
    const failures = () => logRows(emu).filter((r) => r[2] === '达川区' && r[9]!.includes('发送失败'));
    expect(failures()).toHaveLength(1);
    expect(failures()[0]!.join(' ')).toContain(DC);
    runDaily(emu);
    expect(failures()).toHaveLength(2);
    expect(emu.outbox).toHaveLength(2);
  });

  test('lists the 50 most urgent of 120 enterprises, then 另有70家 with the tab link, far below the size limit', () => {
    const firms = Array.from({ length: 120 }, (_, i) => ({ name: `企业${String(i).padStart(3, '0')}`, deadline: `2022-02-${String(1 + (i % 28)).padStart(2, '0')}` }));
    const emu = world('2022-03-10T01:00:00Z', { 通川区: firms });
    runDaily(emu);
    const mail = emu.outbox[0]!;
    const listed = mail.body.split('\n').filter((l) => l.startsWith('- '));
    expect(listed).toHaveLength(50);
    expect(listed[0]).toContain('逾期37天');
    expect(mail.body).toContain('另有70家企业未列出');
    expect(mail.body).toMatch(/另有70家企业未列出.*#gid=\d+/);
    expect(Buffer.byteLength(mail.htmlBody ?? '') + Buffer.byteLength(mail.body)).toBeLessThan(100 * 1024);
  });

  test('escapes an enterprise named as HTML in the email body', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const emu = world('2022-03-10T01:00:00Z', { 通川区: [{ name: evil, deadline: '2022-03-01' }] });
    runDaily(emu);
    const html = emu.outbox[0]!.htmlBody ?? '';
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(emu.outbox[0]!.body).toContain(evil);
  });

  test('sends every email to the test recipient only, marked [测试], when 测试收件人 is set', () => {
    const emu = world('2022-03-10T01:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-03-01' }] }, { testRecipient: 'tester@dz.gov.cn' });
    runDaily(emu);
    expect(emu.outbox.map((m) => [m.to, m.cc])).toEqual([['tester@dz.gov.cn', '']]);
    expect(emu.outbox[0]!.subject.startsWith('[测试]')).toBe(true);
  });

  test('never touches the Ui when fired by the installed daily trigger', () => {
    const emu = world('2022-03-10T01:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-03-01' }] });
    emu.clickMenu('安装自动任务');
    emu.fireTimeDriven();
    expect(mailsTo(emu, TC)).toHaveLength(1);
    expect(emu.problems).toEqual([]);
  });

});

describe('an invalid 测试收件人 stops all sending (contract §3)', () => {
  const late = { 通川区: [{ name: '甲公司', deadline: '2022-03-01' }], 达川区: [{ name: '乙公司', deadline: '2022-03-12' }] };
  const stopped = () => world('2022-03-10T01:00:00Z', late, {}, { testRecipient: 'tester@dz' });

  test('sends no reminder, only the office’s digest saying why, and logs each district as stopped', () => {
    const emu = stopped();
    runDaily(emu);
    expect(reminderMails(emu)).toEqual([]);
    expect(emu.outbox).toHaveLength(1);
    const digest = emu.outbox[0]!;
    expect(digest.subject).toMatch(/^【整治台账日报】2022-03-10：已停止发送提醒邮件/);
    expect([digest.to, digest.cc]).toEqual([OFFICE_CC, '']);
    expect(digest.body).toContain('发送模式：已停止发送');
    expect(digest.body).toContain('“测试收件人”应为一个有效的邮箱地址或留空（现为“tester@dz”）');
    const skips = logRows(emu).filter((r) => r[9] === '跳过：已停止发送（测试收件人无效）');
    expect(skips.map((r) => r[2]).sort()).toEqual(['达川区', '通川区']);
    expect(skips[0]!.join('|')).toContain('测试收件人');
  });

  test('sending resumes in 试运行 once it is fixed, and the mode shows in the preview', () => {
    const emu = stopped();
    expect(emu.userEdit('配置', settingCell('测试收件人'), 'tester@dz.gov.cn').ok).toBe(true);
    emu.clickMenu('预览提醒邮件');
    expect(emu.ui.dialogs[0]!.html).toContain('发送模式：试运行（邮件只发给 tester@dz.gov.cn）');
    runDaily(emu);
    expect(reminderMails(emu).map((m) => m.to)).toEqual(['tester@dz.gov.cn', 'tester@dz.gov.cn']);
  });

  test('typing an invalid value into 配置 is refused by its data validation, whose help text gives the range', () => {
    const emu = world('2022-03-10T01:00:00Z');
    const typed = emu.userEdit('配置', settingCell('季度报送截止日'), 31);
    expect(typed.ok).toBe(false);
    expect(JSON.stringify(typed)).toContain('季度报送截止日：每季度末月的报送截止日（1到30之间的整数，默认25）');
    expect(emu.userEdit('配置', settingCell('测试收件人'), 'nobody').ok).toBe(false);
    expect(emu.userEdit('配置', settingCell('季度报送截止日'), 20).ok).toBe(true);
  });
});
