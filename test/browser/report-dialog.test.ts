// The built 报送本季度进展 dialog in headless Chromium: it reports through the typed client, shows the server's refusal and the client's one failure message.
import type { Page } from 'playwright-core';
import type { Emulator, ScriptRunner } from '@eco-ledger/emulator';
import { CONTACT, world } from '../support/reminder-world';
import { useChromium } from '../support/browser';
import { openBridgedPage, type Bridge } from '../support/script-run-bridge';

const TC_CLERK = CONTACT['通川区']!.clerk;

const chromium = useChromium();

/** What 报送本季度进展 showed the 通川区 clerk on their tab, served with the bridge; `runner` can stand in for Apps Script. */
async function openDialog(runner?: (emu: Emulator) => ScriptRunner): Promise<{ emu: Emulator; bridge: Bridge; page: Page }> {
  const emu = world('2022-03-25T08:00:00Z', { 通川区: [{ name: '甲公司', deadline: '2022-06-01' }] });
  emu.setUser(TC_CLERK);
  emu.model.setActive('通川区', 'C5');
  emu.clickMenu('报送本季度进展');
  const dialog = emu.ui.dialogs.at(-1);
  if (!dialog) throw new Error('报送本季度进展 showed no dialog');
  const { page, bridge, close } = await openBridgedPage(chromium.browser, runner ? runner(emu) : emu, dialog.html, { width: 520, height: 600 });
  chromium.afterThisTest(async () => expect(await close()).toEqual([]));
  await page.waitForSelector('#narrative');
  return { emu, bridge, page };
}

describe('the 报送本季度进展 dialog in Chromium', () => {
  it('reports the narrative through submitQuarterReport and says the quarter and on time', async () => {
    const { bridge, page } = await openDialog();
    await page.fill('#narrative', '完成甲公司密闭改造方案。');
    await page.click('#submit');
    await page.waitForSelector('#done:not([hidden])');
    expect(await page.textContent('#done')).toBe('已报送“通川区”2022年第1季度进展（按时）。可以关闭本窗口。');
    expect(bridge.calls.map((c) => [c.fn, c.args])).toEqual([['submitQuarterReport', [{ district: '通川区', narrative: '完成甲公司密闭改造方案。' }]]]);
  });

  it('counts characters as the server does (𠀀 is one) and refuses 2,001 of them on the page, sending nothing', async () => {
    const { bridge, page } = await openDialog();
    await page.fill('#narrative', '𠀀'.repeat(2000));
    expect(await page.textContent('#narrative-count')).toBe('2000 / 2000 字');
    await page.fill('#narrative', '𠀀'.repeat(2001));
    expect(await page.textContent('#narrative-count')).toBe('2001 / 2000 字');
    await page.click('#submit');
    expect(await page.textContent('#narrative-error')).toBe('进展说明最多2000字，现为2001字，请精简后再报送。');
    expect(bridge.calls).toEqual([]);
  });

  it('shows the server’s refusal as an answer: another district’s report is refused on the form', async () => {
    const { bridge, page } = await openDialog((emu) => ({
      scriptRun: (fn, ...args) => emu.scriptRun(fn, ...args.map((a) => ({ ...(a as object), district: '达川区' }))),
    }));
    await page.fill('#narrative', '说明');
    await page.click('#submit');
    await page.waitForSelector('#form-message:not([hidden])');
    expect(await page.textContent('#form-message')).not.toBe('');
    expect(await page.textContent('#form-message')).not.toContain('服务器没有答复');
    expect(await page.isHidden('#done')).toBe(true);
    expect(bridge.calls[0]!.result).toMatchObject({ ok: true, value: { ok: false } });
  });

  it('a call Apps Script fails shows the client’s one failure message and 确认报送 comes back', async () => {
    const { bridge, page } = await openDialog(() => ({ scriptRun: () => ({ ok: false, error: 'Exceeded maximum execution time' }) }));
    await page.fill('#narrative', '说明');
    await page.click('#submit');
    await page.waitForSelector('#form-message:not([hidden])');
    expect(await page.textContent('#form-message')).toBe(
      '报送未完成：服务器没有答复（Exceeded maximum execution time）。请稍后重试；如果仍然出错，请联系领导小组办公室并告知发生时间。',
    );
    expect(await page.isDisabled('#submit')).toBe(false);
    expect(await page.textContent('#submit')).toBe('确认报送');
    expect(bridge.calls).toHaveLength(1);
  });
});
