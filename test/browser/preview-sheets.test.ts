// The preview behaves like Sheets for a clerk: frozen panes, the sheet's widths, warning prompts, Chinese refusals, paste, keys, clock inputs, live toasts, selection and outbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../../preview/http';
import { useChromium } from '../support/browser';

const ROOT = resolve(__dirname, '../..');
const TC_CLERK = 'clerk@tongchuan.example';

const chromium = useChromium();

interface Opened {
  preview: RunningPreview;
  page: Page;
}

async function open(user?: string): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'preview-sheets-'));
  const preview = await startPreview({ root: ROOT, port: 0, stateFile: join(dir, 'state.json') });
  const context: BrowserContext = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  chromium.afterThisTest(async () => {
    await context.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
    expect(errors).toEqual([]);
  });
  if (user) preview.session.setUser(user);
  await page.goto(preview.url);
  await page.waitForSelector('#grid td[data-a1="C4"]');
  return { preview, page };
}

async function tab(page: Page, name: string): Promise<void> {
  await page.click(`button[data-tab="${name}"]`);
  await page.waitForSelector(`button[data-tab="${name}"][aria-selected="true"]`);
  await page.waitForSelector('#grid td[data-a1="A1"]');
}

const cellText = (page: Page, a1: string) => page.$eval(`#grid td[data-a1="${a1}"]`, (td) => td.textContent ?? '');
const selected = (page: Page) => page.$eval('#grid td.selected', (td) => (td as HTMLElement).dataset['a1']);
const modalText = (page: Page) => page.textContent('#modal-text');

async function typeInCell(page: Page, a1: string, text: string): Promise<void> {
  await page.click(`#grid td[data-a1="${a1}"]`);
  await page.fill('#fx-input', text);
  await page.press('#fx-input', 'Enter');
}

