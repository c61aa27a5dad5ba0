// The office's daily digest (contract §11) as composed: what counts as news, the subject, test mode, escaped HTML, the plain text, sections only with content.
import type { DigestDistrict, DigestInput, DigestRequest, DigestWaiting } from '../../src/domain/digest';
import { composeDigest, digestHasNews } from '../../src/domain/digest';

// 2022-03-22 lies in 2022Q1's reminder window (due 03-25, window from 03-22): a missing report is worth telling.
const district = (name: string, over: Partial<DigestDistrict> = {}): DigestDistrict => ({
  district: name,
  counts: { overdue: 0, dueSoon: 0, stale: 0, toFix: 0, longOverdue: 0 },
  report: { kind: 'onTime', on: '2022-03-20' },
  reminder: '',
  ...over,
});

const INPUT: DigestInput = {
  today: '2022-03-22',
  quarter: { year: 2022, q: 1 },
  dueDate: '2022-03-25',
  reportWindow: true,
  districts: [district('通川区'), district('达川区'), district('达州高新区')],
  openRequests: [],
  awaitingAcceptance: [],
  settingsProblems: [],
  tabsToRepair: [],
  calendarWarning: '',
  officeEmails: ['ldxz@dz.gov.cn'],
  testRecipient: '',
  sendMode: 'live',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
};
const input = (over: Partial<DigestInput> = {}): DigestInput => ({ ...INPUT, ...over });

const request = (over: Partial<DigestRequest> = {}): DigestRequest => ({
  district: '通川区',
  name: '甲公司',
  originalDeadline: '2022-03-01',
  requestedDeadline: '2022-06-30',
  requestedBy: 'clerk@tc.gov.cn',
  submittedAt: '2022-03-20 10:15',
  ...over,
});
const waiting = (over: Partial<DigestWaiting> = {}): DigestWaiting => ({ district: '达川区', name: '乙公司', since: '2022-03-01', ...over });

const MISSING = { report: { kind: 'missing' } } as const;
const DECIDE = '整治台账 → 管理（领导小组办公室） → 审批延期申请';
const ACCEPT = '整治台账 → 管理（领导小组办公室） → 验收销号';
const SETUP = '整治台账 → 管理（领导小组办公室） → 初始化/修复表格';

/** The section titles of the plain text, in order. */
const bodyTitles = (body: string): string[] => body.split('\n').filter((l) => /^【.+】$/.test(l));
const htmlTitles = (html: string): string[] => [...html.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => `【${m[1]}】`);
/** The bulleted lines of the plain text's section `title`. */
function sectionLines(body: string, title: string): string[] {
  const lines = body.split('\n');
  const at = lines.indexOf(`【${title}】`);
  if (at < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith('- ')) break;
    out.push(l.slice(2));
  }
  return out;
}
const districtLines = (i: DigestInput): string[] => sectionLines(composeDigest(i).body, '各辖区情况');

