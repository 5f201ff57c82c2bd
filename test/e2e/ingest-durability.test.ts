// 10,000 events from the showroom page while the server is SIGKILLed and restarted twice and requests are dropped: all stored once, in order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFrames, watchPage } from '../helpers/browser';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { openDb, readySession } from '../helpers/telemetryPage';
import { useSharedBrowser } from '../helpers/sharedBrowser';

const shared = useSharedBrowser();

const EVENTS = 10_000;
const CHUNK = 250;

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.kill();
});

/** A small seeded generator, so a failing run can be repeated. */
function seeded(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

it('stores every one of 10,000 events exactly once, in sequence order, through two SIGKILLs and dropped requests', { timeout: 240_000 }, async () => {
  const context = await shared.context({ viewport: { width: 800, height: 450 } });
  const page = await context.newPage();
  const watch = watchPage(page, server.url);
  await page.goto(`${server.url}/`);
  const sessionId = await readySession(page);
  let failed = 0;
  page.on('requestfailed', (req) => {
    if (req.url().includes('/trpc/session.ingest')) failed++;
  });

  // Drop some requests before they reach the server, and lose the answer of others after it stored them.
  const random = seeded(42);
  const dropped = { before: 0, after: 0 };
  await context.route('**/trpc/session.ingest*', async (route) => {
    const r = random();
    if (r < 0.08) {
      dropped.before++;
      return route.abort('connectionreset');
    }
    if (r < 0.16) {
      dropped.after++;
      await route.fetch().catch(() => undefined);
      return route.abort('connectionreset');
    }
    return route.continue();
  });

  const products = ['oslo-chair', 'fjord-sofa', 'bergen-armchair', 'halo-floor-lamp', 'kobe-stool'];
  const kills: number[] = [];
  for (let sent = 0; sent < EVENTS; sent += CHUNK) {
    await page.evaluate(
      ({ from, n, products }) => {
        const types = ['product_select', 'product_hover_start', 'wishlist_add', 'panel_close'] as const;
        for (let i = from; i < from + n; i++) {
          window.showroomTelemetry!.track({ type: types[i % types.length]!, input: 'mouse', productId: products[i % products.length]! });
        }
      },
      { from: sent, n: CHUNK, products },
    );
    if (sent === 2_500 || sent === 6_500) {
      kills.push(sent);
      await server.kill('SIGKILL');
      // The page keeps recording while the server is gone: restart only after a delivery has failed against it.
      const failedBefore = failed;
      await expect.poll(() => failed, { timeout: 60_000, interval: 50 }).toBeGreaterThan(failedBefore);
      await server.restart();
    }
    await waitFrames(page, 2); // spread the events over the page's delivery rounds
  }
  expect(kills).toHaveLength(2);

  // Delivery catches up by itself (backoff after the outages); wait for the queue to drain.
  await page.waitForFunction(() => window.showroomTelemetry!.stats().queued === 0, undefined, { timeout: 180_000, polling: 500 });
  await context.unroute('**/trpc/session.ingest*');
  await page.evaluate(() => window.showroomTelemetry!.flush());

  const db = openDb(server.dataDir);
  try {
    const mine = db
      .prepare("SELECT seq, id FROM events WHERE session_id = ? AND type IN ('product_select', 'product_hover_start', 'wishlist_add', 'panel_close') ORDER BY rowid")
      .all(sessionId) as { seq: number; id: string }[];
    expect(mine).toHaveLength(EVENTS);
    expect(new Set(mine.map((e) => e.id)).size).toBe(EVENTS);
    // Stored in the order recorded: by rowid the sequence numbers only grow.
    expect(mine.every((e, i) => i === 0 || e.seq > mine[i - 1]!.seq)).toBe(true);
    // Every sequence number of the session is there once: events and pose chunks together, no gaps.
    const all = db.prepare('SELECT seq FROM events WHERE session_id = ? UNION ALL SELECT seq FROM pose_chunks WHERE session_id = ? ORDER BY seq').pluck().all(sessionId, sessionId) as number[];
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i));
    expect(db.prepare('SELECT event_count FROM sessions WHERE id = ?').pluck().get(sessionId)).toBe(db.prepare('SELECT count(*) FROM events WHERE session_id = ?').pluck().get(sessionId));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
  expect(dropped.before).toBeGreaterThan(0);
  expect(dropped.after).toBeGreaterThan(0);
  // Besides the dropped ones, requests failed while the server was down (connection refused).
  expect(failed).toBeGreaterThan(dropped.before + dropped.after);
  expect(server.output().match(/Showroom running at/g)).toHaveLength(3);
  expect(watch.foreign).toEqual([]);
  await context.close();
});
