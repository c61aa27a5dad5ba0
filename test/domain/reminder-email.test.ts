// Composing a district's reminder: recipients, test redirect, subject variants, escaped HTML, plain text.

import type { Day } from '../../src/domain/calendar-day';
import type { EmailContext } from '../../src/domain/reminder-email';
import { MAX_LISTED, MAX_RECIPIENTS_PER_MESSAGE, composeReminderEmail } from '../../src/domain/reminder-email';
import { escapeHtml } from '../../src/domain/text';
import type { ReminderEnterprise } from '../../src/domain/reminders';
import { districtSituation } from '../../src/domain/reminders';

const SETTINGS = { reportDay: 25, dueSoonDays: 7, staleDays: 30, firstQuarter: null };

const ent = (name: string, deadline: Day, status = '整改中'): ReminderEnterprise => ({ name, creditCode: 'x', deadline, status, updatedOn: null });

const CTX: EmailContext = {
  today: '2022-03-26',
  filler: '通川区人民政府',
  districtEmails: ['a@tc.gov.cn', 'b@tc.gov.cn'],
  officeEmails: ['office@dz.gov.cn'],
  testRecipient: '',
  tabUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=123',
};

const situation = (enterprises: ReminderEnterprise[], today: Day) => districtSituation({ district: '通川区', enterprises }, [], SETTINGS, today);

