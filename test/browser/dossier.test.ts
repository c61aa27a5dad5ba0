// The 企业档案 dialog as the emulator showed it, in headless Chromium: newest first, filter by kind, oldest first, text stays text.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LOG_HEADERS, TAB } from '../../src/domain/contract';
import { OWNER, TC_CLERK, modelOf, payload, setEditors, setUp, tab } from '../support/ledger-world';
import { useChromium } from '../support/browser';
import { openBridgedPage } from '../support/script-run-bridge';

const OUTPUT = join(__dirname, '..', '..', 'test-output');

const chromium = useChromium();

const logLine = (over: Partial<Record<(typeof LOG_HEADERS)[number], unknown>>): unknown[] => LOG_HEADERS.map((h) => over[h] ?? '');

/** An enterprise added and edited through the sidebar, with an extension and an acceptance logged by the office; its dialog. */
async function openDossier(): Promise<Page> {
  const emu = setUp('2022-03-20T09:00:00+08:00');
  setEditors(emu, '通川区', TC_CLERK);
  emu.setUser(TC_CLERK);
  const p = payload({ district: '通川区', name: '达州市<i>甲</i>建材有限公司' });
  const saved = emu.scriptRun('submitEnterprise', p);
  if (!saved.ok) throw new Error(saved.error);
  emu.setNow('2022-04-02T15:45:00+08:00');
  emu.scriptRun('updateEnterprise', { ...p, progress: '已完成方案编制' });
  modelOf(emu).setValuesRaw(TAB.log, tab(emu, TAB.log).lastRow() + 1, 1, [
    logLine({ 时间: '2022-05-01 10:00:00', 账号: TC_CLERK, 工作表: '通川区', 统一社会信用代码: p.creditCode, 字段: '整改完成时限', 原值: '44742', 新值: '2022-09-30', 操作: '申请延期（待审批）：设备到货延迟' }),
    logLine({ 时间: '2022-05-03 16:20:00', 账号: OWNER, 工作表: '通川区', 统一社会信用代码: p.creditCode, 字段: '整改完成时限', 原值: '2022-06-30', 新值: '2022-09-30', 操作: '延期申请已批准：同意' }),
    logLine({ 时间: '2022-10-10 17:00:00', 账号: OWNER, 工作表: '通川区', 统一社会信用代码: p.creditCode, 字段: '整改状态', 原值: '已完成（待验收）', 新值: '已验收销号', 操作: '验收销号：通过（市生态环境局）' }),
  ]);
  modelOf(emu).setActive('通川区', 'C5');
  emu.clickMenu('企业档案');
  const dialog = emu.ui.dialogs.at(-1);
  if (!dialog) throw new Error(`no dialog: ${JSON.stringify(emu.ui.alerts)}`);
  const { page, close } = await openBridgedPage(chromium.browser, emu, dialog.html, { width: dialog.width ?? 960, height: dialog.height ?? 640 });
  chromium.afterThisTest(async () => expect(await close()).toEqual([]));
  await page.waitForSelector('#d-events tbody tr');
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const column = (page: Page, n: number): Promise<string[]> =>
  page.$$eval(`#d-events tbody tr td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent ?? ''));

describe('企业档案 link in the edit sidebar', () => {
  it('opens the dossier of the enterprise being edited; the add form has no link', async () => {
    const emu = setUp('2022-03-20T09:00:00+08:00');
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    const p = payload({ district: '通川区' });
    emu.scriptRun('submitEnterprise', p);
    modelOf(emu).setActive('通川区', 'C5');
    emu.clickMenu('编辑选中企业');
    const { page, bridge, close } = await openBridgedPage(chromium.browser, emu, emu.ui.sidebars.at(-1)?.html ?? '', { width: 300, height: 900 });
    chromium.afterThisTest(async () => {
      await close();
    });
    await page.click('#dossier');
    for (let i = 0; i < 50 && bridge.calls.length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(bridge.calls[0]).toMatchObject({ fn: 'showDossier', args: [p.creditCode], result: { ok: true } });
    expect(emu.ui.dialogs.at(-1)?.title).toBe(`企业档案：${p.name}`);
    emu.clickMenu('新增企业');
    await page.goto(bridge.serve(emu.ui.sidebars.at(-1)?.html ?? ''));
    expect(await page.isHidden('#dossier')).toBe(true);
  });
});

describe('企业档案 dialog in Chromium', () => {
  it('lists the history newest first with dates as dates, the record above it, markup shown as text', async () => {
    const page = await openDossier();
    expect(await page.textContent('#d-name')).toBe('达州市<i>甲</i>建材有限公司');
    expect(await page.$$('#d-name i')).toHaveLength(0);
    expect(await column(page, 1)).toEqual(['2022-10-10 17:00', '2022-05-03 16:20', '2022-05-01 10:00', '2022-04-02 15:45', '2022-03-20 09:00']);
    expect(await column(page, 2)).toEqual(['验收', '延期', '延期', '修改', '新增']);
    expect((await column(page, 5))[2]).toBe('2022-06-30');
    expect((await column(page, 6)).at(-1)).toMatch(/^新增企业：序号1；达州市<i>甲<\/i>建材有限公司/);
    expect(await page.textContent('#d-count')).toBe('（显示5条，共5条）');
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'dossier.png') });
  });

  it('filters by kind and turns to oldest first', async () => {
    const page = await openDossier();
    await page.uncheck('#d-kinds input[value="延期"]');
    expect(await column(page, 2)).toEqual(['验收', '修改', '新增']);
    await page.selectOption('#d-order', 'oldest');
    expect(await column(page, 2)).toEqual(['新增', '修改', '验收']);
    expect(await page.textContent('#d-count')).toBe('（显示3条，共5条）');
    for (const box of await page.$$('#d-kinds input')) await box.uncheck();
    expect(await page.isVisible('#d-empty')).toBe(true);
  });
});
