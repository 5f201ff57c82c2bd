// Launches Debian's Chromium through playwright-core with the flags that work headless here; scene input helpers.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserServer, type Download, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

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

/** A Chromium of this process's own (tools and benchmarks; tests share one through test/helpers/sharedBrowser.ts). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** A Chromium that other processes connect to with `chromium.connect(server.wsEndpoint())`. */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
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

/** Resolves after the showroom has rendered `n` more frames. */
export async function waitFrames(page: Page, n: number, timeoutMs = 60_000): Promise<void> {
  const start = await page.evaluate(() => window.showroomDebug!.frames);
  await page.waitForFunction((target) => window.showroomDebug!.frames >= target, start + n, { timeout: timeoutMs, polling: 20 });
}

/**
 * Holds an input (a squeeze, a gaze) for `ms` of the page's own time, across at least two rendered frames: what is
 * checked afterwards is how long the hold lasted.
 */
export async function holdFor(page: Page, ms: number, timeoutMs = 30_000): Promise<void> {
  const from = await page.evaluate(() => ({ t: performance.now(), f: window.showroomDebug!.frames }));
  await page.waitForFunction(([s, hold]) => performance.now() - s.t >= hold && window.showroomDebug!.frames >= s.f + 2, [from, ms] as const, { timeout: timeoutMs, polling: 'raf' });
}

/** Waits until the viewer stands more than `metres` from `from` on the floor (a stick or a two-finger move is walking). */
export async function waitForWalk(page: Page, from: { x: number; z: number }, metres: number, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    ([f, m]) => {
      const v = window.showroomDebug!.viewerPosition();
      return Math.hypot(v.x - f.x, v.z - f.z) > m;
    },
    [from, metres] as const,
    { timeout: timeoutMs, polling: 50 },
  );
}

/**
 * The canvas point (CSS px) of a named in-scene element (a panel button or swatch) once it is drawn and has stopped
 * moving (panels re-lay out when their content changes): the same point, within a pixel, over three rendered frames.
 * Null if that does not happen within `timeoutMs` (the last point seen is not good enough to click).
 */
export async function steadyScreenPoint(page: Page, name: string, timeoutMs = 30_000): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    async ({ name, timeoutMs }) => {
      const d = window.showroomDebug!;
      const end = performance.now() + timeoutMs;
      let last: { x: number; y: number } | null = null;
      let frame = d.frames;
      let still = 0;
      while (performance.now() < end) {
        // One animation frame; count only those in which the showroom rendered.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (d.frames === frame) continue;
        frame = d.frames;
        const q = d.objectScreenPoint(name);
        still = q && last && Math.hypot(q.x - last.x, q.y - last.y) < 1 ? still + 1 : 0;
        last = q;
        if (still >= 3) return q;
      }
      return null;
    },
    { name, timeoutMs },
  );
}

/**
 * Moves the mouse onto a screen point, waits until the scene has rendered two frames with the pointer there (its
 * hover), and clicks. Press and release carry timestamps 40 ms apart, so a click stays a click (pointer-events wants
 * under 300 ms) even when a slow frame holds up the release.
 */
export async function clickAt(page: Page, p: { x: number; y: number }): Promise<void> {
  await page.mouse.move(p.x, p.y);
  await waitFrames(page, 2);
  const cdp = await page.context().newCDPSession(page);
  try {
    const t = Date.now() / 1000;
    const base = { x: p.x, y: p.y, button: 'left' as const, clickCount: 1 };
    await cdp.send('Input.dispatchMouseEvent', { ...base, type: 'mousePressed', buttons: 1, timestamp: t });
    await cdp.send('Input.dispatchMouseEvent', { ...base, type: 'mouseReleased', buttons: 0, timestamp: t + 0.04 });
  } finally {
    await cdp.detach();
  }
}

/** Clicks the named in-scene element where it is drawn; throws if it never appears or never stands still. */
export async function pressInScene(page: Page, name: string): Promise<void> {
  const p = await steadyScreenPoint(page, name);
  if (!p) throw new Error(`${name} is not on screen, or never stopped moving`);
  await clickAt(page, p);
}

/** Share of sampled pixels (every 4th in x and y) whose colour differs by more than 8 in a channel, 0..1. */
function changedShare(a: Buffer, b: Buffer): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let changed = 0;
  let total = 0;
  for (let y = 0; y < pa.height; y += 4) {
    for (let x = 0; x < pa.width; x += 4) {
      const i = (y * pa.width + x) * 4;
      total++;
      if (Math.abs(pa.data[i]! - pb.data[i]!) > 8 || Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) > 8 || Math.abs(pa.data[i + 2]! - pb.data[i + 2]!) > 8) changed++;
    }
  }
  return changed / total;
}

/**
 * A screenshot once the picture has stopped changing (animations, easing, late textures): two shots a few
 * rendered frames apart that differ in under 0.5% of the pixels. Pages without the showroom's frame counter
 * (the staff dashboard) wait two animation frames between shots. Throws if it never settles within `timeoutMs`.
 */
export async function settledScreenshot(page: Page, opts: { clip?: { x: number; y: number; width: number; height: number }; path?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const end = Date.now() + (opts.timeoutMs ?? 60_000);
  const shot = () => page.screenshot({ clip: opts.clip, timeout: 60_000 });
  let last = await shot();
  while (Date.now() < end) {
    const hasCounter = await page.evaluate(() => typeof window.showroomDebug?.frames === 'number');
    if (hasCounter) await waitFrames(page, 3);
    else await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const next = await shot();
    if (changedShare(last, next) < 0.005) {
      if (opts.path) fs.writeFileSync(opts.path, next);
      return next;
    }
    last = next;
  }
  throw new Error(`the picture never stopped changing in ${opts.timeoutMs ?? 60_000} ms`);
}

/** The text of a finished download (the browser is remote to the tests, so its own file path is not readable here). */
export async function downloadText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