describe('what counts as news (digestHasNews)', () => {
  it('has none when every report is in and nothing waits for the office', () => {
    expect(digestHasNews(INPUT)).toBe(false);
  });

  it('has none for overdue, due-soon, stale or 待修正 counts alone: the districts’ own reminders tell those', () => {
    const busy = district('通川区', { counts: { overdue: 3, dueSoon: 2, stale: 4, toFix: 1, longOverdue: 1 }, reminder: '已发送' });
    expect(digestHasNews(input({ districts: [busy] }))).toBe(false);
  });

  it('has none for a holiday-table warning alone (it rides along when there is news)', () => {
    expect(digestHasNews(input({ calendarWarning: '节假日表只收录2021年至2026年的法定节假日' }))).toBe(false);
  });

  it.each<[string, Partial<DigestInput>]>([
    ['an open extension request', { openRequests: [request()] }],
    ['an enterprise waiting for acceptance', { awaitingAcceptance: [waiting()] }],
    ['an invalid setting', { settingsProblems: ['配置!B12：“进展更新提醒天数”应为1到365之间的整数'] }],
    ['a tab that needs repair', { tabsToRepair: [{ tab: '达川区', problem: '表头第4行不符' }] }],
    ['a report due inside the window', { districts: [district('通川区', MISSING)] }],
    ['a report missing past its due date', { today: '2022-03-28', reportWindow: true, districts: [district('通川区', MISSING)] }],
  ])('has news for %s, and the subject then says what', (_, over) => {
    const i = input(over);
    expect(digestHasNews(i)).toBe(true);
    expect(composeDigest(i).subject).toMatch(/^【整治台账日报】2022-03-2\d：\S+$/);
  });

  it('has none for a missing report before the window opens (the due date still more than 3 days away)', () => {
    expect(digestHasNews(input({ today: '2022-03-21', reportWindow: false, districts: [district('通川区', MISSING)] }))).toBe(false);
  });

  it('has news for a missing report on the due date itself', () => {
    expect(digestHasNews(input({ today: '2022-03-25', districts: [district('通川区', MISSING)] }))).toBe(true);
  });

  it('has none for a report made late, after the due date', () => {
    expect(digestHasNews(input({ today: '2022-03-28', districts: [district('通川区', { report: { kind: 'late', on: '2022-03-27' } })] }))).toBe(false);
  });
});

describe('the subject', () => {
  it('starts with 【整治台账日报】 and the day, then names every kind of news in a fixed order', () => {
    const mail = composeDigest(
      input({
        districts: [district('通川区', MISSING), district('达川区', MISSING), district('达州高新区')],
        openRequests: [request(), request({ name: '丙公司' })],
        awaitingAcceptance: [waiting()],
        settingsProblems: ['a', 'b'],
        tabsToRepair: [{ tab: '延期申请', problem: '缺少表头' }],
      }),
    );
    expect(mail.subject).toBe('【整治台账日报】2022-03-22：2个辖区待报送，延期申请2件，待验收1家，配置有误，1个工作表需修复');
  });

  it('says 未报送 instead of 待报送 once the due date has passed', () => {
    const mail = composeDigest(input({ today: '2022-03-26', districts: [district('通川区', MISSING), district('达川区')] }));
    expect(mail.subject).toBe('【整治台账日报】2022-03-26：1个辖区未报送');
  });

  it('puts 已停止发送提醒邮件 first when sending is stopped by an invalid 测试收件人', () => {
    const mail = composeDigest(input({ sendMode: 'stopped', settingsProblems: ['配置!B14：“测试收件人”不是有效的邮箱地址'] }));
    expect(mail.subject).toBe('【整治台账日报】2022-03-22：已停止发送提醒邮件，配置有误');
  });
});

