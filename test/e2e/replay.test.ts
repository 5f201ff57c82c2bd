// Session replay end to end: a real showroom run (walk, look, select) -> staff open the session -> readable timeline,
// a 3D replay that draws the walked path, playback, and a timeline click that moves the replay.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, pressInScene, settledScreenshot, watchPage } from '../helpers/browser';
import { decodePng, hueShare, imageStats } from '../helpers/image';
import { runCli, startTestServer, type TestServer } from '../helpers/server';
import { openDb } from '../helpers/telemetryPage';
import { useSharedBrowser } from '../helpers/sharedBrowser';

const shared = useSharedBrowser();

let server: TestServer;
const shots = path.resolve('test-results/replay');
const STAFF = { email: 'rita@example.com', password: 'replay-test-pass' };
const PATH_COLOUR = '#e6007e';

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startTestServer();
  const created = runCli(['user', 'add', '--email', STAFF.email, '--name', 'Rita', '--role', 'sales', '--password-stdin'], { dataDir: server.dataDir, input: `${STAFF.password}\n` });
  expect(created.stderr).toBe('');
});

afterAll(async () => {
  await server?.stop();
});

function one<T>(sql: string, ...args: unknown[]): T | undefined {
  const db = openDb(server.dataDir);
  try {
    return db.prepare(sql).get(...args) as T | undefined;
  } finally {
    db.close();
  }
}

async function frames(page: Page, n: number) {
  const f = await page.evaluate(() => window.showroomDebug!.frames);
  await page.waitForFunction((want) => window.showroomDebug!.frames >= want, f + n, { timeout: 30_000 });
}

/** A customer walks down the aisle towards the seating zone, stops before the Bergen Armchair, looks at it, opens it and adds it to the cart. */
async function showroomRun(): Promise<string> {
  const page = await shared.page({ viewport: { width: 1280, height: 720 } });
  const watch = watchPage(page, server.url);
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => {
    const d = window.showroomDebug;
    return !!d && d.frames > 5 && d.models().total > 0 && d.models().loaded >= d.models().total && !!window.showroomTelemetry?.stats().sessionId;
  }, undefined, { timeout: 90_000 });
  // Walk from the entrance along the aisle to the left (-x), a few frames at each step so the 10 Hz sampler sees it.
  for (let i = 0; i <= 8; i++) {
    await page.evaluate((x) => window.showroomDebug!.placeVisitor(x, 2.4 - (x / -12) * 0.8, Math.PI / 2), -i * 1.5);
    await frames(page, 2);
  }
  expect(await page.evaluate(() => window.showroomDebug!.standBefore('bergen-armchair', 2.6))).toBe(true);
  await page.waitForFunction(() => window.showroomDebug!.productScreenPoint('bergen-armchair') !== null, undefined, { timeout: 20_000 });
  await page.waitForFunction(() => window.showroomTelemetry!.probe!.stats().gazeProductId === 'bergen-armchair', undefined, { timeout: 30_000 });
  // A dwell needs gaze samples less than 150 ms apart, which SwiftShader's slowest frames do not always give: give it a chance.
  await page.waitForFunction(() => window.showroomTelemetry!.probe!.stats().dwelling, undefined, { timeout: 10_000 }).catch(() => undefined);
  await frames(page, 5);
  const chair = (await page.evaluate(() => window.showroomDebug!.productScreenPoint('bergen-armchair')))!;
  await clickAt(page, chair);
  await page.waitForFunction(() => window.showroomDebug!.state().selectedId === 'bergen-armchair', undefined, { timeout: 20_000 });
  await pressInScene(page, 'panel-add-to-cart');
  await page.screenshot({ path: path.join(shots, 'showroom-run.png') });
  const sessionId = await page.evaluate(() => window.showroomTelemetry!.stats().sessionId!);
  // Leaving the page closes the open dwell and pose chunk and sends them.
  await page.goto('about:blank');
  expect(watch.foreign).toEqual([]);
  expect(watch.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  await page.close();
  return sessionId;
}

const replayMs = (page: Page) => page.locator('.replay-controls').getAttribute('data-replay-ms').then(Number);

/** Waits until the page draws frames again (SwiftShader compiles shaders and draws the contact shadows in frames of 10-20 s). */
async function settle(page: Page) {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) => {
        const t0 = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0 < 3000)));
      }),
    undefined,
    { timeout: 120_000, polling: 1000 },
  );
}

