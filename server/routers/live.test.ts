// Live sessions through the routers on a real SQLite file: presence, the staff stream, messages, the customer's inbox and its refusals.
import { TRPCError } from '@trpc/server';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { poseEvent, select } from '../../test/helpers/telemetry';
import type { TelemetryEvent } from '../contracts/events';
import type { LiveMessage, LiveUpdate } from '../contracts/live';
import { createInnerContext } from '../context';
import { liveHubFor } from '../live/hub';
import { createCallerFactory } from '../trpc';
import { appRouter } from './_app';
import { presenceLimiter } from './live';

let env: TestEnv;
beforeAll(() => {
  env = createTestEnv();
});
afterAll(() => env.close());

const here = { mode: 'desktop' as const, x: 1, y: 1.6, z: 2, yaw: 0.5, gazeProductId: 'oslo-chair', selectedProductId: null };

async function visit() {
  const visitor = env.anonymous();
  const auth = await visitor.session.start({ visitorId: crypto.randomUUID(), mode: 'desktop' });
  return { visitor, auth };
}

/** Reads `n` values from a subscription's iterator, failing after `ms`. */
async function take<T>(it: AsyncIterator<T>, n: number, ms = 3000): Promise<T[]> {
  const out: T[] = [];
  const deadline = Date.now() + ms;
  while (out.length < n) {
    const next = await Promise.race([it.next(), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now())))]);
    if (next === 'timeout') throw new Error(`only ${out.length} of ${n} values arrived`);
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

/** A caller whose subscriptions end when `signal` aborts (as when the HTTP request goes away). */
const callerWithSignal = (signal: AbortSignal, cookies = env.anonymous().jar) => createCallerFactory(appRouter)(createInnerContext(env.deps, { cookies }), { signal });

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof TRPCError ? e : Promise.reject(e)));