describe('the reminder email', () => {
  test('goes to exactly the district contacts with exactly the office in cc', () => {
    const mail = composeReminderEmail(situation([ent('甲公司', '2022-03-20')], '2022-03-26'), CTX);
    expect(mail.to).toEqual(['a@tc.gov.cn', 'b@tc.gov.cn']);
    expect(mail.cc).toEqual(['office@dz.gov.cn']);
    expect(mail.recipientCount).toBe(3);
  });

  test('goes only to the test recipient, without cc, marked [测试], when one is set', () => {
    const mail = composeReminderEmail(situation([ent('甲公司', '2022-03-20')], '2022-03-26'), { ...CTX, testRecipient: 'tester@dz.gov.cn' });
    expect(mail.to).toEqual(['tester@dz.gov.cn']);
    expect(mail.cc).toEqual([]);
    expect(mail.recipientCount).toBe(1);
    expect(mail.subject.startsWith('[测试]【整治台账提醒】')).toBe(true);
    expect(mail.body).toContain('a@tc.gov.cn');
  });

  test('names overdue count and the missing report in the subject', () => {
    const mail = composeReminderEmail(situation([ent('甲', '2022-03-20'), ent('乙', '2022-03-01')], '2022-03-26'), CTX);
    expect(mail.subject).toBe('【整治台账提醒】通川区：2家企业逾期，本季度进展未报送（3月25日已截止）');
  });

  test('names due-soon enterprises in the subject and leaves out a report not yet in its window', () => {
    const mail = composeReminderEmail(situation([ent('甲', '2022-02-15')], '2022-02-10'), { ...CTX, today: '2022-02-10' });
    expect(mail.subject).toBe('【整治台账提醒】通川区：1家企业即将到期');
  });

  test('lists each enterprise with its deadline, days overdue or left, and status', () => {
    const mail = composeReminderEmail(situation([ent('甲公司', '2022-03-20', '未启动'), ent('乙公司', '2022-03-30')], '2022-03-26'), CTX);
    // 2022-03-20 is a Sunday: the deadline carries the 遇节假日 note.
    expect(mail.htmlBody).toMatch(/<td[^>]*>甲公司<\/td><td[^>]*>2022-03-20（遇节假日：周日）<\/td><td[^>]*>逾期6天<\/td><td[^>]*>未启动<\/td>/);
    expect(mail.htmlBody).toMatch(/<td[^>]*>乙公司<\/td><td[^>]*>2022-03-30<\/td><td[^>]*>剩余4天<\/td><td[^>]*>整改中<\/td>/);
    expect(mail.body).toContain('甲公司｜整改完成时限 2022-03-20（遇节假日：周日）｜逾期6天｜未启动');
  });

  test('states the report, a late-report warning after the due date, escalation and the tab link', () => {
    const mail = composeReminderEmail(situation([], '2022-03-26'), CTX);
    expect(mail.htmlBody).toContain('2022年第1季度进展报送（截止日期2022-03-25）：未报送');
    expect(mail.htmlBody).toContain('记为逾期报送');
    expect(mail.htmlBody).toContain('本辖区最近一个季度的进展未按时报送');
    expect(mail.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/abc/edit#gid=123"');
    expect(mail.body).toContain(CTX.tabUrl);
  });

  test('asks for the report before the due date while it is still ahead', () => {
    const mail = composeReminderEmail(situation([], '2022-03-23'), { ...CTX, today: '2022-03-23' });
    expect(mail.body).toContain('请于2022-03-25（含当日）前');
  });

  test('escapes an enterprise name that is HTML', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const mail = composeReminderEmail(situation([ent(evil, '2022-03-20')], '2022-03-26'), { ...CTX, filler: '"李&四"<b>' });
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).not.toContain('<b>');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.htmlBody).toContain('&quot;李&amp;四&quot;');
    expect(mail.body).toContain(evil);
  });

  test('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('says 待报送 with the due day before the due date, 未报送 after it', () => {
    const before = composeReminderEmail(situation([], '2022-09-22'), { ...CTX, today: '2022-09-22' });
    expect(before.subject).toBe('【整治台账提醒】通川区：本季度进展待报送（截止9月25日）');
    expect(before.body).toContain('2022年第3季度进展报送（截止日期2022-09-25（遇节假日：周日））：待报送。');
    expect(before.body).not.toContain('：未报送');
    const on = composeReminderEmail(situation([], '2022-09-25'), { ...CTX, today: '2022-09-25' });
    expect(on.subject).toContain('待报送（截止9月25日）');
    const after = composeReminderEmail(situation([], '2022-09-26'), { ...CTX, today: '2022-09-26' });
    expect(after.subject).toBe('【整治台账提醒】通川区：本季度进展未报送（9月25日已截止）');
  });

  test('names only the counts that are not zero: no 即将到期0家', () => {
    const mail = composeReminderEmail(situation([ent('甲', '2022-03-20')], '2022-03-22'), { ...CTX, today: '2022-03-22' });
    expect(mail.body).toContain('逾期1家。');
    expect(mail.body).not.toMatch(/0家/);
    expect(mail.htmlBody).not.toMatch(/0家/);
    const reportOnly = composeReminderEmail(situation([], '2022-03-23'), { ...CTX, today: '2022-03-23' });
    expect(reportOnly.body).not.toMatch(/逾期0家|即将到期0家/);
    expect(reportOnly.body).toContain('没有逾期或即将到期的企业');
  });

  test('says 已连续N个季度未按时报送 only for N ≥ 2, one natural sentence for 1, nothing for 0', () => {
    const reports = (days: string[]) => days.map((on) => ({ quarter: '', district: '通川区', on, at: null, account: '', counts: {}, total: 0, onTime: true, kind: 'first' as const }));
    const since = { ...SETTINGS, firstQuarter: { year: 2021, q: 1 as const } };
    const none = districtSituation({ district: '通川区', enterprises: [ent('甲', '2022-03-20')] }, reports(['2021-12-20', '2022-03-20']), since, '2022-03-26');
    expect(none.escalation.missedQuarters).toBe(0);
    const noneMail = composeReminderEmail(none, CTX);
    expect(noneMail.body).not.toContain('连续');
    expect(noneMail.body).not.toContain('督办情况');
    const two = districtSituation({ district: '通川区', enterprises: [] }, reports(['2021-09-20']), since, '2022-03-26');
    expect(two.escalation.missedQuarters).toBe(2);
    expect(composeReminderEmail(two, CTX).body).toContain('本辖区已连续2个季度未按时报送进展（未报送或逾期报送）。');
  });

  test('counts no quarter before 首个报送季度 as missed', () => {
    const s = districtSituation({ district: '通川区', enterprises: [] }, [], { ...SETTINGS, firstQuarter: { year: 2022, q: 1 } }, '2022-03-26');
    expect(s.escalation.missedQuarters).toBe(1);
    const later = districtSituation({ district: '通川区', enterprises: [] }, [], { ...SETTINGS, firstQuarter: { year: 2022, q: 2 } }, '2022-03-26');
    expect(later.escalation.missedQuarters).toBe(0);
  });

  test('greets the 填报单位 only, not the contact person', () => {
    // 配置's 联系人 is not part of the email's context: even handed one, the letter does not address it.
    const withContact = { ...CTX, contact: '张三' };
    const mail = composeReminderEmail(situation([ent('甲', '2022-03-20')], '2022-03-26'), withContact);
    expect(mail.body.split('\n')[0]).toBe('通川区人民政府：');
    expect(mail.body).not.toContain('张三');
    expect(mail.htmlBody).toContain('<p>通川区人民政府：</p>');
    const noFiller = composeReminderEmail(situation([ent('甲', '2022-03-20')], '2022-03-26'), { ...CTX, filler: '' });
    expect(noFiller.body.split('\n')[0]).toBe('通川区：');
  });

  test('mentions 久未更新 enterprises and 待修正 rows when there are any', () => {
    const stale = { ...ent('老企业', '2022-12-31'), updatedOn: '2022-01-01' };
    const s = districtSituation({ district: '通川区', enterprises: [stale, ent('甲', '2022-03-20')], toFix: 2 }, [], SETTINGS, '2022-03-26');
    const mail = composeReminderEmail(s, CTX);
    expect(mail.body).toContain('（久未更新），请核实并更新：老企业（84天），共1家。');
    expect(mail.body).toContain('本辖区工作表有2行待修正');
    const quiet = composeReminderEmail(situation([ent('甲', '2022-03-20')], '2022-03-26'), CTX);
    expect(quiet.body).not.toContain('久未更新');
    expect(quiet.body).not.toContain('待修正');
  });
});