describe('recipients and test mode', () => {
  it('goes live to exactly 领导小组办公室邮箱, without cc, without a test note or mark', () => {
    const mail = composeDigest(input({ officeEmails: ['ldxz@dz.gov.cn', 'jxj@dz.gov.cn'], awaitingAcceptance: [waiting()] }));
    expect(mail.to).toEqual(['ldxz@dz.gov.cn', 'jxj@dz.gov.cn']);
    expect(mail.cc).toEqual([]);
    expect(mail.recipientCount).toBe(2);
    expect(mail.subject.startsWith('【整治台账日报】')).toBe(true);
    expect(mail.body.startsWith('领导小组办公室：\n')).toBe(true);
    expect(mail.body).not.toContain('测试邮件');
    expect(sectionLines(mail.body, '发送模式')).toEqual(['发送模式：正式发送']);
  });

  it('has no recipient when 领导小组办公室邮箱 is empty (the daily job then skips it)', () => {
    const mail = composeDigest(input({ officeEmails: [] }));
    expect(mail.to).toEqual([]);
    expect(mail.recipientCount).toBe(0);
  });

  it('goes in test mode to the test recipient only, marked [测试], saying first whom it was meant for', () => {
    const mail = composeDigest(input({ officeEmails: ['ldxz@dz.gov.cn', 'jxj@dz.gov.cn'], testRecipient: 'tester@dz.gov.cn', sendMode: 'test' }));
    expect(mail.to).toEqual(['tester@dz.gov.cn']);
    expect(mail.cc).toEqual([]);
    expect(mail.recipientCount).toBe(1);
    expect(mail.subject).toBe('[测试]【整治台账日报】2022-03-22：');
    expect(mail.body.split('\n').slice(0, 3)).toEqual(['测试邮件：本应发送给 ldxz@dz.gov.cn, jxj@dz.gov.cn。', '', '领导小组办公室：']);
    expect(mail.htmlBody).toContain('<div style="font-family:sans-serif;font-size:14px;"><p style="color:#c00;">测试邮件：本应发送给 ldxz@dz.gov.cn, jxj@dz.gov.cn。</p><p>领导小组办公室：</p>');
    expect(sectionLines(mail.body, '发送模式')).toEqual(['发送模式：试运行（邮件只发给 tester@dz.gov.cn）']);
  });

  it('says in test mode when 领导小组办公室邮箱 is empty', () => {
    const mail = composeDigest(input({ officeEmails: [], testRecipient: 'tester@dz.gov.cn', sendMode: 'test' }));
    expect(mail.to).toEqual(['tester@dz.gov.cn']);
    expect(mail.body.split('\n')[0]).toBe('测试邮件：本应发送给 （领导小组办公室邮箱未填写）。');
  });

  it('still goes to the office when sending is stopped, and says why in its mode line', () => {
    const mail = composeDigest(input({ sendMode: 'stopped', testRecipient: '', settingsProblems: ['测试收件人无效'] }));
    expect(mail.to).toEqual(['ldxz@dz.gov.cn']);
    expect(mail.subject.startsWith('[测试]')).toBe(false);
    expect(sectionLines(mail.body, '发送模式')).toEqual(['发送模式：已停止发送（“测试收件人”无效，改正或清空前只向领导小组办公室发日报）']);
  });
});

