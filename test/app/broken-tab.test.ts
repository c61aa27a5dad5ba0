// One district's tab whose header no longer matches stays that district's problem: saves, 汇总 and reminders of the others go on; the office is told (issue 12 point 5).
import { CONTACT, OFFICE_CC, OWNER, mailsTo, runDaily, sheetValues, world } from '../support/reminder-world';
import { payload } from '../support/ledger-world';

const TC = CONTACT['通川区']!;
const DC = CONTACT['达川区']!;

/** 通川区 and 达川区 each with an overdue enterprise; then 通川区's header D4 typed over. */
function broken() {
  const emu = world('2022-03-10T01:00:00Z', {
    通川区: [{ name: '甲公司', deadline: '2022-03-01' }],
    达川区: [{ name: '乙公司', deadline: '2022-03-02' }],
  });
  emu.setUser(OWNER);
  expect(emu.userEdit('通川区', 'D4', '地址').ok).toBe(true);
  return emu;
}

const save = (emu: ReturnType<typeof broken>, p: unknown) => {
  const r = emu.scriptRun('submitEnterprise', p);
  if (!r.ok) throw new Error(String(r.error));
  return r.value as { ok: boolean; errors?: Record<string, string> };
};

describe('a district tab whose header no longer matches', () => {
  it('refuses saves into that tab with the header problem, and lets the other districts save', () => {
    const emu = broken();
    const refused = save(emu, payload({ district: '通川区' }));
    expect(refused.ok).toBe(false);
    expect(refused.errors?.['_form']).toContain('“通川区”工作表：表头与台账模板不一致');
    expect(refused.errors?.['_form']).toContain('D列表头应为“企业详细地址”');
    expect(save(emu, payload({ district: '达川区' })).ok).toBe(true);
  });

  it('names the tab on 汇总’s top line as soon as its header is typed over, counting the others', () => {
    const emu = world('2022-03-10T01:00:00Z', { 达川区: [{ name: '乙公司', deadline: '2022-03-02' }] });
    emu.setUser(OWNER);
    emu.clickMenu('安装自动任务');
    emu.advance(2 * 60 * 1000);
    expect(emu.userEdit('通川区', 'D4', '地址').ok).toBe(true);
    const grid = sheetValues(emu, '汇总');
    expect(grid[0]!.join('')).toContain('工作表需修复：“通川区”未计入');
    const dc = grid.find((r) => r[0] === '达川区')!;
    expect(dc[1]).toBe(1);
  });

  it('still sends that district its reminder, saying its tab needs repair, and the others theirs; the office’s digest names it', () => {
    const emu = broken();
    runDaily(emu);
    const tc = mailsTo(emu, TC.email).filter((m) => m.subject.includes('【整治台账提醒】'));
    expect(tc).toHaveLength(1);
    expect(tc[0]!.body).toContain('【工作表需修复】截至2022-03-10（北京时间），通川区工作表需要先修复');
    expect(tc[0]!.body).not.toContain('没有逾期或即将到期的企业');
    expect(tc[0]!.body).toContain('D列表头应为“企业详细地址”');
    expect(tc[0]!.cc).toBe(OFFICE_CC);
    const dc = mailsTo(emu, DC.email).filter((m) => m.subject.includes('【整治台账提醒】'));
    expect(dc).toHaveLength(1);
    expect(dc[0]!.body).toContain('乙公司');
    const digest = emu.outbox.find((m) => m.subject.startsWith('【整治台账日报】'))!;
    expect(digest.subject).toContain('1个工作表需修复');
    expect(digest.body).toContain('- 通川区：工作表无法读取（见下文）');
  });
});
