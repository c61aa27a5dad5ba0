// onOpen on the built dist/: the 整治台账 menu of contract §6, every item naming a top-level function.
import { Emulator, type MenuEntry } from '@eco-ledger/emulator';

const CONTRACT_CAPTIONS = ['新增企业', '编辑选中企业', '校验本表', '报送本季度进展', '刷新汇总', '预览提醒邮件', '初始化/修复表格', '安装自动任务', '卸载自动任务'];

function items(entries: MenuEntry[]): { caption: string; functionName: string }[] {
  return entries.flatMap((e) => ('items' in e ? items(e.items) : 'functionName' in e ? [e] : []));
}

describe('onOpen', () => {
  it('builds the 整治台账 menu as a simple trigger, with no account revealed', () => {
    const emu = Emulator.fromDist({ distDir: 'dist', now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });
    emu.setUser('clerk@tc.gov.cn', { revealed: false });
    emu.open();
    expect(emu.lastExecution?.ok).toBe(true);
    expect(emu.lastExecution?.authMode).toBe('LIMITED');
    const menus = emu.menu();
    expect(menus.map((m) => m.caption)).toEqual(['整治台账']);
    const captions = items(menus[0]?.items ?? []).map((i) => i.caption);
    for (const caption of CONTRACT_CAPTIONS) expect(captions.some((c) => c.includes(caption))).toBe(true);
  });

  it('names a top-level function of the pushed code in every item', () => {
    const emu = Emulator.fromDist({ distDir: 'dist', now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });
    emu.open();
    const entries = items(emu.menu()[0]?.items ?? []);
    expect(entries.length).toBeGreaterThanOrEqual(CONTRACT_CAPTIONS.length);
    for (const { functionName } of entries) {
      expect(functionName).not.toMatch(/_$/);
      expect(emu.project.functions.has(functionName)).toBe(true);
    }
  });
});
