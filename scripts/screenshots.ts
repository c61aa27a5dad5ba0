// Takes the README's screenshots: starts the preview on a fresh demo, drives Chromium, saves PNGs to docs/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, resolveChromium } from './chromium';
import { startPreview } from '../preview/http';

const root = process.cwd();
const out = join(root, 'docs/screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(out, `${name}.png`);
  // The page font (preview/page-font.ts) loads the slices a page shows on demand, in every frame.
  for (const frame of page.frames()) await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path });
  console.log(`saved ${path}`);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'screenshots-'));
  const preview = await startPreview({ root, port: 0, stateFile: join(dir, 'state.json') });
  const choice = resolveChromium();
  console.log(`Chromium: ${choice.executablePath} (${choice.source})`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 860 }, deviceScaleFactor: 1 });
    page.setDefaultTimeout(15000);
    await page.goto(preview.url);
    await page.waitForSelector('#grid td[data-a1="C4"]');

    // 1. A district's ledger: traffic lights, dropdowns, and a cell note shown in the formula bar.
    await page.click('button[data-tab="通川区"]');
    await page.waitForSelector('#grid td.has-note');
    const noted = page.locator('#grid td.has-note').first();
    await noted.click();
    await page.evaluate(() => document.getElementById('grid-wrap')!.scrollTo({ left: 0 }));
    await shoot(page, 'ledger');
    await page.evaluate(() => document.getElementById('grid-wrap')!.scrollTo({ left: 100000 }));
    await shoot(page, 'ledger-tracking');
    await page.evaluate(() => document.getElementById('grid-wrap')!.scrollTo({ left: 0 }));

    // 2. The menu with the office's submenu open.
    await page.click('.menu-title');
    await page.click('.submenu > button');
    await shoot(page, 'menu');
    await page.keyboard.press('Escape');
    await page.mouse.click(800, 600);

    // 3. The sidebar: 新增企业 with a mistyped credit code, as a clerk sees it.
    await page.selectOption('#user', 'clerk@tongchuan.example');
    await page.waitForFunction(() => (document.getElementById('user') as HTMLSelectElement).value === 'clerk@tongchuan.example');
    await page.click('.menu-title');
    await page.click('button[data-caption="新增企业"]');
    const side = page.frameLocator('#side-frame');
    await side.locator('#f-name').waitFor();
    await side.locator('#f-name').fill('达州市通川区新盛建材有限公司');
    await side.locator('#f-address').fill('通川区复兴镇建材路6号');
    await side.locator('#f-creditCode').fill('91511702MA6Y0001');
    await side.locator('#f-industry').selectOption('建材（砖瓦、陶瓷、木/石材加工）');
    await side.locator('#f-employees').click();
    await shoot(page, 'sidebar');

    // 4. 汇总: the tables, then the chart.
    await page.click('#side-close');
    await page.click('button[data-tab="汇总"]');
    await page.waitForSelector('.chart');
    await shoot(page, 'summary');
    // The chart sits to the right of the tables, where the add-on anchors it.
    await page.evaluate(() => {
      const wrap = document.getElementById('grid-wrap')!;
      const chart = document.querySelector('.chart') as HTMLElement;
      wrap.scrollTo({ left: Math.max(0, chart.offsetLeft + chart.offsetWidth + 24 - wrap.clientWidth) });
    });
    await shoot(page, 'summary-chart');

    // 5. A reminder email in the outbox: the district whose quarterly report is missing.
    await page.click('#outbox-toggle');
    await page.locator('#mail-list .mail', { hasText: 'hb@gaoxin.example' }).first().click();
    await page.frameLocator('#mail-frame').locator('body').filter({ hasText: '达州高新区' }).waitFor();
    await shoot(page, 'reminder-email');
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
