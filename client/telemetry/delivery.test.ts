// Delivery against the real HTTP server and SQLite file: batching, refused events, refused sessions, rate limits, outages.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { root } from '../../test/helpers/server';
import { poseEvent, select } from '../../test/helpers/telemetry';
import { Delivery, type DeliveryHooks, MAX_BATCH } from './delivery';
import { EventQueue } from './queue';
import { fetchTransport, type Transport } from './transport';

let env: TestEnv;
let app: FastifyInstance;
let server: Transport;
beforeEach(async () => {
  env = createTestEnv();
  app = await buildApp({ deps: env.deps, clientDir: path.join(env.dir, 'no-client'), assetsDir: path.join(root, 'assets') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  server = fetchTransport(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
});
afterEach(async () => {
  await app.close();
  env.close();
});

const seqs = (table: 'events' | 'pose_chunks', sessionId: string) =>
  env.deps.db.prepare(`SELECT seq FROM ${table} WHERE session_id = ? ORDER BY rowid`).pluck().all(sessionId) as number[];

/** A session on the server, an empty queue, hooks that record what happened, and a delivery with jitter fixed at 0.5. */
async function setup(transport: Transport = server) {
  const { sessionId, token } = await env.anonymous().session.start({ visitorId: '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', mode: 'desktop' });
  const queue = new EventQueue();
  const log = { rejected: [] as [string, number][], refused: [] as number[][] };
  const tokens = new Map([[sessionId, token]]);
  const hooks: DeliveryHooks = {
    tokenFor: (id) => tokens.get(id) ?? null,
    onSessionRejected: (id, n) => void log.rejected.push([id, n]),
    setAside: async (_id, events) => void log.refused.push(events.map((e) => e.seq)),
  };
  const make = (t: Transport, maxBatch?: number) => new Delivery(queue, t, hooks, { random: () => 0.5, maxBatch });
  return { sessionId, queue, log, tokens, make, delivery: make(transport) };
}

/** A transport that records each request's size and answer before passing it on. */
function recording(inner: Transport, filter?: (n: number) => number | null) {
  const requests: { size: number; status: number }[] = [];
  const t: Transport = {
    async send(b) {
      const forced = filter?.(b.events.length) ?? null;
      const r = forced ? { ok: false as const, status: forced, message: 'forced' } : await inner.send(b);
      requests.push({ size: b.events.length, status: r.ok ? 200 : r.status });
      return r;
    },
  };
  return { t, requests };
}

describe('Delivery', () => {
  it('a flush called while a round is sending resolves only once what was queued before it is stored', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let first = true;
    const slow: Transport = {
      async send(b) {
        if (first) {
          first = false;
          await held;
        }
        return server.send(b);
      },
    };
    const { sessionId, queue, delivery } = await setup(slow);
    queue.push(sessionId, select(0));
    const running = delivery.flush();
    await new Promise((r) => setTimeout(r, 20));
    queue.push(sessionId, poseEvent(1));
    const asked = delivery.flush();
    let done = false;
    void asked.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done, 'still waiting for the round under way').toBe(false);
    release();
    await asked;
    expect(seqs('events', sessionId)).toEqual([0]);
    expect(seqs('pose_chunks', sessionId)).toEqual([1]);
    await running;
    delivery.stop();
  });

  it('sends a backlog in batches of at most 500, in order, and empties the queue', async () => {
    const rec = recording(server);
    const { sessionId, queue, delivery } = await setup(rec.t);
    for (let i = 0; i < 1234; i++) queue.push(sessionId, i % 7 === 3 ? poseEvent(i) : select(i));
    await delivery.flush();
    delivery.stop();
    expect(queue.size()).toBe(0);
    expect(rec.requests.map((r) => r.size)).toEqual([MAX_BATCH, MAX_BATCH, 234]);
    const events = seqs('events', sessionId);
    expect([...events, ...seqs('pose_chunks', sessionId)].sort((a, b) => a - b)).toEqual(Array.from({ length: 1234 }, (_, i) => i));
    expect(events).toEqual([...events].sort((a, b) => a - b));
  });

  it('drops exactly the events the server names as invalid and delivers the rest', async () => {
    const { sessionId, queue, delivery, log } = await setup();
    for (let i = 0; i < 10; i++) {
      const e = select(i);
      if (i === 3) e.productId = 'no-such-chair';
      if (i === 7) (e as { input: string }).input = 'telepathy';
      queue.push(sessionId, e);
    }
    await delivery.flush();
    delivery.stop();
    expect(log.refused.flat().sort()).toEqual([3, 7]);
    expect(seqs('events', sessionId)).toEqual([0, 1, 2, 4, 5, 6, 8, 9]);
    expect(queue.size()).toBe(0);
  });

  it("drops a session's events when the server refuses its token, and reports it", async () => {
    const { sessionId, queue, delivery, log, tokens } = await setup();
    tokens.set(sessionId, 'x'.repeat(43));
    for (let i = 0; i < 3; i++) queue.push(sessionId, select(i));
    await delivery.flush();
    delivery.stop();
    expect(log.rejected).toEqual([[sessionId, 3]]);
    expect(queue.size()).toBe(0);
    expect(seqs('events', sessionId)).toEqual([]);
  });

  it('keeps events and backs off exponentially with jitter while the server is unreachable', async () => {
    const { sessionId, queue, make } = await setup();
    const offline = make(fetchTransport('http://127.0.0.1:9'));
    queue.push(sessionId, select(0));
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      await offline.flush();
      delays.push(offline.nextDelayMs);
    }
    offline.stop();
    expect(queue.size()).toBe(1);
    expect(offline.attempt).toBe(8);
    // jitter 0.5: half of min(60 s, 1 s * 2^(attempt-1))
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    const back = make(server);
    await back.flush();
    back.stop();
    expect(queue.size()).toBe(0);
    expect(back.attempt).toBe(0);
  });

  it('waits at least Retry-After when the session is over its rate limit', async () => {
    const rec = recording(server);
    const { sessionId, queue, make } = await setup();
    const now = Date.now();
    env.deps.now = () => now; // the server's clock stands still: the buckets do not refill
    for (let i = 0; i < 2000; i++) queue.push(sessionId, select(i));
    // Small batches, so the request limit (a burst of 20) is what runs out.
    const d = make(rec.t, 50);
    await d.flush();
    d.stop();
    expect(rec.requests.slice(0, 20).every((r) => r.status === 200)).toBe(true);
    expect(rec.requests[20]).toEqual({ size: 50, status: 429 });
    expect(rec.requests).toHaveLength(21);
    expect(d.nextDelayMs).toBeGreaterThanOrEqual(1000);
    expect(d.lastError).toMatch(/^429: Too many events for this session/);
    expect(queue.size()).toBe(2000 - 20 * 50);
  });

  it('halves the batch when the server answers 413, down to single events', async () => {
    const rec = recording(server, (n) => (n > 80 ? 413 : null));
    const { sessionId, queue, delivery, log } = await setup(rec.t);
    for (let i = 0; i < 300; i++) queue.push(sessionId, select(i));
    await delivery.flush();
    delivery.stop();
    expect(rec.requests.slice(0, 4)).toEqual([
      { size: 300, status: 413 },
      { size: 150, status: 413 },
      { size: 75, status: 200 },
      { size: 225, status: 413 },
    ]);
    expect(queue.size()).toBe(0);
    expect(seqs('events', sessionId)).toHaveLength(300);
    expect(log.refused).toEqual([]);
  });
});