describe('the HTML body escapes every user value', () => {
  const hostile = input({
    districts: [district('甲<b>钢铁</b>', { ...MISSING, reminder: '已发送<i>' })],
    openRequests: [request({ district: '甲<b>钢铁</b>', name: '乙<script>alert(1)</script>', originalDeadline: '2022-03-01"', requestedDeadline: "2022-06-30'", requestedBy: 'a&b@tc.gov.cn', submittedAt: '<t>' })],
    awaitingAcceptance: [waiting({ district: '丙&丁', name: '<img src=x onerror=alert(1)>', since: '<s>' })],
    settingsProblems: ['配置!B3：<u>无效</u>'],
    tabsToRepair: [{ tab: '<tab>', problem: '表头"错"' }],
    calendarWarning: '<blink>节假日</blink>',
    officeEmails: ["o'brien@dz.gov.cn"],
    testRecipient: 'x&y@dz.gov.cn',
    sendMode: 'test',
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit?a=1&b="><script>',
  });
  const mail = composeDigest(hostile);

  it('shows a name like 甲<b>钢铁</b> as text, in its line and in the request list', () => {
    expect(mail.htmlBody).toContain('<li>甲&lt;b&gt;钢铁&lt;/b&gt;：本季度进展待报送（截止3月25日）；延期申请待审批1件（今日提醒：已发送&lt;i&gt;）</li>');
    expect(mail.htmlBody).toContain(
      '<li>甲&lt;b&gt;钢铁&lt;/b&gt;｜乙&lt;script&gt;alert(1)&lt;/script&gt;｜原时限2022-03-01&quot;，申请延期至2022-06-30&#39;｜a&amp;b@tc.gov.cn于&lt;t&gt;提交</li>',
    );
  });

  it('escapes the waiting list, settings, tabs, the holiday warning, the test note and the mode line', () => {
    expect(mail.htmlBody).toContain('<li>丙&amp;丁｜&lt;img src=x onerror=alert(1)&gt;｜&lt;s&gt;起待验收</li>');
    expect(mail.htmlBody).toContain('<li>配置!B3：&lt;u&gt;无效&lt;/u&gt;</li>');
    expect(mail.htmlBody).toContain('<li>&lt;tab&gt;：表头&quot;错&quot;</li>');
    expect(mail.htmlBody).toContain('<li>&lt;blink&gt;节假日&lt;/blink&gt;</li>');
    expect(mail.htmlBody).toContain('<p style="color:#c00;">测试邮件：本应发送给 o&#39;brien@dz.gov.cn。</p>');
    expect(mail.htmlBody).toContain('<li>发送模式：试运行（邮件只发给 x&amp;y@dz.gov.cn）</li>');
  });

  it('escapes the spreadsheet link inside its href', () => {
    expect(mail.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit?a=1&amp;b=&quot;&gt;&lt;script&gt;" target="_blank">打开整治台账</a>');
  });

  it('holds no markup but its own: div, p, h3, ul, li and the one link', () => {
    const tags = new Set([...mail.htmlBody.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['a', 'div', 'h3', 'li', 'p', 'ul']);
    expect(mail.htmlBody.match(/<a /g)).toHaveLength(1);
  });

  it('keeps the same values as typed in the plain-text body (it is not HTML)', () => {
    expect(mail.body).toContain('- 甲<b>钢铁</b>｜乙<script>alert(1)</script>｜原时限2022-03-01"，申请延期至2022-06-30\'｜a&b@tc.gov.cn于<t>提交');
    expect(mail.body).toContain('打开整治台账：https://docs.google.com/spreadsheets/d/abc/edit?a=1&b="><script>');
    expect(mail.body).not.toContain('&lt;');
    expect(mail.body).not.toContain('&amp;');
  });
});

describe('the plain-text body', () => {
  it('is the salutation, the intro, every section as 【title】 with “- ” lines, the link and the footer', () => {
    const mail = composeDigest(
      input({
        districts: [district('通川区', { ...MISSING, counts: { overdue: 2, dueSoon: 0, stale: 1, toFix: 0, longOverdue: 1 }, reminder: '已发送' }), district('达川区', { reminder: '无需提醒' })],
        openRequests: [request()],
        awaitingAcceptance: [waiting({ since: '' })],
      }),
    );
    expect(mail.body).toBe(
      [
        '领导小组办公室：',
        '',
        '截至2022-03-22（北京时间），《达州市主城工业企业突出生态环境问题整治工作台账》2022年第1季度（季度报送截止日2022-03-25）需要领导小组办公室关注的事项如下。',
        '',
        '【发送模式】',
        '- 发送模式：正式发送',
        '',
        '【各辖区情况】',
        '- 通川区：本季度进展待报送（截止3月25日）；逾期2家（其中超过30天1家），久未更新1家；延期申请待审批1件（今日提醒：已发送）',
        '- 达川区：待验收销号1家（今日提醒：无需提醒）',
        '',
        `【延期申请待审批（1件，请通过菜单“${DECIDE}”处理）】`,
        '- 通川区｜甲公司｜原时限2022-03-01，申请延期至2022-06-30｜clerk@tc.gov.cn于2022-03-20 10:15提交',
        '',
        `【已完成（待验收）的企业（1家，验收后通过菜单“${ACCEPT}”记录）】`,
        '- 达川区｜乙公司',
        '',
        '打开整治台账：https://docs.google.com/spreadsheets/d/abc/edit',
        '',
        '本日报由整治台账每日自动任务在各辖区提醒发出之后发送，每天最多一封。',
      ].join('\n'),
    );
  });

  it('marks a 季度报送截止日 that falls on a day off (2022-09-25, a Sunday)', () => {
    const mail = composeDigest(input({ today: '2022-09-23', quarter: { year: 2022, q: 3 }, dueDate: '2022-09-25' }));
    expect(mail.body).toContain('《达州市主城工业企业突出生态环境问题整治工作台账》2022年第3季度（季度报送截止日2022-09-25（遇节假日：周日））需要');
  });
});

describe('one line per district', () => {
  it('keeps the districts in the order given and says 无待办事项 for one with nothing', () => {
    expect(districtLines(INPUT)).toEqual(['通川区：无待办事项', '达川区：无待办事项', '达州高新区：无待办事项']);
  });

  it('names each non-zero count with its term and unit, leaving zeros out', () => {
    const counts = { overdue: 3, dueSoon: 2, stale: 0, toFix: 4, longOverdue: 0 };
    expect(districtLines(input({ districts: [district('通川区', { counts })] }))).toEqual(['通川区：逾期3家，即将到期2家，待修正4行']);
  });

  it('says how many are overdue more than 30 days, only when there are some', () => {
    const counts = { overdue: 5, dueSoon: 0, stale: 0, toFix: 0, longOverdue: 2 };
    expect(districtLines(input({ districts: [district('通川区', { counts })] }))).toEqual(['通川区：逾期5家（其中超过30天2家）']);
  });

  it('says a tab that cannot be read is unreadable, after its report', () => {
    expect(districtLines(input({ districts: [district('达川区', { ...MISSING, counts: null, reminder: '工作表无法读取' })] }))).toEqual([
      '达川区：本季度进展待报送（截止3月25日）；工作表无法读取（见下文）（今日提醒：工作表无法读取）',
    ]);
  });

  it('says 未报送（已过截止日） after the due date, and nothing of a missing report before the window', () => {
    expect(districtLines(input({ today: '2022-03-31', districts: [district('通川区', MISSING)] }))).toEqual(['通川区：本季度进展未报送（已过截止日）']);
    expect(districtLines(input({ today: '2022-03-10', reportWindow: false, districts: [district('通川区', MISSING)] }))).toEqual(['通川区：无待办事项']);
  });

  it('counts each district’s own requests and waiting enterprises only', () => {
    const i = input({
      openRequests: [request(), request({ name: '丁公司' }), request({ district: '达州高新区' })],
      awaitingAcceptance: [waiting(), waiting({ district: '通川区' })],
    });
    expect(districtLines(i)).toEqual(['通川区：延期申请待审批2件；待验收销号1家', '达川区：待验收销号1家', '达州高新区：延期申请待审批1件']);
  });
});

describe('sections appear only with content', () => {
  it('has only the mode and the districts when nothing else waits, in text and HTML alike', () => {
    const mail = composeDigest(INPUT);
    expect(bodyTitles(mail.body)).toEqual(['【发送模式】', '【各辖区情况】']);
    expect(htmlTitles(mail.htmlBody)).toEqual(['【发送模式】', '【各辖区情况】']);
  });

  it('adds each list in a fixed order, each line as given', () => {
    const mail = composeDigest(
      input({
        openRequests: [request()],
        awaitingAcceptance: [waiting(), waiting({ district: '通川区', name: '戊公司', since: '' })],
        settingsProblems: ['配置!B10：“即将到期提醒天数”应为0到90之间的整数', '配置!B12：“进展更新提醒天数”应为1到365之间的整数'],
        tabsToRepair: [{ tab: '达川区', problem: '第4行表头“企业名称”不符' }, { tab: '延期申请', problem: '缺少表头：审批状态' }],
        calendarWarning: '节假日表只收录2021年至2026年的法定节假日，2027-01-04不在表内',
      }),
    );
    const titles = [
      '【发送模式】',
      '【各辖区情况】',
      `【延期申请待审批（1件，请通过菜单“${DECIDE}”处理）】`,
      `【已完成（待验收）的企业（2家，验收后通过菜单“${ACCEPT}”记录）】`,
      '【“配置”中需要修正的设置】',
      `【需要修复的工作表（请检查表头，或运行“${SETUP}”）】`,
      '【节假日表】',
    ];
    expect(bodyTitles(mail.body)).toEqual(titles);
    expect(htmlTitles(mail.htmlBody)).toEqual(titles);
    expect(sectionLines(mail.body, titles[3]!.slice(1, -1))).toEqual(['达川区｜乙公司｜2022-03-01起待验收', '通川区｜戊公司']);
    expect(sectionLines(mail.body, '“配置”中需要修正的设置')).toEqual([
      '配置!B10：“即将到期提醒天数”应为0到90之间的整数',
      '配置!B12：“进展更新提醒天数”应为1到365之间的整数',
    ]);
    expect(sectionLines(mail.body, titles[5]!.slice(1, -1))).toEqual(['达川区：第4行表头“企业名称”不符', '延期申请：缺少表头：审批状态']);
    expect(sectionLines(mail.body, '节假日表')).toEqual(['节假日表只收录2021年至2026年的法定节假日，2027-01-04不在表内']);
  });

  it.each<[string, Partial<DigestInput>]>([
    ['延期申请待审批', { awaitingAcceptance: [waiting()], settingsProblems: ['x'], tabsToRepair: [{ tab: 't', problem: 'p' }], calendarWarning: 'w' }],
    ['已完成（待验收）的企业', { openRequests: [request()], settingsProblems: ['x'], tabsToRepair: [{ tab: 't', problem: 'p' }], calendarWarning: 'w' }],
    ['“配置”中需要修正的设置', { openRequests: [request()], awaitingAcceptance: [waiting()], tabsToRepair: [{ tab: 't', problem: 'p' }], calendarWarning: 'w' }],
    ['需要修复的工作表', { openRequests: [request()], awaitingAcceptance: [waiting()], settingsProblems: ['x'], calendarWarning: 'w' }],
    ['节假日表', { openRequests: [request()], awaitingAcceptance: [waiting()], settingsProblems: ['x'], tabsToRepair: [{ tab: 't', problem: 'p' }] }],
  ])('leaves out 【%s】 when it has nothing, the others present', (title, over) => {
    const mail = composeDigest(input(over));
    expect(bodyTitles(mail.body)).toHaveLength(6);
    expect(bodyTitles(mail.body).some((t) => t.startsWith(`【${title}`))).toBe(false);
    expect(htmlTitles(mail.htmlBody).some((t) => t.startsWith(`【${title}`))).toBe(false);
  });

  it('lists at most 30 requests and says how many more wait in 延期申请, the title counting them all', () => {
    const many = Array.from({ length: 31 }, (_, n) => request({ name: `企业${n + 1}` }));
    const mail = composeDigest(input({ openRequests: many }));
    const lines = sectionLines(mail.body, `延期申请待审批（31件，请通过菜单“${DECIDE}”处理）`);
    expect(lines).toHaveLength(31);
    expect(lines[29]).toBe('通川区｜企业30｜原时限2022-03-01，申请延期至2022-06-30｜clerk@tc.gov.cn于2022-03-20 10:15提交');
    expect(lines[30]).toBe('另有1件，见“延期申请”工作表。');
    expect(mail.htmlBody).not.toContain('企业31');
  });

  it('lists exactly 30 requests without a “more” line', () => {
    const lines = sectionLines(composeDigest(input({ openRequests: Array.from({ length: 30 }, () => request()) })).body, `延期申请待审批（30件，请通过菜单“${DECIDE}”处理）`);
    expect(lines).toHaveLength(30);
    expect(lines.some((l) => l.startsWith('另有'))).toBe(false);
  });

  it('lists at most 30 waiting enterprises and points to the district tabs for the rest', () => {
    const many = Array.from({ length: 32 }, (_, n) => waiting({ name: `企业${n + 1}` }));
    const lines = sectionLines(composeDigest(input({ awaitingAcceptance: many })).body, `已完成（待验收）的企业（32家，验收后通过菜单“${ACCEPT}”记录）`);
    expect(lines).toHaveLength(31);
    expect(lines[30]).toBe('另有2家，见各辖区工作表。');
  });
});