describe('presence and the staff stream', () => {
  it('shows a visitor who sends presence, then their moves and their last event, and drops them on session_end', async () => {
    const { visitor, auth } = await visit();
    await visitor.live.presence({ ...auth, ...here });
    const staff = await env.staff('viewer');
    const abort = new AbortController();
    const stream = (await callerWithSignal(abort.signal, staff.jar).live.sessions()) as AsyncIterable<LiveUpdate>;
    const it = stream[Symbol.asyncIterator]();
    const [snapshot] = (await take(it, 1)) as [Extract<LiveUpdate, { kind: 'snapshot' }>];
    expect(snapshot.kind).toBe('snapshot');
    const mine = snapshot.sessions.find((s) => s.sessionId === auth.sessionId)!;
    expect(mine).toMatchObject({ mode: 'desktop', gazeProductId: 'oslo-chair', customerName: null, position: { x: 1, z: 2, yaw: 0.5, source: 'presence' } });

    await visitor.live.presence({ ...auth, ...here, x: 3.5, z: -1, selectedProductId: 'oslo-chair' });
    const [moved] = (await take(it, 1)) as [Extract<LiveUpdate, { kind: 'changes' }>];
    expect(moved.sessions.find((s) => s.sessionId === auth.sessionId)).toMatchObject({ position: { x: 3.5, z: -1 }, selectedProductId: 'oslo-chair' });

    await visitor.session.ingest({ ...auth, events: [select(0, 'oslo-chair')] });
    const [evt] = (await take(it, 1)) as [Extract<LiveUpdate, { kind: 'changes' }>];
    expect(evt.sessions[0]!.lastEvent).toMatchObject({ type: 'product_select', productId: 'oslo-chair' });

    const end = { id: uuidv7(), seq: 1, ts: Date.now(), type: 'session_end', input: 'system', props: { reason: 'pagehide' } } as TelemetryEvent;
    await visitor.session.ingest({ ...auth, events: [end] });
    const [left] = (await take(it, 1)) as [Extract<LiveUpdate, { kind: 'changes' }>];
    expect(left.left).toEqual([auth.sessionId]);
    abort.abort();
    await it.return?.();
    expect(liveHubFor(env.deps.db).listenerCount()).toBe(0);
  });

  it('keeps a visitor whose browser resends a batch with an old session_end (a retry, a reload replaying its spill)', async () => {
    const { visitor, auth } = await visit();
    const end = { id: uuidv7(), seq: 0, ts: Date.now(), type: 'session_end', input: 'system', props: { reason: 'pagehide' } } as TelemetryEvent;
    await visitor.session.ingest({ ...auth, events: [end] });
    await visitor.live.presence({ ...auth, ...here });
    const hub = liveHubFor(env.deps.db);
    expect(hub.get(auth.sessionId), 'back after the reload').toBeDefined();
    expect(await visitor.session.ingest({ ...auth, events: [end, select(1, 'oslo-chair')] })).toEqual({ accepted: 1, duplicates: 1 });
    expect(hub.get(auth.sessionId), 'the resent session_end is not news').toMatchObject({ lastEvent: { type: 'product_select' } });
  });

  it('drops an erased customer\'s session from the live list at once, and refuses a message to it with 404', async () => {
    const { visitor, auth } = await visit();
    await visitor.shop.requestContact({ ...auth, channel: 'form', name: 'Erin Erased', email: 'erin@example.com' });
    await visitor.live.presence({ ...auth, ...here });
    const hub = liveHubFor(env.deps.db);
    expect(hub.get(auth.sessionId)).toMatchObject({ customerName: 'Erin Erased' });
    const admin = await env.staff('admin');
    const customer = (await admin.customers.list({ search: 'erin@example.com' })).items[0]!;
    await admin.customers.erase({ id: customer.id });
    expect(hub.get(auth.sessionId)).toBeUndefined();
    expect((await errorOf(admin.live.send({ sessionId: auth.sessionId, text: 'hello' })))?.code).toBe('NOT_FOUND');
  });

  it('takes the position from the last pose chunk when no presence beacon came lately', async () => {
    const { visitor, auth } = await visit();
    const chunk = poseEvent(0, 20);
    chunk.ts = Date.now();
    await visitor.session.ingest({ ...auth, events: [chunk] });
    const s = liveHubFor(env.deps.db).get(auth.sessionId)!;
    // The helper's last head sample: t = 1.9 s, x = sin(1.9), z = 3 + cos(1.9), turned 1.9 rad.
    expect(s.position).toMatchObject({ source: 'pose' });
    expect(s.position!.x).toBeCloseTo(Math.sin(1.9), 2);
    expect(s.position!.z).toBeCloseTo(3 + Math.cos(1.9), 2);
    expect(s.position!.yaw).toBeCloseTo(1.9, 2);
  });

  it('refuses a wrong token, an unknown product, bad numbers, and more than the beacon rate', async () => {
    const { visitor, auth } = await visit();
    expect((await errorOf(visitor.live.presence({ ...auth, token: 'x'.repeat(43), ...here })))?.code).toBe('FORBIDDEN');
    expect((await errorOf(visitor.live.presence({ ...auth, ...here, gazeProductId: 'no-such-chair' })))?.message).toMatch(/"no-such-chair" is not a catalogue product/);
    const bad = await errorOf(visitor.live.presence({ ...auth, ...here, x: Number.NaN }));
    expect(bad?.code).toBe('BAD_REQUEST');
    expect(bad?.message).toMatch(/^x:/);
    presenceLimiter.take(auth.sessionId, 0, Date.now()); // fresh bucket for this session
    let refused: TRPCError | null = null;
    for (let i = 0; i < 12 && !refused; i++) refused = await errorOf(visitor.live.presence({ ...auth, ...here }));
    expect(refused?.code).toBe('TOO_MANY_REQUESTS');
    expect(refused?.message).toMatch(/at most 4 per second/);
  });
});

