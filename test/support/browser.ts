// One headless Chromium per browser test file, launched before its tests and closed after them, and what each test opened closed after it.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';

export interface ChromiumSuite {
  /** The file's browser (launched in beforeAll). */
  readonly browser: Browser;
  /** Runs `clean` after the current test, the last one registered first. */
  afterThisTest(clean: () => Promise<void>): void;
}

/** Call at a test file's top level: it registers that file's beforeAll, afterEach and afterAll. */
export function useChromium(): ChromiumSuite {
  let browser: Browser | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const clean of cleanups.splice(0).reverse()) await clean();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('Chromium is launched in beforeAll: use the browser inside a test');
      return browser;
    },
    afterThisTest: (clean) => {
      cleanups.push(clean);
    },
  };
}
