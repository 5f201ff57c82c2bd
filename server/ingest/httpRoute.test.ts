// The lean ingest route answers every request exactly as the tRPC procedure did, stores the same rows, and feeds the live view.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { root } from '../../test/helpers/server';
import { dwellEnd, poseEvent, select } from '../../test/helpers/telemetry';
import { buildApp } from '../app';
import { hashToken } from '../auth/tokens';
import { createSession } from '../db/sessions';
import { liveHubFor } from '../live/hub';

const TOKEN = 'a'.repeat(43);
const OTHER_TOKEN = 'b'.repeat(43);
/** The server clock of both sides, ms; each test moves it on so the sessions' rate-limit buckets refill. */
let clock = Date.now();

interface Side {
  env: TestEnv;
  app: FastifyInstance;
  /** This side's session and a second one (the rate limiter is one per process, keyed by session). */
  session: string;
  other: string;
}
let lean: Side;
let trpc: Side;

async function side(leanIngest: boolean): Promise<Side> {
  const env = createTestEnv();
  // A fixed server clock: both sides see the same rate-limit buckets and the same server times.
  env.deps.now = () => clock;
  const session = uuidv7();
  const other = uuidv7();
  createSession(env.deps.db, { id: session, visitorId: crypto.randomUUID(), tokenHash: hashToken(TOKEN), mode: 'vr', userAgent: '', now: clock });
  createSession(env.deps.db, { id: other, visitorId: crypto.randomUUID(), tokenHash: hashToken(OTHER_TOKEN), mode: 'vr', userAgent: '', now: clock });
  const app = await buildApp({ deps: env.deps, clientDir: path.join(env.dir, 'no-client'), assetsDir: path.join(root, 'assets'), leanIngest });
  return { env, app, session, other };
}

beforeEach(() => void (clock += 3_000));
beforeAll(async () => {
  lean = await side(true);
  trpc = await side(false);
});
afterAll(async () => {
  for (const s of [lean, trpc]) {
    await s.app.close();
    s.env.close();
  }
});

interface Req {
  /** The body, given this side's session ids (`$SESSION`, `$OTHER` in the text are replaced). */
  body: string;
  contentType?: string | null;
  method?: 'POST' | 'GET';
  url?: string;
}

/** What a client can see of an answer: status, the headers that carry meaning, and the body. */
async function ask(s: Side, r: Req) {
  const res = await s.app.inject({
    method: r.method ?? 'POST',
    url: r.url ?? '/trpc/session.ingest',
    headers: r.contentType === null ? {} : { 'content-type': r.contentType ?? 'application/json' },
    ...(r.method === 'GET' ? {} : { payload: r.body.replaceAll('$SESSION', s.session).replaceAll('$OTHER', s.other) }),
  });
  return {
    status: res.statusCode,
    contentType: res.headers['content-type'],
    retryAfter: res.headers['retry-after'],
    // Request ids differ per request; the rest of a 500 must match.
    body: res.body ? (JSON.parse(res.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'REQUEST-ID')) as unknown) : null,
    securityHeaders: res.headers['content-security-policy'] !== undefined,
  };
}

/** Sends the same request to both apps and expects the same answer; returns the lean one, and whether tRPC's had security headers. */
async function same(r: Req) {
  const a = await ask(lean, r);
  const b = await ask(trpc, r);
  const { securityHeaders: _a, ...left } = a;
  const { securityHeaders: trpcSecurity, ...right } = b;
  expect(left).toEqual(right);
  return { ...a, trpcSecurity };
}

const batch = (events: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ sessionId: '$SESSION', token: TOKEN, events, ...extra });
let seq = 0;
const fresh = () => [select(seq++), dwellEnd(seq++, 'oslo-chair', 800), poseEvent(seq++, 20, true)];
const count = (s: Side, sql: string) => s.env.deps.db.prepare(sql).pluck().get() as number;

