// Desktop and touch controls in a real browser: click the floor to walk, drag to look, help, taps and two-finger moves.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, steadyScreenPoint, waitForWalk, watchPage } from '../helpers/browser';
import { storedEvents } from '../helpers/events';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFrames } from '../helpers/xr';
import { useSharedBrowser } from '../helpers/sharedBrowser';

const shared = useSharedBrowser();

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const playerOf = (page: Page) => page.evaluate(() => window.showroomDebug!.player());

async function open(page: Page) {
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => (window.showroomDebug?.frames ?? 0) > 5, undefined, { timeout: 60_000 });
}

async function eventually<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    v = await read();
  }
  return v;
}

describe('desktop', () => {
  it('walks to a clicked floor spot, looks around by dragging, and opens the controls help with H', { timeout: 120_000 }, async () => {
    const page = await shared.page({ viewport: { width: 960, height: 540 } });
    const watch = watchPage(page, server.url);
    await open(page);
    const start = await playerOf(page);
    // An open spot of the aisle 3 m ahead and 1 m to the left.
    const spot = (await page.evaluate((p) => window.showroomDebug!.worldToScreen(p), { x: start.x - 1, y: 0, z: start.z - 3 }))!;
    await clickAt(page, spot);
    await eventually(() => playerOf(page), (p) => start.z - p.z > 1);
    // Wait until the walk has arrived (two reads a few frames apart agree).
    let walked = await playerOf(page);
    for (let i = 0; i < 40; i++) {
      await waitFrames(page, 3);
      const now = await playerOf(page);
      if (Math.hypot(now.x - walked.x, now.z - walked.z) < 0.001) break;
      walked = now;
    }
    expect(start.z - walked.z).toBeGreaterThan(1);
    expect(Math.hypot(walked.x - (start.x - 1), walked.z - (start.z - 3))).toBeLessThan(0.2);

    await page.mouse.move(480, 200);
    await page.mouse.down();
    await page.mouse.move(680, 200, { steps: 8 });
    await page.mouse.up();
    await waitFrames(page, 2);
    const turned = await playerOf(page);
    expect(Math.abs(turned.yaw - walked.yaw)).toBeGreaterThan(0.3);
    // A drag is looking, not walking: the click at its end did not send the visitor anywhere.
    await waitFrames(page, 10);
    expect(Math.hypot(turned.x - walked.x, turned.z - walked.z)).toBeLessThan(0.05);

    await page.keyboard.press('KeyH');
    const help = page.getByRole('dialog', { name: 'Controls' });
    await help.waitFor();
    expect(await help.textContent()).toMatch(/Gamepad.*VR headset/s);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(watch.foreign).toEqual([]);
    await page.close();
  });
});

describe('touch', () => {
  async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[], timestamp?: number) {
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })), timestamp });
  }
  /** A tap whose touch start and end carry timestamps 40 ms apart, so a slow frame between them cannot make it a long press. */
  async function tap(cdp: CDPSession, p: { x: number; y: number }) {
    const t = Date.now() / 1000;
    await touch(cdp, 'touchStart', [p], t);
    await touch(cdp, 'touchEnd', [], t + 0.04);
  }

  it('taps to select, drags one finger to look, and moves with two fingers', { timeout: 120_000 }, async () => {
    const context = await shared.context({ viewport: { width: 960, height: 540 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const watch = watchPage(page, server.url);
    const cdp = await context.newCDPSession(page);
    await open(page);
    const sessionId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('showroom.session')!).sessionId as string);

    const c = (await page.evaluate(() => window.showroomDebug!.productWorldCenter('arc-reading-lamp')))!;
    await page.evaluate(([x, z]) => window.showroomDebug!.teleport(x, z), [c.x, c.z + 1.6] as const);
    await waitFrames(page, 2);
    await page.evaluate(() => window.showroomDebug!.faceProduct('arc-reading-lamp'));
    await waitFrames(page, 2);
    const point = (await page.evaluate(() => window.showroomDebug!.productScreenPoint('arc-reading-lamp')))!;
    await tap(cdp, point);
    const select = await eventually(
      () => storedEvents(server.dataDir).find((e) => e.sessionId === sessionId && e.type === 'product_select'),
      (e) => Boolean(e),
    );
    expect(select).toMatchObject({ input: 'touch', productId: 'arc-reading-lamp' });
    // Close the panel (a touch on the panel is the panel's, not the view's), as a visitor would before walking on.
    const close = await steadyScreenPoint(page, 'panel-close');
    expect(close, 'the panel\'s close button is on screen').not.toBeNull();
    await tap(cdp, close!);
    await page.waitForFunction(() => window.showroomDebug!.state().panel === null, undefined, { timeout: 30_000, polling: 200 });

    const before = await playerOf(page);
    await touch(cdp, 'touchStart', [{ x: 300, y: 300 }]);
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', [{ x: 300 + i * 30, y: 300 }]);
    await touch(cdp, 'touchEnd', []);
    await waitFrames(page, 2);
    const looked = await playerOf(page);
    expect(Math.abs(looked.yaw - before.yaw)).toBeGreaterThan(0.3);

    await touch(cdp, 'touchStart', [{ x: 400, y: 400 }, { x: 560, y: 400 }]);
    for (let i = 1; i <= 4; i++) await touch(cdp, 'touchMove', [{ x: 400, y: 400 - i * 30 }, { x: 560, y: 400 - i * 30 }]);
    await waitForWalk(page, looked, 0.6);
    await touch(cdp, 'touchEnd', []);
    const moved = await playerOf(page);
    expect(Math.hypot(moved.x - looked.x, moved.z - looked.z)).toBeGreaterThan(0.5);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });
});
