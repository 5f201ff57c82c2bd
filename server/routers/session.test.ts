// Session start and batch ingest through createCaller against a real temporary database.
import { TRPCError } from '@trpc/server';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

const visitorId = '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10';
const select = (seq: number, productId = 'oslo-chair') => ({
  id: uuidv7(),
  seq,
  ts: Date.now(),
  type: 'product_select' as const,
  input: 'mouse' as const,
  productId,
  props: {},
});

async function startSession() {
  const caller = env.anonymous();
  const s = await caller.session.start({ visitorId, mode: 'desktop' });
  return { caller, ...s };
}

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

const count = (sql: string, ...args: unknown[]) => env.deps.db.prepare(sql).pluck().get(...args) as number;

describe('session.start', () => {
  it('returns a session id and a write token, stores only the token hash', async () => {
    const { sessionId, token } = await startSession();
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const row = env.deps.db.prepare('SELECT visitor_id, token_hash FROM sessions WHERE id = ?').get(sessionId) as { visitor_id: string; token_hash: Buffer };
    expect(row.visitor_id).toBe(visitorId);
    expect(row.token_hash.toString('utf8')).not.toContain(token);
  });

  it('links sessions of the same visitor', async () => {
    await startSession();
    await startSession();
    expect(count('SELECT count(*) FROM sessions WHERE visitor_id = ?', visitorId)).toBe(2);
    expect(count('SELECT count(*) FROM visitors')).toBe(1);
  });

  it('refuses a malformed visitor id', async () => {
    const err = await rejection(env.anonymous().session.start({ visitorId: 'me', mode: 'desktop' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/^visitorId: must be a lower-case UUID/);
  });
});

describe('session.ingest', () => {
  it('writes a valid batch exactly once when it is sent twice', async () => {
    const { caller, sessionId, token } = await startSession();
    const events = [select(0), select(1, 'fjord-sofa'), select(2, 'halo-floor-lamp')];
    expect(await caller.session.ingest({ sessionId, token, events })).toEqual({ accepted: 3, duplicates: 0 });
    expect(await caller.session.ingest({ sessionId, token, events })).toEqual({ accepted: 0, duplicates: 3 });
    expect(count('SELECT count(*) FROM events WHERE session_id = ?', sessionId)).toBe(3);
    expect(count('SELECT event_count FROM sessions WHERE id = ?', sessionId)).toBe(3);
    const stored = env.deps.db.prepare('SELECT product_id FROM events WHERE session_id = ? ORDER BY seq').pluck().all(sessionId);
    expect(stored).toEqual(['oslo-chair', 'fjord-sofa', 'halo-floor-lamp']);
  });

  it.each([
    ['a missing product on a product event', (e: Record<string, unknown>) => delete e.productId, /^events\[1\]\.productId: /],
    ['a timestamp as a string', (e: Record<string, unknown>) => (e.ts = '2026-11-21'), /^events\[1\]\.ts: /],
    ['a non-v7 event id', (e: Record<string, unknown>) => (e.id = '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10'), /^events\[1\]\.id: must be a lower-case UUID version 7/],
    ['an unknown event type', (e: Record<string, unknown>) => (e.type = 'hack'), /^events\[1\]\.type: /],
    ['an unknown input kind', (e: Record<string, unknown>) => (e.input = 'telepathy'), /^events\[1\]\.input: /],
    ['an extra property', (e: Record<string, unknown>) => (e.props = { secret: 'x' }), /^events\[1\]\.props: .*secret/],
    ['a negative sequence number', (e: Record<string, unknown>) => (e.seq = -1), /^events\[1\]\.seq: /],
    ['a time in the far future', (e: Record<string, unknown>) => (e.ts = Date.now() + 7 * 86_400_000), /^events\[1\]\.ts: must not be more than a day in the future/],
  ])('refuses a batch with %s, naming the field, and writes nothing', async (_what, mutate, message) => {
    const { caller, sessionId, token } = await startSession();
    const bad = select(1) as Record<string, unknown>;
    mutate(bad);
    const err = await rejection(caller.session.ingest({ sessionId, token, events: [select(0), bad, select(2)] } as never));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(message);
    expect(count('SELECT count(*) FROM events')).toBe(0);
  });

  it('refuses an unknown catalogue product by index', async () => {
    const { caller, sessionId, token } = await startSession();
    const err = await rejection(caller.session.ingest({ sessionId, token, events: [select(0), select(1, 'no-such-chair')] }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe('events[1].productId: "no-such-chair" is not a catalogue product');
    expect(count('SELECT count(*) FROM events')).toBe(0);
  });

  it('refuses an empty batch and one over 500 events', async () => {
    const { caller, sessionId, token } = await startSession();
    expect((await rejection(caller.session.ingest({ sessionId, token, events: [] }))).message).toMatch(/^events: must hold at least one event/);
    const many = Array.from({ length: 501 }, (_, i) => select(i));
    const tooMany = await rejection(caller.session.ingest({ sessionId, token, events: many }));
    expect(tooMany.code).toBe('PAYLOAD_TOO_LARGE');
    expect(tooMany.message).toBe('events: a batch holds at most 500 events, this one has 501; send it in smaller batches');
    expect(count('SELECT count(*) FROM events')).toBe(0);
  });

  it("refuses another session's token and an unknown session", async () => {
    const a = await startSession();
    const b = await startSession();
    const err = await rejection(a.caller.session.ingest({ sessionId: a.sessionId, token: b.token, events: [select(0)] }));
    expect(err.code).toBe('FORBIDDEN');
    const unknown = await rejection(a.caller.session.ingest({ sessionId: '0b9c6a51-7e0f-7a43-9a53-0c1d3e7f2a10', token: a.token, events: [select(0)] }));
    expect(unknown.code).toBe('FORBIDDEN');
    expect(count('SELECT count(*) FROM events')).toBe(0);
  });
});