describe('staff messages', () => {
  it('stores who sent what, delivers stored and new messages to the inbox, resumes after lastEventId, and records seen and dismissed', async () => {
    const { visitor, auth } = await visit();
    await visitor.live.presence({ ...auth, ...here });
    const sales = await env.staff('sales');
    const first = await sales.live.send({ sessionId: auth.sessionId, text: '  Hello! I am by the window if you need me.  ' });
    expect(first).toMatchObject({ body: 'Hello! I am by the window if you need me.', senderName: 'sales user', shownAt: null });

    const abort = new AbortController();
    const inbox = (await callerWithSignal(abort.signal).live.inbox({ ...auth })) as AsyncIterable<unknown>;
    const it = inbox[Symbol.asyncIterator]();
    const [stored] = await take(it, 1);
    const second = await sales.live.send({ sessionId: auth.sessionId, text: 'The Oslo chair is 20% off today.' });
    const [live] = await take(it, 1);
    // tracked(): [id, data, symbol]; the id is the SSE event id a reconnecting browser sends back.
    expect(stored).toEqual([String(first.id), expect.objectContaining({ body: first.body, senderName: 'sales user' }), expect.anything()]);
    expect((live as [string, LiveMessage])[0]).toBe(String(second.id));
    expect((live as [string, LiveMessage])[1]).not.toHaveProperty('senderId');
    abort.abort();
    await it.return?.();

    const resumed = (await visitor.live.inbox({ ...auth, lastEventId: String(first.id) })) as AsyncIterable<[string, LiveMessage]>;
    const rit = resumed[Symbol.asyncIterator]();
    const [again] = await take(rit, 1);
    expect(again![1].body).toBe('The Oslo chair is 20% off today.');
    await rit.return?.();

    const ev = (type: 'staff_message_shown' | 'staff_message_dismissed', seq: number, messageId: number) =>
      ({ id: uuidv7(), seq, ts: Date.now(), type, input: 'system', props: type === 'staff_message_shown' ? { messageId, display: 'overlay' } : { messageId } }) as TelemetryEvent;
    await visitor.session.ingest({ ...auth, events: [ev('staff_message_shown', 0, first.id), ev('staff_message_dismissed', 1, first.id)] });
    const history = await sales.live.history({ sessionId: auth.sessionId });
    expect(history.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(history[1]!.shownAt).toBeGreaterThan(0);
    expect(history[1]!.dismissedAt).toBeGreaterThan(0);
    expect(history[0]!.shownAt).toBeNull();

    // Another session's browser cannot mark (or read) this session's messages.
    const other = await visit();
    await other.visitor.session.ingest({ ...other.auth, events: [ev('staff_message_shown', 0, second.id)] });
    expect((await sales.live.history({ sessionId: auth.sessionId }))[0]!.shownAt).toBeNull();
    expect((await errorOf(other.visitor.live.inbox({ sessionId: auth.sessionId, token: other.auth.token })))?.code).toBe('FORBIDDEN');
    const stop = new AbortController();
    const otherInbox = (await callerWithSignal(stop.signal).live.inbox({ ...other.auth, lastEventId: '0' })) as AsyncIterable<unknown>;
    const oit = otherInbox[Symbol.asyncIterator]();
    await expect(take(oit, 1, 300)).rejects.toThrow(/only 0 of 1/);
    stop.abort(); // the pending read ends at once: the stream stops waiting when its request goes away
    await oit.return?.();
    expect(liveHubFor(env.deps.db).listenerCount()).toBe(0);
  });

  it('refuses empty and over-long messages, unknown and long-ended sessions, and viewers', async () => {
    const { auth } = await visit();
    const sales = await env.staff('sales');
    expect((await errorOf(sales.live.send({ sessionId: auth.sessionId, text: '   ' })))?.message).toBe('text: must not be empty');
    expect((await errorOf(sales.live.send({ sessionId: auth.sessionId, text: 'x'.repeat(281) })))?.message).toBe('text: must be at most 280 characters');
    expect((await sales.live.send({ sessionId: auth.sessionId, text: 'x'.repeat(280) })).body).toHaveLength(280);
    expect((await errorOf(sales.live.send({ sessionId: '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', text: 'hi' })))?.code).toBe('NOT_FOUND');
    expect((await errorOf((await env.staff('viewer')).live.send({ sessionId: auth.sessionId, text: 'hi' })))?.code).toBe('FORBIDDEN');
    const later = createCallerFactory(appRouter)(createInnerContext({ ...env.deps, now: () => Date.now() + 31 * 60_000 }, { cookies: sales.jar }));
    expect((await errorOf(later.live.send({ sessionId: auth.sessionId, text: 'hi' })))?.code).toBe('CONFLICT');
  });
});
