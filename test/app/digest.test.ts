// The office's daily digest (src/app/digest.ts, contract §11): after the reminders, once a day, what waits for the office; under a tight quota it waits and tells the day as it ended.
import { OFFICE_CC, OWNER, logRows, reminderMails, runDaily, world } from '../support/reminder-world';

// 2022-03-22: every district's report is due, so each gets a reminder and the digest has news.
const NOW = '2022-03-22T01:00:00Z';
const firms = {
  通川区: [{ name: '甲公司', deadline: '2022-02-01' }, { name: '待验收公司', deadline: '2022-03-01', status: '已完成（待验收）' }],
  达川区: [{ name: '乙公司', deadline: '2022-03-01' }, { name: '丙公司', deadline: '2022-03-24' }],
};
const kind = (subject: string): string => subject.slice(0, 8);

describe('the digest under a tight quota (issue 14 done-when)', () => {
  test('quota for one reminder: the rest and the digest queue; later runs send them in urgency order, the digest last, once', () => {
    const emu = world(NOW, firms);
    emu.setMailQuota(2);
    runDaily(emu);
    expect(emu.outbox.map((m) => m.to)).toEqual(['tc@tc.gov.cn']); // 49 days overdue beats 21
    const queued = logRows(emu).filter((r) => r[9]!.startsWith('排队')).map((r) => r[2]);
    expect(queued).toEqual(['达川区', '达州高新区', '领导小组办公室']);

    emu.setNow('2022-03-22T03:00:00Z');
    emu.setMailQuota(3); // one more reminder (2) and a single address left: the digest still waits behind 达州高新区
    runDaily(emu);
    expect(emu.outbox.map((m) => kind(m.subject))).toEqual(['【整治台账提醒】', '【整治台账提醒】']);

    emu.setNow('2022-03-22T05:00:00Z');
    emu.setMailQuota(3); // the last reminder (2) and the digest (1) exactly
    runDaily(emu);
    runDaily(emu);
    expect(emu.outbox.map((m) => `${kind(m.subject)}${m.to}`)).toEqual([
      '【整治台账提醒】tc@tc.gov.cn',
      '【整治台账提醒】dc@dc.gov.cn',
      '【整治台账提醒】gx@gx.gov.cn',
      `【整治台账日报】${OFFICE_CC}`,
    ]);
    const digest = emu.outbox[3]!;
    expect(digest.subject).toBe('【整治台账日报】2022-03-22：3个辖区待报送，待验收1家');
    // One line per district in 配置's order, each saying what became of its reminder today.
    expect(digest.body.split('\n').filter((l) => /^- (通川区|达川区|达州高新区)：/.test(l))).toEqual([
      '- 通川区：本季度进展待报送（截止3月25日）；逾期1家（其中超过30天1家）；待验收销号1家（今日提醒：已发送）',
      '- 达川区：本季度进展待报送（截止3月25日）；逾期1家，即将到期1家（今日提醒：已发送）',
      '- 达州高新区：本季度进展待报送（截止3月25日）（今日提醒：已发送）',
    ]);
    expect(digest.body).toContain('通川区｜待验收公司');
    expect(logRows(emu).filter((r) => r[9] === '发送领导小组办公室日报')).toHaveLength(1);
  });
});

describe("the office's daily digest (contract §11)", () => {
  const firms = {
    通川区: [{ name: '甲公司', deadline: '2022-03-01' }, { name: '待验收公司', deadline: '2022-03-01', status: '已完成（待验收）' }],
    达川区: [{ name: '乙公司', deadline: '2022-03-24' }],
  };
  const digests = (emu: ReturnType<typeof world>) => emu.outbox.filter((m) => m.subject.startsWith('【整治台账日报】'));

  test('goes to the office after the districts’ reminders, one line per district, once a day', () => {
    const emu = world('2022-03-22T01:00:00Z', firms);
    runDaily(emu);
    const subjects = emu.outbox.map((m) => m.subject);
    expect(subjects).toHaveLength(4);
    expect(subjects.slice(0, 3).every((s) => s.startsWith('【整治台账提醒】'))).toBe(true);
    const digest = emu.outbox[3]!;
    expect(digest.subject).toBe('【整治台账日报】2022-03-22：3个辖区待报送，待验收1家');
    expect(digest.to).toBe(OFFICE_CC);
    expect(digest.cc).toBe('');
    const lines = digest.body.split('\n');
    const districtLines = lines.filter((l) => /^- (通川区|达川区|达州高新区)：/.test(l));
    expect(districtLines).toEqual([
      '- 通川区：本季度进展待报送（截止3月25日）；逾期1家；待验收销号1家（今日提醒：已发送）',
      '- 达川区：本季度进展待报送（截止3月25日）；即将到期1家（今日提醒：已发送）',
      '- 达州高新区：本季度进展待报送（截止3月25日）（今日提醒：已发送）',
    ]);
    expect(digest.body).toContain('通川区｜待验收公司');
    expect(logRows(emu).filter((r) => r[9] === '发送领导小组办公室日报')).toHaveLength(1);
    runDaily(emu);
    expect(digests(emu)).toHaveLength(1);
  });

  test('waits for the quota the districts leave: queued while they use it all, sent by a later run', () => {
    const emu = world('2022-03-22T01:00:00Z', firms);
    emu.setMailQuota(6); // exactly the three reminders (contact + office each)
    runDaily(emu);
    expect(reminderMails(emu)).toHaveLength(3);
    expect(digests(emu)).toHaveLength(0);
    expect(logRows(emu).filter((r) => r[2] === '领导小组办公室' && r[9]!.includes('配额不足'))).toHaveLength(1);
    emu.setNow('2022-03-22T05:00:00Z');
    emu.setMailQuota(1);
    runDaily(emu);
    expect(digests(emu)).toHaveLength(1);
    expect(reminderMails(emu)).toHaveLength(3);
  });

  test('is held back while a district reminder is still queued (strict priority), then follows it', () => {
    const emu = world('2022-03-22T01:00:00Z', firms);
    emu.setMailQuota(4); // two reminders fit, the third waits, and so does the digest
    runDaily(emu);
    expect(reminderMails(emu)).toHaveLength(2);
    expect(digests(emu)).toHaveLength(0);
    emu.setNow('2022-03-22T05:00:00Z');
    emu.setMailQuota(100);
    runDaily(emu);
    expect(emu.outbox.map((m) => m.subject.slice(0, 8))).toEqual(['【整治台账提醒】', '【整治台账提醒】', '【整治台账提醒】', '【整治台账日报】']);
  });

  test('is not sent when nothing waits for the office', () => {
    const emu = world('2022-03-10T01:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-03-01' }] });
    runDaily(emu);
    expect(digests(emu)).toEqual([]);
    expect(logRows(emu).some((r) => r[9] === '跳过：日报无事项')).toBe(true);
  });

  test('names a broken tab and invalid settings', () => {
    const emu = world('2022-03-10T01:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-03-01' }] }, {}, { staleDays: '很多' });
    emu.setUser(OWNER);
    expect(emu.userEdit('达川区', 'C4', '名称').ok).toBe(true);
    runDaily(emu);
    const digest = digests(emu)[0]!;
    expect(digest.subject).toContain('配置有误');
    expect(digest.subject).toContain('1个工作表需修复');
    expect(digest.body).toContain('“进展更新提醒天数”应为1到365之间的整数');
    expect(digest.body).toContain('达川区：');
    expect(digest.body).toContain('- 达川区：工作表无法读取（见下文）');
  });
});