describe('the reminder email of a district whose tab needs repair (issue 12 point 5)', () => {
  const repair = { district: '通川区', kind: 'header', problems: ['D列表头应为“企业详细地址”，现在是“<b>地址</b> & “x”'] } as const;
  // 2022-03-26: the quarter's report is past due and missing, which the email can still say.
  const mail = composeReminderEmail(situation([], '2022-03-26'), { ...CTX, tabRepair: repair });

  test('opens with the repair and says the figures may be incomplete, instead of the all-clear opening', () => {
    const lines = mail.body.split('\n');
    const first = lines.findIndex((l) => l.startsWith('【工作表需修复】'));
    expect(lines[first]).toBe(
      '【工作表需修复】截至2022-03-26（北京时间），通川区工作表需要先修复：“通川区”工作表表头与台账模板不一致：D列表头应为“企业详细地址”，现在是“<b>地址</b> & “x”。' +
        '请恢复原表头（可用撤销），或请领导小组办公室运行“整治台账 → 管理（领导小组办公室） → 初始化/修复表格”。',
    );
    expect(lines[first + 1]).toContain('本邮件中的数字可能不完整');
    expect(first).toBe(lines.indexOf('通川区人民政府：') + 2);
    expect(mail.body).not.toContain('没有逾期或即将到期的企业');
    // What it can still report follows: the quarter's report from 报送记录.
    expect(mail.body.indexOf('【季度进展报送】')).toBeGreaterThan(mail.body.indexOf('本邮件中的数字可能不完整'));
    expect(mail.body).toContain('2022年第1季度进展报送（截止日期2022-03-25）：未报送。');
    expect(mail.subject).toBe('【整治台账提醒】通川区：工作表需修复，本季度进展未报送（3月25日已截止）');
  });

  test('says the same in HTML, the header text typed by a user escaped', () => {
    expect(mail.htmlBody).not.toContain('<b>地址</b>');
    expect(mail.htmlBody).toContain(`现在是“${escapeHtml('<b>地址</b> & “x”')}`);
    expect(mail.htmlBody).toContain('&lt;b&gt;地址&lt;/b&gt; &amp;');
    expect(mail.htmlBody).not.toContain('没有逾期或即将到期的企业');
    expect(mail.htmlBody.indexOf('本邮件中的数字可能不完整')).toBeLessThan(mail.htmlBody.indexOf('<h3>季度进展报送</h3>'));
  });
});

describe('the reminder email at any ledger size (contract §8, MailApp per-message limits)', () => {
  // 10,000 open enterprises with long names, all overdue or due soon on 2022-03-26.
  const many = Array.from({ length: 10000 }, (_, i) =>
    ent(`达州市${'某'.repeat(80)}第${i}号企业<&>有限公司`, i % 2 === 0 ? '2022-03-01' : '2022-03-30'),
  );
  const big = situation([...many, ent('最急企业', '2021-01-01'), ent('最近到期企业', '2022-03-26')], '2022-03-26');
  const mail = composeReminderEmail(big, CTX);

  test('lists at most 50 enterprises, most urgent first, then 另有N家 and the tab link', () => {
    expect(mail.htmlBody.match(/<tr><td/g)).toHaveLength(MAX_LISTED);
    expect(MAX_LISTED).toBe(50);
    const listed = mail.body.split('\n').filter((l) => l.startsWith('- '));
    expect(listed).toHaveLength(50);
    expect(listed[0]).toContain('最急企业');
    expect(mail.body).not.toContain('最近到期企业');
    expect(mail.body).toContain(`另有${10002 - 50}家企业未列出`);
    expect(mail.body).toContain(CTX.tabUrl);
    expect(mail.htmlBody).toContain(`另有${10002 - 50}家企业未列出`);
    expect(mail.htmlBody.split(escapeHtml(CTX.tabUrl)).length - 1).toBeGreaterThanOrEqual(2);
  });

  test('stays far below 100 KB, HTML and plain text together', () => {
    expect(Buffer.byteLength(mail.htmlBody) + Buffer.byteLength(mail.body)).toBeLessThan(100 * 1024);
  });

  test('lists everything with no 另有 line when 50 or fewer are concerned', () => {
    const few = composeReminderEmail(situation(many.slice(0, 50), '2022-03-26'), CTX);
    expect(few.body.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(50);
    expect(few.body).not.toContain('另有');
  });

  test('counts every to and cc address for the quota and the 50-recipient limit', () => {
    const crowd = Array.from({ length: 49 }, (_, i) => `c${i}@tc.gov.cn`);
    const m = composeReminderEmail(big, { ...CTX, districtEmails: crowd, officeEmails: ['office@dz.gov.cn', 'c0@tc.gov.cn'] });
    expect(m.recipientCount).toBe(51);
    expect(m.recipientCount).toBeGreaterThan(MAX_RECIPIENTS_PER_MESSAGE);
  });
});
