// What today's run decides for each district (src/app/reminder-plan.ts): nothing to say, too many recipients, a day off — each logged, the others still mailed.
import { CONTACT, logRows, reminderMails, runDaily, world } from '../support/reminder-world';

const DC = CONTACT['达川区']!.email;

describe('the reminder plan', () => {
  test('sends nothing to a district with nothing to say, and logs the skip', () => {
    const emu = world('2022-03-10T01:00:00Z', {
      通川区: [{ name: '丙公司', deadline: '2022-06-30' }, { name: '丁公司', deadline: '2022-03-01', status: '已完成（待验收）' }],
    });
    runDaily(emu);
    expect(reminderMails(emu)).toEqual([]);
    expect(logRows(emu).filter((r) => r[2] === '通川区' && r[9]!.includes('无需提醒'))).toHaveLength(1);
  });

  test('refuses, with a log line, a reminder whose to + cc would pass 50 recipients, and still mails the others', () => {
    const emu = world('2022-03-10T01:00:00Z', {
      通川区: [{ name: '甲公司', deadline: '2022-03-01' }],
      达川区: [{ name: '乙公司', deadline: '2022-03-02' }],
    });
    const crowd = Array.from({ length: 50 }, (_, i) => `c${i}@tc.gov.cn`).join(',');
    expect(emu.userEdit('配置', 'D2', crowd).ok).toBe(true);
    runDaily(emu);
    expect(emu.outbox.map((m) => m.to)).toEqual([DC]);
    const refusals = logRows(emu).filter((r) => r[2] === '通川区' && r[9]!.includes('收件人超过单封邮件50个的上限'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.join(' ')).toContain('共51个地址');
  });
});

describe('仅工作日发送提醒 (the Chinese calendar)', () => {
  const late = { 通川区: [{ name: '甲公司', deadline: '2022-09-01' }] };

  test('holds the reminders back on a State Council holiday when set to 是, and logs why', () => {
    const emu = world('2022-10-03T01:00:00Z', late, { workdaysOnly: '是' });
    runDaily(emu);
    expect(emu.outbox).toEqual([]);
    const skip = logRows(emu).filter((r) => r[2] === '通川区' && r[9]!.includes('非工作日'));
    expect(skip).toHaveLength(1);
    expect(skip[0]!.join('|')).toContain('国庆节');
  });

  test('sends on a make-up workday (调休上班的周六) when set to 是', () => {
    const emu = world('2022-10-08T01:00:00Z', late, { workdaysOnly: '是' });
    runDaily(emu);
    expect(emu.outbox.map((m) => m.subject)).toEqual(['【整治台账提醒】通川区：1家企业逾期']);
  });

  test('sends on a holiday by default (否: today’s behaviour stays)', () => {
    const emu = world('2022-10-03T01:00:00Z', late);
    runDaily(emu);
    expect(emu.outbox).toHaveLength(1);
  });
});
