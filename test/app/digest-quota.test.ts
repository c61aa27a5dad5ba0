// The office's digest under a tight quota: it waits behind every district's reminder and, once sent, tells the day as it ended.
import { OFFICE_CC, logRows, runDaily, world } from '../support/reminder-world';

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
