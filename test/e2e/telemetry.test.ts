// Telemetry in the real showroom: gaze dwell and poses (desktop and emulated VR), reloads offline, beacons, tabs left behind.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePoseChunk } from '../../server/contracts/pose';
import { holdFor, watchPage } from '../helpers/browser';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { aimAt, openDb, readySession, trackSelects } from '../helpers/telemetryPage';
import { useSharedBrowser } from '../helpers/sharedBrowser';

const shared = useSharedBrowser();

let server: ServerProcess;
const shots = path.resolve('test-results');
const INGEST = '**/trpc/session.ingest*';
// Small pages: SwiftShader draws on the CPU, and these tests need frames (gaze samples, pose samples), not pixels.
// At 1280x720 a frame on a loaded machine took over a second, long enough to end a dwell (MAX_SAMPLE_GAP_MS).
const VIEWPORT = { width: 800, height: 450 };

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.kill();
});

/** Polls the database until `sql` (one number) reaches `want`, or the time runs out. */
async function waitForCount(sql: string, args: unknown[], want: number, timeout = 30_000): Promise<number> {
  const db = openDb(server.dataDir);
  try {
    const deadline = Date.now() + timeout;
    for (;;) {
      const n = db.prepare(sql).pluck().get(...args) as number;
      if (n >= want || Date.now() > deadline) return n;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    db.close();
  }
}

function rows<T>(sql: string, ...args: unknown[]): T[] {
  const db = openDb(server.dataDir);
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

async function newPage(context?: BrowserContext): Promise<{ page: Page; watch: ReturnType<typeof watchPage>; context: BrowserContext }> {
  const ctx = context ?? (await shared.context({ viewport: VIEWPORT }));
  const page = await ctx.newPage();
  return { page, watch: watchPage(page, server.url), context: ctx };
}

describe('telemetry in the browser', () => {
  it('logs a dwell (input gaze) and desktop pose chunks when the centre of view rests on a product', { timeout: 150_000 }, async () => {
    const { page, watch, context } = await newPage();
    await page.goto(`${server.url}/`);
    const sessionId = await readySession(page);
    const candidates = ['stack-bookcase', 'nook-cabinet', 'kiri-dresser', 'halo-floor-lamp', 'dune-sideboard'];
    let target: string | null = null;
    for (const id of candidates) {
      if (await aimAt(page, id)) {
        target = id;
        break;
      }
    }
    expect(target, 'one of the storage or lighting products came under the crosshair').not.toBeNull();
    await page.waitForFunction(() => window.showroomTelemetry!.probe!.stats().dwelling, undefined, { timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'telemetry-dwell.png') });
    await holdFor(page, 600); // a dwell of at least 850 ms: 250 ms to start, then this
    await page.mouse.move(640, -400, { steps: 4 }); // look up at the ceiling: the dwell ends
    await page.waitForFunction(() => !window.showroomTelemetry!.probe!.stats().dwelling, undefined, { timeout: 20_000 });
    await page.evaluate(() => window.showroomTelemetry!.flush());

    const dwells = rows<{ type: string; input: string; product_id: string; duration_ms: number | null }>(
      "SELECT type, input, product_id, duration_ms FROM events WHERE session_id = ? AND type LIKE 'dwell%' ORDER BY seq",
      sessionId,
    );
    expect(dwells.every((d) => d.input === 'gaze')).toBe(true);
    // Aiming may have rested on other products on the way; the last dwell is the one on the target.
    expect(dwells.slice(-2).map((d) => [d.type, d.product_id])).toEqual([
      ['dwell_start', target],
      ['dwell_end', target],
    ]);
    expect(dwells.at(-1)!.duration_ms).toBeGreaterThanOrEqual(850);
    expect(dwells.filter((d) => d.type === 'dwell_start').length).toBe(dwells.filter((d) => d.type === 'dwell_end').length);
    const attention = rows<{ dwell_count: number; dwell_ms: number }>('SELECT dwell_count, dwell_ms FROM session_products WHERE session_id = ? AND product_id = ?', sessionId, target);
    expect(attention[0]!.dwell_ms).toBe(dwells.filter((d) => d.type === 'dwell_end' && d.product_id === target).reduce((s, d) => s + d.duration_ms!, 0));

    await page.evaluate(() => window.showroomTelemetry!.flush());
    const chunks = rows<{ mode: string; samples: number; data: Buffer }>('SELECT mode, samples, data FROM pose_chunks WHERE session_id = ? ORDER BY start_ts', sessionId);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.mode === 'desktop')).toBe(true);
    const heads = chunks.flatMap((c) => decodePoseChunk(new Uint8Array(c.data)).samples.map((s) => s.head!));
    expect(heads.every((h) => Math.abs(h.py - 1.6) < 0.01)).toBe(true); // eye height on desktop
    expect(new Set(heads.map((h) => h.qx.toFixed(2))).size).toBeGreaterThan(1); // the head turned while aiming

    expect(watch.foreign).toEqual([]);
    expect(watch.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await context.close();
  });

  it('keeps events through an offline reload and delivers each exactly once, in order, when the network returns', { timeout: 150_000 }, async () => {
    const { page, watch, context } = await newPage();
    await page.goto(`${server.url}/`);
    const sessionId = await readySession(page);
    await page.evaluate(() => window.showroomTelemetry!.flush());
    await context.route(INGEST, (route) => route.abort('internetdisconnected'));
    await trackSelects(page, 300);
    await page.reload(); // at once: some events are only in memory; the page-hide spill and IndexedDB keep them
    expect(await readySession(page)).toBe(sessionId);
    await trackSelects(page, 200, 'fjord-sofa');
    expect(await page.evaluate(() => window.showroomTelemetry!.stats().queued)).toBeGreaterThanOrEqual(500);
    await context.unroute(INGEST);
    await page.evaluate(() => window.showroomTelemetry!.flush());

    const selects = await waitForCount("SELECT count(*) FROM events WHERE session_id = ? AND type = 'product_select'", [sessionId], 500);
    expect(selects).toBe(500);
    const all = rows<{ seq: number }>('SELECT seq FROM events WHERE session_id = ? UNION ALL SELECT seq FROM pose_chunks WHERE session_id = ? ORDER BY seq', sessionId, sessionId).map((r) => r.seq);
    expect(new Set(all).size).toBe(all.length); // no sequence number twice
    const order = rows<{ product_id: string }>("SELECT product_id FROM events WHERE session_id = ? AND type = 'product_select' ORDER BY seq", sessionId).map((r) => r.product_id);
    expect(order.slice(0, 300).every((p) => p === 'oslo-chair') && order.slice(300).every((p) => p === 'fjord-sofa')).toBe(true);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });

  it('keeps what is recorded while no session could be started yet, through a reload, and sends it once the server answers', { timeout: 150_000 }, async () => {
    const { page, context } = await newPage();
    await context.route('**/trpc/session.{start,ingest}*', (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (window.showroomDebug?.frames ?? 0) > 3 && !!window.showroomTelemetry, undefined, { timeout: 90_000 });
    await trackSelects(page, 25, 'lund-bench');
    await page.reload();
    await page.waitForFunction(() => !!window.showroomTelemetry, undefined, { timeout: 90_000 });
    expect(await page.evaluate(() => window.showroomTelemetry!.stats().sessionId)).toBeNull();
    await context.unroute('**/trpc/session.{start,ingest}*');
    await page.waitForFunction(() => !!window.showroomTelemetry!.stats().sessionId, undefined, { timeout: 90_000, polling: 500 });
    const sessionId = await page.evaluate(() => window.showroomTelemetry!.stats().sessionId!);
    await page.evaluate(() => window.showroomTelemetry!.flush());
    expect(await waitForCount("SELECT count(*) FROM events WHERE session_id = ? AND product_id = 'lund-bench'", [sessionId], 25)).toBe(25);
    await context.close();
  });

  it('beacons what is queued when the page is left, and the server stores it', { timeout: 90_000 }, async () => {
    const { page, context } = await newPage();
    await page.goto(`${server.url}/`);
    const sessionId = await readySession(page);
    await page.evaluate(() => window.showroomTelemetry!.flush());
    // Ordinary requests fail from now on; only the browser's beacon (which routes do not see) can get the events out.
    await context.route(INGEST, (route) => route.abort('internetdisconnected'));
    await trackSelects(page, 30, 'halo-floor-lamp');
    await page.evaluate(() => window.showroomTelemetry!.flush());
    expect(await page.evaluate(() => window.showroomTelemetry!.stats())).toMatchObject({ queued: 30, attempt: 1, lastError: expect.stringMatching(/^0: /) });
    await page.goto('about:blank');
    const stored = await waitForCount("SELECT count(*) FROM events WHERE session_id = ? AND type = 'product_select'", [sessionId], 30);
    expect(stored).toBe(30);
    expect(await waitForCount("SELECT count(*) FROM events WHERE session_id = ? AND type = 'session_end'", [sessionId], 1)).toBe(1);
    await context.close();
  });

  it('a new tab delivers the events a closed tab left queued, under the closed tab\'s session', { timeout: 150_000 }, async () => {
    const context = await shared.context({ viewport: VIEWPORT });
    await context.route(INGEST, (route) => route.abort('internetdisconnected'));
    const first = await newPage(context);
    await first.page.goto(`${server.url}/`);
    const oldSession = await readySession(first.page);
    await trackSelects(first.page, 40, 'kobe-stool');
    await first.page.evaluate(() => window.showroomTelemetry!.persist());
    const closed = first.page.waitForEvent('close');
    await first.page.close({ runBeforeUnload: true }); // a real close: page hide runs, its beacon fails too
    await closed;
    await context.unroute(INGEST);

    const second = await newPage(context);
    await second.page.goto(`${server.url}/`);
    const newSession = await readySession(second.page);
    expect(newSession).not.toBe(oldSession);
    const delivered = await waitForCount("SELECT count(*) FROM events WHERE session_id = ? AND product_id = 'kobe-stool'", [oldSession], 40);
    expect(delivered).toBe(40);
    await second.page.waitForFunction(() => window.showroomTelemetry!.stats().queued === 0, undefined, { timeout: 30_000 });
    await context.close();
  });
});

describe('telemetry in emulated VR', () => {
  it('samples the headset and both controllers, then both hands, into VR pose chunks', { timeout: 180_000 }, async () => {
    const require = createRequire(import.meta.url);
    const context = await shared.context({ viewport: VIEWPORT });
    await context.addInitScript({ path: require.resolve('iwer/build/iwer.min.js') });
    await context.addInitScript(() => {
      const IWER = (window as unknown as { IWER: { XRDevice: new (c: unknown) => { installRuntime(o: object): void }; metaQuest3: unknown } }).IWER;
      const device = new IWER.XRDevice(IWER.metaQuest3);
      device.installRuntime({ forceInstall: true });
      (window as unknown as { xrDevice: unknown }).xrDevice = device;
    });
    const { page, watch } = await newPage(context);
    await page.goto(`${server.url}/`);
    const sessionId = await readySession(page);
    await page.evaluate(async () => {
      type V = { set(x: number, y: number, z: number): void };
      const d = (window as unknown as { xrDevice: { position: V; controllers: { left: { position: V }; right: { position: V } } } }).xrDevice;
      d.position.set(0, 1.7, 0);
      d.controllers.left.position.set(-0.3, 1.2, -0.4);
      d.controllers.right.position.set(0.3, 1.2, -0.4);
      const session = await navigator.xr!.requestSession('immersive-vr', { optionalFeatures: ['local-floor', 'hand-tracking'] });
      (window as unknown as { xrSession: XRSession }).xrSession = session;
      await window.showroomTelemetry!.probe!.presentXR(session);
    });
    const before = await page.evaluate(() => window.showroomTelemetry!.probe!.stats().poseSamples);
    await page.waitForFunction((n) => window.showroomTelemetry!.probe!.stats().poseSamples >= n + 8, before, { timeout: 60_000 });
    await page.evaluate(() => {
      const d = (window as unknown as { xrDevice: { controllers: { right: { position: { set(x: number, y: number, z: number): void } } } } }).xrDevice;
      d.controllers.right.position.set(0.8, 1.2, -0.4);
    });
    const moved = await page.evaluate(() => window.showroomTelemetry!.probe!.stats().poseSamples);
    await page.waitForFunction((n) => window.showroomTelemetry!.probe!.stats().poseSamples >= n + 8, moved, { timeout: 60_000 });
    await page.screenshot({ path: path.join(shots, 'telemetry-vr.png') });
    // Put the controllers down: hand tracking takes over.
    await page.evaluate(() => {
      (window as unknown as { xrDevice: { primaryInputMode: string } }).xrDevice.primaryInputMode = 'hand';
    });
    await page.waitForFunction(() => window.showroomTelemetry!.probe!.stats().poseMask === 31, undefined, { timeout: 60_000 });
    const handsFrom = await page.evaluate(() => window.showroomTelemetry!.probe!.stats().poseSamples);
    await page.waitForFunction((n) => window.showroomTelemetry!.probe!.stats().poseSamples >= n + 6, handsFrom, { timeout: 60_000 });
    await page.evaluate(async () => {
      // Ending the session closes the chunk gathered in VR.
      await (window as unknown as { xrSession: XRSession }).xrSession.end();
      await window.showroomTelemetry!.flush();
    });

    const chunks = rows<{ data: Buffer }>("SELECT data FROM pose_chunks WHERE session_id = ? AND mode = 'vr' ORDER BY start_ts", sessionId);
    expect(chunks.length).toBeGreaterThan(0);
    const samples = chunks.flatMap((c) => decodePoseChunk(new Uint8Array(c.data)).samples);
    const hands = samples.filter((s) => s.mask === (1 | 2 | 4 | 8 | 16));
    expect(hands.length, 'samples of the head and two tracked hands').toBeGreaterThanOrEqual(4);
    expect(samples.indexOf(hands[0]!)).toBeGreaterThan(samples.findLastIndex((s) => s.mask === (1 | 2 | 4)));
    const both = samples.filter((s) => s.mask === (1 | 2 | 4)); // head and two controllers
    expect(both.length).toBeGreaterThanOrEqual(12);
    expect(both.every((s) => s.left!.px < s.right!.px)).toBe(true);
    const rightXs = both.map((s) => s.right!.px);
    expect(Math.max(...rightXs) - Math.min(...rightXs)).toBeGreaterThan(0.4); // the right controller moved 0.5 m
    expect(both.every((s) => Math.abs(s.right!.py - s.head!.py + 0.5) < 0.1)).toBe(true); // controllers 0.5 m below the head
    expect(watch.foreign).toEqual([]);
    await context.close();
  });
});
