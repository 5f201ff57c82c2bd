// Ingest beyond validation: pose chunks, rollups in the batch's transaction, erase by cascade, 413 and 429 limits.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { dwellEnd, poseEvent, select } from '../../test/helpers/telemetry';
import { decodePoseChunk } from '../contracts/pose';
import { listPoseChunks, productAttention, sessionAttention } from '../db/attention';
import { getSession } from '../db/sessions';
import { ingestLimiter } from './session';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

const visitorId = '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10';
const count = (sql: string, ...args: unknown[]) => env.deps.db.prepare(sql).pluck().get(...args) as number;

async function startSession() {
  const caller = env.anonymous();
  const s = await caller.session.start({ visitorId, mode: 'desktop' });
  return { caller, ...s };
}

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

describe('pose chunks', () => {
  it('stores a pose event as one compact chunk row, not as events, and counts its samples once', async () => {
    const { caller, sessionId, token } = await startSession();
    const pose = poseEvent(1, 20, true);
    const batch = { sessionId, token, events: [select(0), pose] };
    expect(await caller.session.ingest(batch)).toEqual({ accepted: 2, duplicates: 0 });
    expect(await caller.session.ingest(batch)).toEqual({ accepted: 0, duplicates: 2 });
    expect(count('SELECT count(*) FROM events WHERE session_id = ?', sessionId)).toBe(1);
    const chunks = listPoseChunks(env.deps.db, sessionId, { limit: 10 });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ seq: 1, samples: 20, durationMs: 1900, mode: 'vr', startTs: pose.props.startTs });
    expect(chunks[0]!.data.length).toBe(12 + 20 * 33);
    const decoded = decodePoseChunk(new Uint8Array(chunks[0]!.data));
    expect(decoded.samples[19]!.t).toBe(1900);
    expect(decoded.samples[0]!.head!.py).toBeCloseTo(1.6, 3);
    expect(getSession(env.deps.db, sessionId)).toMatchObject({ poseSamples: 20, eventCount: 1 });
  });

  it('refuses a chunk whose bytes do not match its sample count, naming the field', async () => {
    const { caller, sessionId, token } = await startSession();
    const pose = poseEvent(0, 5);
    pose.props.samples = 6;
    const err = await rejection(caller.session.ingest({ sessionId, token, events: [pose] }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe('events[0].props.data: holds 5 samples, not the 6 the event says');
    const cut = poseEvent(0, 5);
    cut.props.data = cut.props.data.slice(0, 40);
    expect((await rejection(caller.session.ingest({ sessionId, token, events: [cut] }))).message).toMatch(/^events\[0\]\.props\.data: sample \d is cut short/);
    expect(count('SELECT count(*) FROM pose_chunks')).toBe(0);
  });
});

describe('rollups', () => {
  it('adds dwell, selects and cart adds per session and product in the same write, never twice for a resend', async () => {
    const { caller, sessionId, token } = await startSession();
    const events = [
      select(0, 'bergen-armchair'),
      dwellEnd(1, 'bergen-armchair', 1200),
      dwellEnd(2, 'bergen-armchair', 800),
      dwellEnd(3, 'fjord-sofa', 300),
      { ...select(4, 'fjord-sofa'), type: 'cart_add' as const, props: { quantity: 2 } },
    ];
    await caller.session.ingest({ sessionId, token, events });
    await caller.session.ingest({ sessionId, token, events });
    expect(getSession(env.deps.db, sessionId)).toMatchObject({ eventCount: 5, dwellCount: 3, dwellMs: 2300, productCount: 2 });
    const mine = sessionAttention(env.deps.db, sessionId);
    expect(mine.map((p) => [p.productId, p.eventCount, p.selectCount, p.dwellCount, p.dwellMs, p.cartAdds])).toEqual([
      ['bergen-armchair', 3, 1, 2, 2000, 0],
      ['fjord-sofa', 2, 0, 1, 300, 1],
    ]);
    expect(mine[0]!.lastTs).toBe(events[2]!.ts);

    const other = await startSession();
    await other.caller.session.ingest({ sessionId: other.sessionId, token: other.token, events: [dwellEnd(0, 'bergen-armchair', 500)] });
    const all = productAttention(env.deps.db);
    expect(all.find((p) => p.productId === 'bergen-armchair')).toMatchObject({ sessionCount: 2, dwellCount: 3, dwellMs: 2500, selectCount: 1 });
  });

  it('erases a session with everything keyed to it and subtracts it from the product totals', async () => {
    const a = await startSession();
    const b = await startSession();
    await a.caller.session.ingest({ sessionId: a.sessionId, token: a.token, events: [dwellEnd(0, 'oslo-chair', 1000), poseEvent(1)] });
    await b.caller.session.ingest({ sessionId: b.sessionId, token: b.token, events: [dwellEnd(0, 'oslo-chair', 400)] });
    expect(productAttention(env.deps.db).find((p) => p.productId === 'oslo-chair')).toMatchObject({ sessionCount: 2, dwellMs: 1400 });

    env.deps.db.prepare('DELETE FROM sessions WHERE id = ?').run(a.sessionId);
    for (const table of ['events', 'pose_chunks', 'session_products']) {
      expect(count(`SELECT count(*) FROM ${table} WHERE session_id = ?`, a.sessionId), table).toBe(0);
    }
    const left = productAttention(env.deps.db).find((p) => p.productId === 'oslo-chair')!;
    expect(left).toMatchObject({ sessionCount: 1, dwellCount: 1, dwellMs: 400, eventCount: 1 });
    expect(left.lastTs).toBe(count('SELECT client_ts FROM events WHERE session_id = ?', b.sessionId));
  });
});

describe('limits', () => {
  it('answers 429 with the wait when a session sends faster than its rate, and lets it continue later', async () => {
    let now = Date.now();
    env.deps.now = () => now;
    const { caller, sessionId, token } = await startSession();
    const { requestBurst, requestsPerSecond } = ingestLimiter.options;
    for (let i = 0; i < requestBurst; i++) await caller.session.ingest({ sessionId, token, events: [select(i)] });
    const err = await rejection(caller.session.ingest({ sessionId, token, events: [select(100)] }));
    expect(err.code).toBe('TOO_MANY_REQUESTS');
    expect(err.message).toMatch(/^Too many events for this session \(at most 10 batches and 5000 events per second\); retry after 0\.1 s$/);
    expect(count('SELECT count(*) FROM events WHERE seq = 100')).toBe(0);
    now += 1000 / requestsPerSecond;
    expect(await caller.session.ingest({ sessionId, token, events: [select(100)] })).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('limits events per second as well as requests', async () => {
    const now = Date.now();
    env.deps.now = () => now;
    const { caller, sessionId, token } = await startSession();
    const batch = (from: number) => Array.from({ length: 500 }, (_, i) => select(from + i));
    const burst = ingestLimiter.options.eventBurst / 500;
    for (let i = 0; i < burst; i++) await caller.session.ingest({ sessionId, token, events: batch(i * 500) });
    const err = await rejection(caller.session.ingest({ sessionId, token, events: batch(100_000) }));
    expect(err.code).toBe('TOO_MANY_REQUESTS');
    expect(err.message).toMatch(/retry after 0\.1 s$/);
  });
});
