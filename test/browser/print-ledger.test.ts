// 打印签章版 as the emulator showed it, in headless Chromium: printed to PDF, its pages read back (A3 landscape, header on every page, every row once).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TAB } from '../../src/domain/contract';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { OWNER, configCell, modelOf, payload, seedPayloads, setUp } from '../support/ledger-world';
import { useChromium } from '../support/browser';
import { readPdf } from '../support/pdf-text';
import { openBridgedPage, type Bridge } from '../support/script-run-bridge';

const OUTPUT = join(__dirname, '..', '..', 'test-output');
/** A3 landscape is 420 × 297 mm = 1190.55 × 841.89 pt; Chromium rounds the page to whole CSS pixels. */
const A3_LANDSCAPE = { width: 1190.55, height: 841.89 };
const HEADER = '序号辖区企业基本信息环保问题整改备注企业名称企业详细地址工商营业执照（统一社会信用代码）行业类别职工人数厂区土地性质有无安全评价有无节能审查环评批复文号排污许可证号有无在线监测存在主要环保问题整改措施整治分类整改完成时限进展情况';

const chromium = useChromium();

/** What 打印签章版 showed for a 通川区 tab of `count` enterprises whose problem texts vary in length, as real ones do. */
function printPage(count: number, edit: (p: EnterprisePayload, i: number) => EnterprisePayload = (p) => p, filler?: string): string {
  const emu = setUp('2022-03-20T09:00:00+08:00');
  emu.setUser(OWNER);
  if (filler !== undefined) emu.userEdit(TAB.config, configCell('通川区', '填报单位'), filler);
  const payloads = Array.from({ length: count }, (_, i) =>
    edit(
      payload({
        district: '通川区',
        name: `达州市第${i + 1}号建材有限公司`,
        address: `通川区复兴镇工业园区${i + 1}号`,
        industry: '建材（砖瓦、陶瓷、木/石材加工）',
        problems: '粉尘无组织排放；危废暂存不规范。'.repeat(1 + (i % 4)),
        category: i % 5 ? '改造提升' : '搬迁升级',
        remarks: i % 5 ? '' : '新址用地面积：12.5亩',
        progress: i % 3 ? '已完成方案编制' : '',
      }),
      i,
    ),
  );
  seedPayloads(emu, '通川区', payloads);
  modelOf(emu).setActive('通川区', 'A1');
  emu.clickMenu('打印签章版');
  const dialog = emu.ui.dialogs.at(-1);
  if (!dialog) throw new Error(`no dialog: ${JSON.stringify(emu.ui.alerts)}`);
  return dialog.html;
}

async function open(html: string): Promise<{ page: Page; bridge: Bridge }> {
  const { page, bridge, close } = await openBridgedPage(chromium.browser, { scriptRun: () => ({ ok: false, error: '打印页不调用服务器' }) }, html, { width: 1200, height: 800 });
  chromium.afterThisTest(async () => expect(await close()).toEqual([]));
  await page.waitForSelector('#sheet table');
  await page.evaluate(() => document.fonts.ready);
  return { page, bridge };
}

describe('打印签章版 printed by Chromium', () => {
  it('prints A3 landscape pages with the two header rows on every page, each enterprise once, 填表说明 after the last', async () => {
    const { page } = await open(printPage(80));
    const pdf = await page.pdf({ preferCSSPageSize: true });
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, 'print-ledger.pdf'), pdf);
    const pages = readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, p] of pages.entries()) {
      expect(Math.abs(p.width - A3_LANDSCAPE.width)).toBeLessThan(1);
      expect(Math.abs(p.height - A3_LANDSCAPE.height)).toBeLessThan(1);
      expect(p.text).toContain(HEADER);
      expect(p.text).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`);
      // The toolbar is for the screen only.
      expect(p.text).not.toContain('另存为 PDF');
    }
    const first = pages[0]?.text ?? '';
    expect(first).toContain('达州市主城工业企业突出生态环境问题整治工作台账');
    expect(first).toContain('填报单位（签章）：通川区人民政府');
    expect(first).toContain('填表时间：2022-03-20');
    expect(pages.slice(1).some((p) => p.text.includes('填报单位（签章）'))).toBe(false);
    const last = pages.at(-1)?.text ?? '';
    expect(last).toContain('填表说明：1.厂区土地性质:租用;征用.2.整治分类：原址关闭;改造提升;搬迁升级.3.搬迁升级类企业，请在备注中注明新址用地面积。');
    expect(pages.slice(0, -1).some((p) => p.text.includes('填表说明'))).toBe(false);
    // No row is split across pages or lost: each company name appears exactly once in the whole document.
    const all = pages.map((p) => p.text).join('\n');
    for (let n = 1; n <= 80; n += 1) expect(all.split(`达州市第${n}号建材有限公司`).length - 1).toBe(1);
  });

  it('shows the print button on screen, which calls the browser\'s own print', async () => {
    const { page } = await open(printPage(3));
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.click('#print');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.textContent('#hint')).toContain('共3家企业');
    expect(await page.title()).toBe('通川区整治工作台账（签章版）2022-03-20');
  });

  it('keeps what users typed as text: markup in a name or the 填报单位 is shown, never run', async () => {
    const { page } = await open(printPage(1, (p) => ({ ...p, name: '<img src=x onerror="window.hacked=1">甲公司' }), '<b>通川区</b>'));
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.$$('#sheet img, #sheet b')).toHaveLength(0);
    expect(await page.textContent('#sheet tbody')).toContain('<img src=x onerror="window.hacked=1">甲公司');
    expect(await page.textContent('#p-filler')).toBe('填报单位（签章）：<b>通川区</b>');
  });

  it('renders the print-media page as it goes to paper (screenshot for a person to look at)', async () => {
    const { page } = await open(printPage(30));
    // One A3 landscape page at 96 dpi, less the 10 mm margins: what the printer's first page shows.
    await page.setViewportSize({ width: 1512, height: 1046 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.toolbar')).toBe(false);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'print-ledger-page1.png') });
    const head = await page.$eval('thead', (e) => e.getBoundingClientRect().width);
    expect(head).toBeGreaterThan(1400);
  });
});