async function canvasShot(page: Page, name: string) {
  await settle(page);
  // A page screenshot clipped to the canvas: an element screenshot waits for two equal animation frames, which
  // SwiftShader's slow frames rarely give.
  const clip = (await page.locator('.replay-canvas').boundingBox())!;
  const png = await settledScreenshot(page, { path: path.join(shots, `${name}.png`), clip });
  const img = decodePng(png);
  return { img, stats: imageStats(img), magenta: hueShare(img, img.width / 2, img.height / 2, Math.max(img.width, img.height) / 2, PATH_COLOUR, 18) };
}

describe('session replay', () => {
  it('shows a showroom run as a readable timeline and a 3D replay with the walked path; a timeline click moves the replay', { timeout: 240_000 }, async () => {
    const sessionId = await showroomRun();
    const stored = (type: string) => one<{ n: number }>('SELECT count(*) AS n FROM events WHERE session_id = ? AND type = ?', sessionId, type)?.n;
    const poseChunks = () => one<{ n: number }>('SELECT count(*) AS n FROM pose_chunks WHERE session_id = ?', sessionId)?.n;
    await expect.poll(() => !!stored('product_select') && !!stored('cart_add') && !!poseChunks(), { timeout: 45_000, message: 'the showroom run was stored' }).toBe(true);

    const { first } = one<{ first: number }>('SELECT min(client_ts) AS first FROM events WHERE session_id = ?', sessionId)!;
    const { ts: selectTs } = one<{ ts: number }>("SELECT client_ts AS ts FROM events WHERE session_id = ? AND type = 'product_select'", sessionId)!;

    const page = await shared.page({ viewport: { width: 1440, height: 900 } });
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Email').fill(STAFF.email);
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator(`a[href="/staff/sessions/${sessionId}"]`).click();

    // The readable timeline names the product and its variant; the raw events are still there.
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const opened = timeline.getByRole('button', { name: /Opened Bergen Armchair \(Moss velvet\)/ });
    await opened.waitFor({ timeout: 20_000 });
    await timeline.getByRole('button', { name: 'Added Bergen Armchair (Moss velvet) to cart' }).waitFor();
    if (stored('dwell_end')) await timeline.getByRole('button', { name: /Looked at Bergen Armchair, moss velvet, for \d/ }).first().waitFor();
    await page.getByRole('row').filter({ hasText: 'product_select' }).first().waitFor();
    await page.getByRole('table', { name: 'Products by attention' }).getByRole('row').filter({ hasText: 'Bergen Armchair' }).waitFor();
    await page.getByText('an approximation of where their eyes looked').waitFor();

    await page.locator('.replay[data-scene-ready="true"]').waitFor({ timeout: 90_000 });
    const before = await canvasShot(page, 'replay-start');

    // Play at 8x: the time moves on its own.
    await page.getByRole('button', { name: '8×' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => replayMs(page), { timeout: 20_000 }).toBeGreaterThan(1000);
    await page.getByRole('button', { name: 'Pause' }).click();
    // Scrub to the end: the whole path is drawn strong.
    await page.getByLabel('Replay time', { exact: true }).evaluate((el: HTMLInputElement) => {
      el.value = el.max;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const end = Number(await page.getByLabel('Replay time', { exact: true }).getAttribute('max'));
    await expect.poll(() => replayMs(page), { timeout: 10_000 }).toBe(end);
    const after = await canvasShot(page, 'replay-end');
    await page.screenshot({ path: path.join(shots, 'session-page.png'), fullPage: true, timeout: 60_000 });

    expect(after.stats.lumaStdDev, 'the replay shows the showroom, not a flat colour').toBeGreaterThan(12);
    expect(after.stats.distinctColours).toBeGreaterThan(40);
    expect(after.magenta, 'the walked path is drawn in its colour').toBeGreaterThan(0.004);
    expect(after.magenta, 'the played part of the path is drawn strong').toBeGreaterThan(before.magenta * 1.5);

    // Clicking a timeline entry moves the replay to that moment.
    await opened.click();
    await expect.poll(() => replayMs(page), { timeout: 10_000 }).toBe(selectTs - first);
    expect(selectTs - first).toBeLessThan(end);

    // Opening the session again (the models now come from the cache) draws the scene again.
    await page.getByRole('link', { name: '← All sessions' }).click();
    await page.locator(`a[href="/staff/sessions/${sessionId}"]`).click();
    await page.locator('.replay[data-scene-ready="true"]').waitFor({ timeout: 90_000 });

    expect(watch.foreign).toEqual([]);
    expect(watch.errors.filter((e) => !/favicon|status of 401/.test(e))).toEqual([]);
    await page.close();
  });
});
