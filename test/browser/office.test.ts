// Contract §10 in headless Chromium: a clerk's edit form offers no way to close; the office closes through 验收销号.
import type { Emulator } from '@eco-ledger/emulator';
import { withCheckChar } from '../../src/domain/credit-code';
import { enterprise } from '../support/enterprise';
import { OWNER, TC_CLERK, modelOf, setEditors, setUp, values } from '../support/ledger-world';
import { useChromium } from '../support/browser';
import { openBridgedPage } from '../support/script-run-bridge';

const chromium = useChromium();

/** One enterprise at 已完成（待验收） on 通川区 row 5, added by its clerk. */
function world(): Emulator {
  const emu = setUp();
  setEditors(emu, '通川区', TC_CLERK);
  emu.setUser(TC_CLERK);
  const saved = emu.scriptRun('submitEnterprise', enterprise({
    name: '待验收企业', address: '通川区', creditCode: withCheckChar('91511700MA6300999'), industry: '铸造', employees: 20, deadline: '2022-12-31', status: '已完成（待验收）', town: '其他',
  }));
  expect(saved).toMatchObject({ ok: true, value: { ok: true, row: 5 } });
  modelOf(emu).setActive('通川区', 'C5');
  return emu;
}

async function open(emu: Emulator, html: string, wait: string) {
  const { page, bridge, close } = await openBridgedPage(chromium.browser, emu, html, { width: 520, height: 900 });
  chromium.afterThisTest(async () => expect(await close()).toEqual([]));
  await page.waitForSelector(wait);
  return { page, bridge };
}

describe('only the office closes (contract §10)', () => {
  it('a clerk’s edit form has no 已验收销号 choice, no 销号日期 and a read-only deadline with a 申请延期 link', async () => {
    const emu = world();
    emu.clickMenu('编辑选中企业');
    const { page, bridge } = await open(emu, emu.ui.sidebars.at(-1)!.html, '#f-name');
    const statuses = await page.$$eval('#f-status option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(statuses).not.toContain('已验收销号');
    expect(statuses).toContain('已完成（待验收）');
    expect(await page.isHidden('#w-closedOn')).toBe(true);
    expect(await page.getAttribute('#f-deadline', 'readonly')).not.toBeNull();
    expect(await page.getAttribute('#ask-extension', 'target')).toBe('_top');
    await page.click('#ask-extension');
    for (let i = 0; i < 50 && bridge.calls.length === 0; i += 1) await page.waitForTimeout(100);
    expect(bridge.calls.map((c) => c.fn)).toEqual(['menuRequestExtension']);
    expect(emu.ui.dialogs.at(-1)?.title).toBe('申请延期');
    expect(values(emu, '通川区', 'T5:V5')[0]).toEqual(['已完成（待验收）', '其他', '']);
  });

  it('the office records 验收销号 in its dialog: the row is closed with that date and 验收记录 has the record', async () => {
    const emu = world();
    emu.setUser(OWNER);
    emu.clickMenu('编辑选中企业');
    const sidebar = await open(emu, emu.ui.sidebars.at(-1)!.html, '#f-name');
    expect(await sidebar.page.$$eval('#f-status option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toContain('已验收销号');
    emu.clickMenu('验收销号');
    const dialog = emu.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('验收销号');
    const { page, bridge } = await open(emu, dialog.html, '#date');
    expect(await page.textContent('#about')).toContain('企业名称：待验收企业');
    await page.fill('#date', '2022-03-18');
    await page.fill('#departments', '市经信局、市生态环境局、通川区政府');
    await page.check('input[name="passed"][value="yes"]');
    await page.click('#submit');
    await page.waitForSelector('#done:not([hidden])');
    expect(bridge.calls.map((c) => c.fn)).toEqual(['recordAcceptance']);
    expect(await page.textContent('#done')).toContain('已验收销号（销号日期2022-03-18）');
    expect(values(emu, '通川区', 'T5:V5')[0]).toEqual(['已验收销号', '其他', new Date('2022-03-18T00:00:00+08:00')]);
    expect(values(emu, '验收记录', 'A2:E2')[0]).toEqual(['2022-03-18', '通川区', withCheckChar('91511700MA6300999'), '待验收企业', '通过']);
  });
});