describe('lean ingest route', () => {
  it('stores a good batch, answers a resend with duplicates, takes a beacon text/plain body, and is the one that answered', async () => {
    const body = batch(fresh());
    const first = await same({ body });
    expect(first).toMatchObject({ status: 200, body: { result: { data: { accepted: 3, duplicates: 0 } } } });
    // The lean route answered (no CSP header, which only the tRPC side adds), the tRPC side's answer had them.
    expect(first.securityHeaders).toBe(false);
    expect(first.trpcSecurity).toBe(true);
    expect(await same({ body })).toMatchObject({ status: 200, body: { result: { data: { accepted: 0, duplicates: 3 } } } });
    expect(await same({ body: batch(fresh()), contentType: 'text/plain;charset=UTF-8' })).toMatchObject({ status: 200 });
    for (const table of ['events', 'pose_chunks', 'session_products', 'analytics_product_days', 'analytics_floor_days']) {
      expect(count(lean, `SELECT count(*) FROM ${table}`)).toBeGreaterThan(0);
    }
    // The same rollups on both sides.
    for (const s of [lean, trpc]) {
      expect(count(s, `SELECT event_count FROM sessions WHERE id = '${s.session}'`)).toBe(4);
      expect(count(s, `SELECT pose_samples FROM sessions WHERE id = '${s.session}'`)).toBe(40);
    }
  });

  it('lets the live view see what the lean route stored', async () => {
    await same({ body: batch(fresh()) });
    expect(liveHubFor(lean.env.deps.db).get(lean.session)?.lastEvent?.type).toBe('dwell_end');
  });

  it('answers bad input exactly as tRPC: broken JSON, bad fields, wrong token, unknown session or product, size, shape, method, content type', async () => {
    const [s, d] = fresh();
    const cases: Req[] = [
      { body: '{"sessionId":' },
      { body: '' },
      { body: 'null' },
      { body: batch([{ ...s, ts: 12 }, { ...d, props: { durationMs: -1 } }]) },
      { body: batch([{ ...s, type: 'no_such_event' }]) },
      { body: batch([s], { token: OTHER_TOKEN }) },
      { body: batch([s], { sessionId: '$OTHER' }) },
      { body: batch([s], { token: 'short' }) },
      { body: batch([s], { sessionId: uuidv7() }) },
      { body: batch([s], { sessionId: 'session' }) },
      { body: batch([{ ...s, productId: 'no-such-chair' }, { ...d, productId: 'no-such-sofa' }]) },
      { body: batch([]) },
      { body: batch(Array.from({ length: 501 }, (_, i) => select(10_000 + i))) },
      { body: batch([s]), contentType: 'text/html' },
      { body: batch([s]), contentType: null },
      { body: '', method: 'GET', url: '/trpc/session.ingest?input=%7B%7D' },
    ];
    for (const r of cases) {
      const a = await same(r);
      expect(a.status, r.body.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(a.status).toBeLessThan(500);
    }
    expect(count(lean, `SELECT count(*) FROM events WHERE session_id = '${lean.other}'`)).toBe(0);
    // tRPC's batch form (which the browser does not use) goes to tRPC.
    expect(await same({ body: JSON.stringify({ 0: JSON.parse(batch([select(seq++)])) }), url: '/trpc/session.ingest?batch=1' })).toMatchObject({ status: 200 });
    // An event without props: whatever the contract says of it, both answer alike.
    await same({ body: batch([{ ...select(seq++), props: undefined }]) });
  });

  it('answers 429 with the same Retry-After once the session is over its rate, and 500 in tRPC\'s shape when the write fails', async () => {
    let limited: Awaited<ReturnType<typeof same>> | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const a = await same({ body: batch([select(seq++)]) });
      if (a.status === 429) limited = a;
    }
    expect(limited).toMatchObject({ status: 429, retryAfter: '1' });
    expect(JSON.stringify(limited!.body)).toMatch(/Too many events for this session/);

    // A failing write (a trigger standing in for a broken disk) on a session with room in its buckets.
    for (const s of [lean, trpc]) {
      s.env.deps.db.exec("CREATE TEMP TRIGGER broken BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    }
    const failed = await same({ body: JSON.stringify({ sessionId: '$OTHER', token: OTHER_TOKEN, events: [select(seq++)] }) });
    expect(failed).toMatchObject({ status: 500, body: { error: { message: 'Something went wrong on the server; quote request id REQUEST-ID when reporting it', data: { code: 'INTERNAL_SERVER_ERROR', path: 'session.ingest' } } } });
    expect(JSON.stringify(failed.body)).not.toContain('disk on fire');
    expect(count(lean, `SELECT count(*) FROM events WHERE session_id = '${lean.other}'`)).toBe(0);
  });
});
