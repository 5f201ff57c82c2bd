// The one Chromium of a browser test run (launched by test/e2e/global-setup.ts): a connection per file, a fresh context per test.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export interface SharedBrowser {
  /** The connected browser (after beforeAll). */
  browser(): Browser;
  /** A new context, closed when the current test ends, passed or failed. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a new context of its own (closed when the current test ends). */
  page(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Call once at the top of a test file: connects to the shared Chromium before the file's tests and disconnects
 * after them; every context made through it is closed after the test that made it.
 */
export function useSharedBrowser(): SharedBrowser {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.connect(inject('chromiumWsEndpoint'), { timeout: 30_000 });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const context = async (options?: BrowserContextOptions) => {
    if (!browser) throw new Error('the shared browser is not connected (useSharedBrowser must be called at the top of the file)');
    const c = await browser.newContext(options);
    open.push(c);
    return c;
  };
  return {
    browser: () => browser!,
    context,
    page: async (options) => (await context(options)).newPage(),
  };
}