describe('the preview, as a clerk sees Sheets', () => {
  it('keeps frozen rows and columns in place while the grid scrolls', async () => {
    const { preview, page } = await open();
    preview.session.emu.model.sheet('通川区').frozenCols = 3;
    await tab(page, '汇总');
    await tab(page, '通川区');
    const frozenRows = preview.session.emu.model.sheet('通川区').frozenRows;
    expect(frozenRows).toBeGreaterThan(0);
    const before = await page.$eval('#grid td[data-a1="C5"]', (td) => td.getBoundingClientRect().left);
    const free = await page.$eval('#grid td[data-a1="H5"]', (td) => td.getBoundingClientRect().left);
    await page.evaluate(() => document.getElementById('grid-wrap')!.scrollBy({ left: 400, top: 300 }));
    expect(await page.$eval('#grid td[data-a1="C5"]', (td) => td.getBoundingClientRect().left)).toBeCloseTo(before, 0);
    expect(await page.$eval('#grid td[data-a1="H5"]', (td) => td.getBoundingClientRect().left)).toBeLessThan(free - 300);
    // The last frozen row stays under the column letters.
    const wrapTop = await page.$eval('#grid-wrap', (w) => w.getBoundingClientRect().top);
    const headerRow = await page.$eval(`#grid tr:nth-child(${frozenRows + 1}) th.rownum`, (th) => th.getBoundingClientRect().top);
    expect(headerRow).toBeGreaterThanOrEqual(wrapTop);
    expect(headerRow).toBeLessThan(wrapTop + 200);
  });

  it('draws each column at the sheet’s own width, however narrow', async () => {
    const { preview, page } = await open();
    const sheet = preview.session.emu.model.sheet('通川区');
    sheet.colWidths[1] = 24;
    await tab(page, '汇总');
    await tab(page, '通川区');
    const widths = await page.$$eval('#grid colgroup col', (cols) => cols.map((c) => (c as HTMLElement).getBoundingClientRect().width));
    expect(widths[2]).toBeCloseTo(24, 0);
    expect(widths[3]).toBeCloseTo(sheet.colWidths[2] ?? 100, 0);
    // 辖区 no longer fits: its text is cut, as in Sheets.
    expect(await page.$eval('#grid td[data-a1="B5"]', (td) => td.scrollWidth > td.clientWidth)).toBe(true);
  });

  it('asks before an edit of a warning-only range; 取消 leaves the cell, 确定 writes it', async () => {
    const { page } = await open(TC_CLERK);
    await tab(page, '通川区');
    const serial = await cellText(page, 'A5');
    await typeInCell(page, 'A5', '99');
    await page.waitForSelector('#modal:not([hidden])');
    expect(await page.textContent('#modal-title')).toBe('注意！');
    expect(await modalText(page)).toContain('不应被意外更改');
    expect(await page.textContent('#modal [data-button="CANCEL"]')).toBe('取消');
    await page.click('#modal [data-button="CANCEL"]');
    await page.waitForSelector('#modal', { state: 'hidden' });
    expect(await cellText(page, 'A5')).toBe(serial);
    // The formula bar is reset after the dialog closes, on the page's next task; on a loaded machine that came late.
    await page.waitForFunction((s) => (document.querySelector('#fx-input') as HTMLInputElement).value === s, serial, { timeout: 5000 }).catch(() => undefined);
    expect(await page.inputValue('#fx-input')).toBe(serial);

    await typeInCell(page, 'A5', '99');
    await page.click('#modal [data-button="OK"]');
    await page.waitForFunction(() => document.querySelector('#grid td[data-a1="A5"]')?.textContent === '99');
  });

  it('shows the platform’s refusals in Chinese: a protected tab, and a value its validation rejects', async () => {
    const { page } = await open(TC_CLERK);
    await tab(page, '达川区');
    const before = await cellText(page, 'C5');
    await typeInCell(page, 'C5', '改名');
    await page.waitForSelector('#modal:not([hidden])');
    expect(await page.textContent('#modal-title')).toBe('无法修改');
    expect(await modalText(page)).toBe('您正在尝试修改受保护的单元格或对象。如需修改，请联系电子表格所有者取消保护。');
    await page.click('#modal [data-button="OK"]');
    expect(await cellText(page, 'C5')).toBe(before);

    await tab(page, '通川区');
    await typeInCell(page, 'G5', '很多');
    await page.waitForSelector('#modal:not([hidden])');
    expect(await page.textContent('#modal-title')).toBe('出现问题');
    expect(await modalText(page)).not.toMatch(/[A-Za-z]{4,}/);
    await page.click('#modal [data-button="OK"]');
    expect(await cellText(page, 'G5')).not.toBe('很多');
  });

  it('pastes a block of tab-separated text into the cells from the selection on', async () => {
    const { preview, page } = await open(TC_CLERK);
    await tab(page, '通川区');
    await page.click('#grid td[data-a1="C12"]');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '甲公司\t甲地址\r\n乙公司\t乙地址\r\n');
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.querySelector('#grid td[data-a1="D13"]')?.textContent === '乙地址');
    expect([await cellText(page, 'C12'), await cellText(page, 'D12'), await cellText(page, 'C13')]).toEqual(['甲公司', '甲地址', '乙公司']);
    const sheet = preview.session.emu.model.sheet('通川区');
    expect([sheet.displayAt(12, 3), sheet.displayAt(13, 4)]).toEqual(['甲公司', '乙地址']);
    expect(await cellText(page, 'E12')).toBe('');
  });

  it('moves the selection with the arrow keys, starts typing on a key, and Escape drops the typing', async () => {
    const { page } = await open(TC_CLERK);
    await tab(page, '通川区');
    await page.click('#grid td[data-a1="C5"]');
    await page.keyboard.press('ArrowRight');
    expect(await selected(page)).toBe('D5');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await selected(page)).toBe('D7');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    expect(await selected(page)).toBe('C6');
    expect(await page.textContent('#fx-a1')).toBe('C6');
    const name = await cellText(page, 'C6');
    await page.keyboard.press('x');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fx-input');
    expect(await page.inputValue('#fx-input')).toBe('x');
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#fx-input')).toBe(name);
    expect(await cellText(page, 'C6')).toBe(name);
    // The keys go back to the grid.
    await page.keyboard.press('ArrowDown');
    expect(await selected(page)).toBe('C7');
    // Up from a row below a merged title lands on the merge itself.
    await page.click('#grid td[data-a1="C5"]');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowUp');
    expect(await selected(page)).toMatch(/^[A-C]1$/);
  });

  it('takes dates as YYYY-MM-DD and times on a 24-hour clock', async () => {
    const { page } = await open();
    expect(await page.getAttribute('#clock-date', 'placeholder')).toBe('YYYY-MM-DD');
    expect(await page.inputValue('#clock-date')).toBe('2022-06-23');
    expect(await page.inputValue('#clock-time')).toBe('10:00');
    await page.fill('#clock-date', '2022-07-08');
    await page.fill('#clock-time', '17:30');
    await page.click('#clock-set');
    await page.waitForFunction(() => (document.getElementById('clock-now')?.textContent ?? '').includes('2022/07/08 17:30'));
    await page.fill('#clock-date', '07/09/2022');
    await page.click('#clock-set');
    await page.waitForSelector('#modal:not([hidden])');
    expect(await modalText(page)).toContain('YYYY-MM-DD');
    await page.click('#modal [data-button="OK"]');
    expect(await page.textContent('#clock-now')).toContain('2022/07/08 17:30');
  });

  it('shows a toast while the work runs, not after it', async () => {
    const { preview, page } = await open();
    // Enough rows that the recompute after the first toast takes a while.
    const sheet = preview.session.emu.model.sheet('达州高新区');
    const rows = Array.from({ length: 400 }, (_, i) => Array.from({ length: 24 }, (_, j) => (j === 2 ? `填充企业${i}` : '')));
    preview.session.emu.model.setValuesRaw('达州高新区', 20, 1, rows);
    expect(sheet.lastRow()).toBeGreaterThan(400);
    await page.evaluate(() => {
      const w = window as unknown as { toastAt?: number };
      new MutationObserver(() => {
        if (w.toastAt === undefined && document.querySelector('#toasts .toast')?.textContent?.includes('正在刷新')) w.toastAt = performance.now();
      }).observe(document.getElementById('toasts')!, { childList: true, subtree: true });
    });
    await page.click('.menu-title');
    await page.click('button[data-caption="刷新汇总"]');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('#toasts .toast')).some((t) => t.textContent?.includes('汇总已刷新')));
    const timing = await page.evaluate(() => {
      const menu = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/menu')).at(-1) as PerformanceResourceTiming;
      return { toastAt: (window as unknown as { toastAt?: number }).toastAt ?? Infinity, responseEnd: menu.responseEnd };
    });
    expect(timing.toastAt).toBeLessThan(timing.responseEnd);
  });

  it('moves the selection to the row the sidebar saved, and the outbox shows new mail as it arrives', async () => {
    const { preview, page } = await open();
    await tab(page, '汇总');
    await page.click('#outbox-toggle');
    const row = preview.session.emu.model.sheet('达川区').lastRow();
    // The script activates a row on another tab (as the sidebar's save does): the page follows it.
    preview.session.emu.model.setActive('达川区', `A${row}`);
    preview.session.save();
    await page.waitForSelector('button[data-tab="达川区"][aria-selected="true"]');
    expect(await selected(page)).toBe(`A${row}`);

    const count = await page.$$eval('#mail-list .mail', (m) => m.length);
    // Mail sent behind the page's back (a sidebar call, another window's daily job) appears without a click.
    preview.session.setClock('2022-06-24T09:30:00+08:00');
    preview.session.fireDaily();
    await page.waitForFunction((n) => document.querySelectorAll('#mail-list .mail').length > n, count);
    expect(await page.$$eval('#mail-list .mail.new', (m) => m.length)).toBeGreaterThan(0);
  });

  it('asks a question once: the answered YES/NO is not shown again afterwards', async () => {
    const { page } = await open();
    await page.click('.menu-title');
    await page.click('.submenu > button'); // 管理（领导小组办公室） ▸
    await page.click('button[data-caption="卸载自动任务"]');
    await page.waitForSelector('#modal:not([hidden])');
    const question = await modalText(page);
    const asked: string[] = [];
    await page.exposeFunction('seenModal', (t: string) => asked.push(t));
    await page.evaluate(() => {
      new MutationObserver(() => {
        const m = document.getElementById('modal')!;
        if (!m.hidden) (window as unknown as { seenModal(t: string): void }).seenModal(document.getElementById('modal-text')!.textContent ?? '');
      }).observe(document.getElementById('modal')!, { attributes: true, attributeFilter: ['hidden'] });
    });
    await page.click('#modal [data-button="YES"]');
    await page.waitForFunction((q) => document.getElementById('modal')!.hidden || document.getElementById('modal-text')!.textContent !== q, question);
    await page.waitForTimeout(500);
    expect(asked).not.toContain(question);
  });
});
