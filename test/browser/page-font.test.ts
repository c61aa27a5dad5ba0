// The shipped CJK font reaches every page the bridge and the preview serve, so Chinese renders without any system CJK font.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../../preview/http';
import { useChromium } from '../support/browser';
import { PAGE_FONT_FAMILY, withPageFont } from '../../preview/page-font';
import { startBridge } from '../support/script-run-bridge';

const chromium = useChromium();

/** Width of `text` at 20 px in units of the font size, and whether the loaded faces of the page font cover it. */
async function measure(frame: Page | Frame, text: string): Promise<{ em: number; loaded: boolean; family: string }> {
  return frame.evaluate(
    async ([t, family]) => {
      await document.fonts.ready;
      const span = document.createElement('span');
      span.textContent = t!;
      span.style.cssText = 'font-size:20px;position:absolute;left:0;top:0;white-space:nowrap;letter-spacing:0';
      document.body.appendChild(span);
      await document.fonts.load(`20px "${family}"`, t!);
      const width = span.getBoundingClientRect().width;
      const used = getComputedStyle(span).fontFamily;
      span.remove();
      return { em: width / 20, loaded: document.fonts.check(`20px "${family}"`, t!), family: used };
    },
    [text, PAGE_FONT_FAMILY],
  );
}

describe('the page font', () => {
  it('goes first in <head>, and after the doctype of a page without one', () => {
    expect(withPageFont('<!DOCTYPE html><html><head><title>x</title></head></html>')).toMatch(/^<!DOCTYPE html><html><head><style>[^<]*@font-face/);
    expect(withPageFont('<!DOCTYPE html><meta charset="utf-8"><pre>x</pre>')).toMatch(/^<!DOCTYPE html><style>[^<]*@font-face/);
    expect(withPageFont('<div style="font-family:sans-serif">x</div>')).toMatch(/^<style>[^<]*@font-face[^]*!important; }\n<\/style><div/);
  });

  it('draws Chinese full-width in a sidebar served by the bridge, from the package’s font files', async () => {
    const bridge = await startBridge({ scriptRun: () => ({ ok: true, value: null }) }, '<!DOCTYPE html><html><head></head><body><p>企业</p></body></html>');
    const context = await chromium.browser.newContext();
    try {
      const page = await context.newPage();
      const fonts: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/__fonts/')) fonts.push(`${r.status()} ${r.headers()['content-type']}`);
      });
      await page.goto(bridge.url);
      const m = await measure(page, '整治台账幺塘乡');
      expect(m.family).toContain(PAGE_FONT_FAMILY);
      expect(m.loaded).toBe(true);
      // Seven ideographs are seven ems; a missing glyph box (tofu) in the packaged browser's Latin font is narrower.
      expect(m.em).toBeCloseTo(7, 1);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f === '200 font/woff2')).toBe(true);
    } finally {
      await context.close();
      await bridge.stop();
    }
  });

  it('reaches the preview page and a mail body in its sandboxed frame', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-font-'));
    let preview: RunningPreview | undefined;
    const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      preview = await startPreview({ root: resolve(__dirname, '../..'), port: 0, stateFile: join(dir, 'state.json') });
      const page = await context.newPage();
      await page.goto(preview.url);
      await page.waitForSelector('#grid td[data-a1="C4"]');
      const top = await measure(page, '达州高新区');
      expect(top.loaded).toBe(true);
      expect(top.em).toBeCloseTo(5, 1);

      await page.click('#outbox-toggle');
      await page.locator('#mail-list .mail').first().click();
      await page.frameLocator('#mail-frame').locator('body').filter({ hasText: '区' }).waitFor();
      const frame = page.frames().find((f) => f.url().includes('/mail/'));
      expect(frame).toBeDefined();
      const mail = await measure(frame!, '逾期企业');
      expect(mail.family).toContain(PAGE_FONT_FAMILY);
      expect(mail.loaded).toBe(true);
      expect(mail.em).toBeCloseTo(4, 1);
    } finally {
      await context.close();
      await preview?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
