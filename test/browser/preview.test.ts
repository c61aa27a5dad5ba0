// The preview in Chromium: add an enterprise through the sidebar, move the clock past its deadline, run the daily job, read the reminder.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { startPreview, type RunningPreview } from '../../preview/http';
import { withCheckChar } from '../../src/domain/credit-code';

const ROOT = resolve(__dirname, '../..');

let dir: string;
let preview: RunningPreview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/Code.js'))) throw new Error('dist/ is missing: run npm run build (npm test does) first');
  dir = mkdtempSync(join(tmpdir(), 'preview-test-'));
  preview = await startPreview({ root: ROOT, port: 0, stateFile: join(dir, 'state.json') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(15000);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an enterprise added in the sidebar gets a reminder email once its deadline has passed', async () => {
  const name = '达州市测试预览环保科技有限公司';
  const creditCode = withCheckChar('91511702MA6Y00017');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(preview.url);
  await page.waitForSelector('#grid td[data-a1="C4"]');
  await expectText(page, '#clock-now', '2022/06/23');

  await page.click('.menu-title');
  await page.click('button[data-caption="新增企业"]');
  const side = page.frameLocator('#side-frame');
  await side.locator('#f-name').waitFor();
  await side.locator('#f-district').selectOption('通川区');
  await side.locator('#f-name').fill(name);
  await side.locator('#f-address').fill('通川区复兴镇预览路1号');
  await side.locator('#f-creditCode').fill(creditCode);
  await side.locator('#f-industry').selectOption('铸造');
  await side.locator('#f-employees').fill('42');
  await side.locator('#f-landTenure').selectOption('租用');
  await side.locator('#f-safetyAssessment').selectOption('有');
  await side.locator('#f-energyReview').selectOption('无');
  await side.locator('#f-eiaApproval').fill('无');
  await side.locator('#f-dischargePermit').fill('无');
  await side.locator('#f-onlineMonitoring').selectOption('无');
  await side.locator('#f-problems').fill('熔炼烟尘无组织排放');
  await side.locator('#f-measures').fill('新增集气罩和布袋除尘器');
  await side.locator('#f-category').selectOption('改造提升');
  await side.locator('#f-deadline').fill('2022-07-05');
  await side.locator('#f-town').selectOption('复兴镇');
  await side.locator('#save').click();
  await side.locator('#form-message.ok').waitFor();

  // The sheet (通川区, the tab the demo opens on) redraws by itself after the sidebar's call.
  await page.waitForSelector('button[data-tab="通川区"][aria-selected="true"]');
  await page.waitForSelector(`#grid td:text-is("${name}")`);
  // The script selected the saved row (range.activate()), and the page follows, as Sheets does.
  const savedRow = await page.$eval(`#grid td:text-is("${name}")`, (td) => (td as HTMLElement).dataset['r']);
  await page.waitForFunction((r) => (document.querySelector('#grid td.selected') as HTMLElement | null)?.dataset['r'] === r, savedRow);
  // google.script.host.close() from the sidebar closes the panel.
  await side.locator('#close').click();
  await page.waitForSelector('#side-panel', { state: 'hidden' });

  await page.fill('#clock-date', '2022-07-08');
  await page.fill('#clock-time', '09:00');
  await page.click('#clock-set');
  await expectText(page, '#clock-now', '2022/07/08');

  const before = Number(await page.textContent('#outbox-count'));
  await page.click('#daily');
  await page.waitForFunction((n) => Number(document.querySelector('#outbox-count')?.textContent) > n, before);

  await page.click('#outbox-toggle');
  const newest = page.locator('#mail-list .mail').first();
  await newest.waitFor();
  const mails = page.locator('#mail-list .mail', { hasText: 'hb@tongchuan.example' });
  await mails.first().click();
  const body = page.frameLocator('#mail-frame').locator('body');
  await body.filter({ hasText: name }).waitFor();
  const text = (await body.textContent()) ?? '';
  expect(text).toContain(name);
  expect(text).toContain('2022-07-05');
  expect(text).toContain('逾期3天');
  expect(await page.textContent('#mail-head')).toContain('hb@tongchuan.example');
  expect(errors).toEqual([]);
}, 60000);

async function expectText(p: Page, selector: string, text: string): Promise<void> {
  await p.waitForFunction(([s, t]) => (document.querySelector(s!)?.textContent ?? '').includes(t!), [selector, text]);
  expect(await p.textContent(selector)).toContain(text);
}

test('a clerk refused by a 管理 item is told why in Chinese, and the bar then shows one 整治台账 menu without 管理', async () => {
  await page.goto(preview.url);
  await page.waitForSelector('#grid td[data-a1="C4"]');
  await page.selectOption('#user', 'clerk@tongchuan.example');
  await page.waitForFunction(() => (document.getElementById('user') as HTMLSelectElement).value === 'clerk@tongchuan.example');
  // Opened as a simple trigger, the menu cannot see the account: 管理 is there.
  await page.waitForSelector('#menubar .submenu', { state: 'attached' });
  await page.click('.menu-title');
  await page.click('.submenu > button');
  await page.click('button[data-caption="自检"]');
  await page.waitForSelector('#modal:not([hidden])');
  expect(await page.textContent('#modal-text')).toContain('不是领导小组办公室账号');
  await page.click('#modal-buttons button[data-button="OK"]');
  await page.waitForFunction(() => document.querySelectorAll('#menubar .menu').length === 1 && !document.querySelector('#menubar .submenu'));
  expect(await page.$$eval('#menubar .menu-title', (b) => b.map((x) => x.textContent))).toEqual(['整治台账']);
});
