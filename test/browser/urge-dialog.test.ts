// The built 立即催办 dialog in headless Chromium: default ticks, each email shown as text, the send through sendUrgeNow and its answer.
import type { Page } from 'playwright-core';
import type { Emulator } from '@eco-ledger/emulator';
import { OWNER, world } from '../support/reminder-world';
import { useChromium } from '../support/browser';
import { openBridgedPage, type Bridge } from '../support/script-run-bridge';

const chromium = useChromium();

/** What 立即催办 showed the office on 2022-03-10: 通川区 overdue (a name written as markup), 达川区 due soon, 达州高新区 nothing. */
async function openDialog(): Promise<{ emu: Emulator; bridge: Bridge; page: Page }> {
  const emu = world('2022-03-10T06:00:00Z', {
    通川区: [{ name: '甲<img src=x onerror="document.title=1">公司', deadline: '2022-03-01' }],
    达川区: [{ name: '乙公司', deadline: '2022-03-12' }],
  });
  emu.setUser(OWNER);
  emu.clickMenu('立即催办');
  const dialog = emu.ui.dialogs.at(-1);
  if (!dialog) throw new Error('立即催办 showed no dialog');
  const { page, bridge, close } = await openBridgedPage(chromium.browser, emu, dialog.html, { width: 820, height: 640 });
  chromium.afterThisTest(async () => expect(await close()).toEqual([]));
  await page.waitForSelector('#pick-0');
  return { emu, bridge, page };
}

describe('the 立即催办 dialog in Chromium', () => {
  it('ticks the districts with something to say and shows each email as text, a name written as markup included', async () => {
    const { page } = await openDialog();
    expect(await page.isChecked('#pick-0')).toBe(true);
    expect(await page.isChecked('#pick-1')).toBe(true);
    expect(await page.isChecked('#pick-2')).toBe(false);
    expect(await page.textContent('#districts')).toContain('达州高新区不发送：无逾期、即将到期企业');
    const body = await page.locator('.mail .body').first().textContent();
    expect(body).toContain('甲<img src=x onerror="document.title=1">公司｜整改完成时限 2022-03-01｜逾期9天｜整改中');
    expect(await page.locator('.mail img').count()).toBe(0);
    expect(await page.title()).toBe('立即催办');
  });

  it('sends the ticked districts through sendUrgeNow and says what went and what did not', async () => {
    const { emu, bridge, page } = await openDialog();
    await page.uncheck('#pick-1');
    expect(await page.isHidden('.mail >> nth=1')).toBe(true);
    await page.check('#pick-2');
    await page.click('#submit');
    await page.waitForSelector('#done:not([hidden])');
    expect(bridge.calls.map((c) => [c.fn, c.args])).toEqual([['sendUrgeNow', [{ districts: ['通川区', '达州高新区'] }]]]);
    expect(await page.textContent('#done')).toBe(
      '已发送催办：通川区。\n未发送：达州高新区（无逾期、即将到期企业，也无需提醒季度报送）\n详情已记入“操作日志”。可以关闭本窗口。',
    );
    expect(emu.outbox.map((m) => m.subject)).toEqual(['【整治台账催办】通川区：1家企业逾期']);
  });

  it('asks for a district when none is ticked, and calls nothing', async () => {
    const { bridge, page } = await openDialog();
    await page.uncheck('#pick-0');
    await page.uncheck('#pick-1');
    await page.click('#submit');
    expect(await page.textContent('#form-message')).toBe('请至少勾选一个辖区。');
    expect(bridge.calls).toEqual([]);
  });
});
