// The browser queue's durability in Node: pages reloaded, killed and closed over fake-indexeddb, delivering to the real server and SQLite file.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app';
import type { IngestBatchInput } from '../../server/contracts/events';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { root } from '../../test/helpers/server';
import { MAX_TRIES } from './delivery';
import { EventStore } from './eventStore';
import { installBrowser, type Intercept, newTab, openPage, type Page } from './testPage';

let env: TestEnv;
let app: FastifyInstance;
let base = '';
const intercept: { current: Intercept | null } = { current: null };
const pages: Page[] = [];

beforeAll(() => installBrowser(() => base, intercept));
afterAll(() => vi.unstubAllGlobals());
beforeEach(async () => {
  env = createTestEnv();
  app = await buildApp({ deps: env.deps, clientDir: path.join(env.dir, 'no-client'), assetsDir: path.join(root, 'assets') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // Each test has a browser profile of its own.
  indexedDB.deleteDatabase('showroom-telemetry');
});
afterEach(async () => {
  intercept.current = null;
  for (const p of pages.splice(0)) p.kill();
  await app.close();
  env.close();
});

async function page(tab = newTab()): Promise<Page & { tab: ReturnType<typeof newTab> }> {
  const p = await openPage(tab);
  pages.push(p);
  return Object.assign(p, { tab });
}

/** What the server stored for a session: event types by sequence number. */
const stored = (sessionId: string) =>
  env.deps.db.prepare('SELECT seq, type FROM events WHERE session_id = ? ORDER BY seq').all(sessionId) as { seq: number; type: string }[];

/** The events IndexedDB holds for a session (read through a connection of its own, as another tab would). */
async function inIndexedDB(sessionId: string): Promise<number[]> {
  const store = (await EventStore.open())!;
  try {
    return (await store.load(sessionId)).events.map((e) => e.seq);
  } finally {
    store.close();
  }
}

const select = (p: Page, productId: string) => p.recorder.track({ type: 'product_select', input: 'mouse', productId });

describe('browser telemetry queue (Node, fake-indexeddb, real server)', () => {
  it('events written to IndexedDB survive a killed page: the reloaded tab resumes the session and sends them once', async () => {
    const first = await page();
    const { sessionId } = await first.recorder.startTelemetry('desktop');
    select(first, 'oslo-chair');
    select(first, 'bergen-armchair');
    await first.recorder.persistTelemetry();
    first.kill();
    expect(stored(sessionId)).toEqual([]);
    expect(await inIndexedDB(sessionId)).toEqual([0, 1, 2]);

    const reloaded = await page(first.tab);
    const again = await reloaded.recorder.startTelemetry('desktop');
    expect(again.sessionId).toBe(sessionId);
    select(reloaded, 'oslo-chair');
    await reloaded.recorder.flushTelemetry();
    expect(stored(sessionId)).toEqual([
      { seq: 0, type: 'session_start' },
      { seq: 1, type: 'product_select' },
      { seq: 2, type: 'product_select' },
      { seq: 3, type: 'product_select' },
    ]);
    await reloaded.recorder.persistTelemetry();
    expect(await inIndexedDB(sessionId)).toEqual([]);
  });

  it('a batch leaves IndexedDB only after the server acknowledged it; an answer lost on the way is resent harmlessly', async () => {
    const p = await page();
    const { sessionId } = await p.recorder.startTelemetry('desktop');
    select(p, 'oslo-chair');
    // The server stores the batch, but the answer never arrives (connection reset).
    intercept.current = () => 'lost';
    await p.recorder.flushTelemetry();
    expect(stored(sessionId).map((e) => e.seq)).toEqual([0, 1]);
    expect(p.state.queue.size()).toBe(2);
    await p.recorder.persistTelemetry();
    expect(await inIndexedDB(sessionId)).toEqual([0, 1]);
    p.kill();

    const reloaded = await page(p.tab);
    await reloaded.recorder.startTelemetry('desktop');
    intercept.current = null;
    await reloaded.recorder.flushTelemetry();
    expect(reloaded.state.delivery?.delivered).toBe(2);
    expect(stored(sessionId).map((e) => e.seq)).toEqual([0, 1]);
    await reloaded.recorder.persistTelemetry();
    expect(await inIndexedDB(sessionId)).toEqual([]);
  });

  it("a closed tab's queued session is adopted by another tab and delivered with its own token", async () => {
    const closed = await page();
    const { sessionId: orphan } = await closed.recorder.startTelemetry('desktop');
    select(closed, 'oslo-chair');
    await closed.recorder.persistTelemetry();
    // An open tab holds its session: the other tab must not take it while it lives.
    const other = await page();
    const { sessionId: mine } = await other.recorder.startTelemetry('desktop');
    await other.recorder.flushTelemetry();
    expect(stored(orphan)).toEqual([]);
    expect(other.state.orphans?.adopted).toEqual([]);

    closed.kill();
    await vi.waitFor(() => expect(other.state.orphans?.adopted).toEqual([orphan]));
    await other.recorder.flushTelemetry();
    expect(stored(orphan).map((e) => e.type)).toEqual(['session_start', 'product_select']);
    expect(stored(mine).map((e) => e.type)).toEqual(['session_start']);
    await other.recorder.flushTelemetry();
    expect(other.state.orphans?.adopted).toEqual([]);
    expect(await inIndexedDB(orphan)).toEqual([]);
  });

  it('leaving the page records session_end and beacons the queue; the reloaded tab sends nothing twice', async () => {
    const p = await page();
    const { sessionId } = await p.recorder.startTelemetry('desktop');
    select(p, 'oslo-chair');
    p.dispatch('pagehide');
    await vi.waitFor(() => expect(stored(sessionId).map((e) => e.type)).toEqual(['session_start', 'product_select', 'session_end']));
    p.kill();
    const reloaded = await page(p.tab);
    await reloaded.recorder.startTelemetry('desktop');
    await reloaded.recorder.flushTelemetry();
    expect(reloaded.state.delivery?.delivered).toBe(3);
    expect(stored(sessionId)).toHaveLength(3);
  });

  it('without IndexedDB, what the page leaves unsent is spilled to sessionStorage and sent by the reloaded tab', async () => {
    const p = await page();
    const { sessionId } = await p.recorder.startTelemetry('desktop');
    select(p, 'oslo-chair');
    // IndexedDB gone (private mode, storage pressure) and the beacon refused on the way out.
    p.state.store?.close();
    p.state.store = null;
    intercept.current = () => ({ status: 503, message: 'Service unavailable' });
    p.dispatch('pagehide');
    p.kill();
    expect(stored(sessionId)).toEqual([]);
    expect(await inIndexedDB(sessionId)).toEqual([]);
    intercept.current = null;
    const reloaded = await page(p.tab);
    await reloaded.recorder.startTelemetry('desktop');
    await reloaded.recorder.flushTelemetry();
    expect(stored(sessionId).map((e) => e.type)).toEqual(['session_start', 'product_select', 'session_end']);
  });

  it('an event the server names as invalid (400) is set aside in IndexedDB at once, counted, and the rest delivered', async () => {
    const p = await page();
    const { sessionId } = await p.recorder.startTelemetry('desktop');
    select(p, 'oslo-chair');
    p.recorder.track({ type: 'product_select', input: 'mouse', productId: 'x'.repeat(500) });
    select(p, 'bergen-armchair');
    await p.recorder.flushTelemetry();
    await p.recorder.flushTelemetry();
    const rows = stored(sessionId);
    expect(rows.map((e) => e.seq)).toEqual([0, 1, 3, 4]);
    expect(rows.at(-1)!.type).toBe('telemetry_drop');
    const drop = env.deps.db.prepare("SELECT props FROM events WHERE session_id = ? AND type = 'telemetry_drop'").pluck().get(sessionId) as string;
    expect(JSON.parse(drop)).toMatchObject({ reason: 'refused', events: 1 });
    const store = (await EventStore.open())!;
    expect((await store.deadLetters()).map((d) => [d.sessionId, d.seq])).toEqual([[sessionId, 2]]);
    store.close();
  });

  it(`an event the server keeps failing on (5xx) is set aside after ${MAX_TRIES} tries, the events around it delivered`, async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    try {
      const p = await page();
      const { sessionId } = await p.recorder.startTelemetry('desktop');
      await p.recorder.flushTelemetry();
      for (let i = 0; i < 9; i++) select(p, i === 5 ? 'fjord-sofa' : 'oslo-chair');
      // The server chokes on any batch holding the sofa's event.
      const requests: number[] = [];
      intercept.current = (b: IngestBatchInput) => {
        requests.push(b.events.length);
        return b.events.some((e) => e.productId === 'fjord-sofa') ? { status: 500, message: 'Internal server error' } : null;
      };
      await p.recorder.flushTelemetry();
      await vi.waitFor(() => expect(stored(sessionId).map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 7, 8, 9, 10]), { timeout: 20_000 });
      expect(stored(sessionId).at(-1)!.type).toBe('telemetry_drop');
      expect(requests.slice(0, MAX_TRIES)).toEqual(Array(MAX_TRIES).fill(9));
      const store = (await EventStore.open())!;
      const dead = await store.deadLetters();
      store.close();
      expect(dead.map((d) => d.seq)).toEqual([6]);
      expect(dead[0]!.reason).toMatch(/500/);
      expect(p.state.delivery?.attempt).toBe(0);
      expect(p.state.queue.size()).toBe(0);
    } finally {
      vi.mocked(Math.random).mockRestore();
    }
  });

  it('while the whole server fails (5xx on everything), nothing is set aside however long it lasts', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    try {
      const p = await page();
      const { sessionId } = await p.recorder.startTelemetry('desktop');
      for (let i = 0; i < 4; i++) select(p, 'oslo-chair');
      let failures = 0;
      intercept.current = () => (failures++, { status: 503, message: 'Service unavailable' });
      await p.recorder.flushTelemetry();
      await vi.waitFor(() => expect(failures).toBeGreaterThan(3 * MAX_TRIES), { timeout: 20_000 });
      expect(p.state.delivery?.setAside).toBe(0);
      // Whatever was not stored before the outage began (a busy machine may deliver session_start first) is still queued.
      expect(p.state.queue.size()).toBe(5 - stored(sessionId).length);
      intercept.current = null;
      p.state.delivery?.online();
      await vi.waitFor(() => expect(stored(sessionId)).toHaveLength(5), { timeout: 20_000 });
      const store = (await EventStore.open())!;
      expect(await store.deadLetters()).toEqual([]);
      store.close();
    } finally {
      vi.mocked(Math.random).mockRestore();
    }
  });
});
