// Launches Debian's Chromium through playwright-core with the flags that work headless here.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function chromiumPath(): string {
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`Chromium not found (looked at ${candidates.join(', ')}); install Debian's chromium package or set CHROMIUM_PATH`);
  return found;
}

/** The flags that run Chromium headless here (SwiftShader WebGL, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * Records every request the page makes to a host other than `appUrl`'s, and console errors.
 * Assert `foreign` is empty at the end of a test.
 */
export function watchPage(page: Page, appUrl: string): { foreign: string[]; errors: string[] } {
  const own = new URL(appUrl).host;
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && u.host !== own) foreign.push(req.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { foreign, errors };
}

/** Resolves once the showroom page has drawn a few frames and every product model has loaded. */
export async function waitForShowroom(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const d = window.showroomDebug;
      return !!d && d.frames > 5 && d.models().total > 0 && d.models().loaded >= d.models().total;
    },
    undefined,
    { timeout: timeoutMs, polling: 200 },
  );
}

/**
 * The canvas point (CSS px) of a named in-scene element (a panel button or swatch) once it is drawn and has stopped
 * moving (panels re-lay out when their content changes), or null if it never appears in ~30 s.
 */
export async function steadyScreenPoint(page: Page, name: string): Promise<{ x: number; y: number } | null> {
  let p: { x: number; y: number } | null = null;
  for (let i = 0; i < 75; i++) {
    const q = await page.evaluate((n) => window.showroomDebug!.objectScreenPoint(n), name);
    if (q && p && Math.hypot(q.x - p.x, q.y - p.y) < 1.5) return q;
    p = q;
    await page.waitForTimeout(400);
  }
  return p;
}

/** Moves the mouse onto a screen point, lets the hover settle, and clicks, as a visitor would. */
export async function clickAt(page: Page, p: { x: number; y: number }): Promise<void> {
  await page.mouse.move(p.x, p.y);
  await page.waitForTimeout(300);
  await page.mouse.click(p.x, p.y);
}

/** Clicks the named in-scene element where it is drawn; throws if it never appears. */
export async function pressInScene(page: Page, name: string): Promise<void> {
  const p = await steadyScreenPoint(page, name);
  if (!p) throw new Error(`${name} is not on screen`);
  await clickAt(page, p);
}
