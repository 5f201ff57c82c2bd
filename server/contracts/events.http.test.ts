// The events contract over real HTTP: every type answers the same with `props` absent or `{}`, required fields are a 400 naming them, slow devices' figures are clamped.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedEvents } from '../../test/helpers/events';
import { startTestServer, type TestServer } from '../../test/helpers/server';
import { eventTypes, type EventType } from './events';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** The first field the data dictionary makes required for each type (null: every property is optional or has a default). */
const firstRequired: Record<EventType, string | null> = {
  session_start: 'mode',
  session_end: 'reason',
  mode_change: 'mode',
  product_hover_start: null,
  product_hover_end: null,
  product_select: null,
  panel_close: null,
  inspect_start: null,
  inspect_end: 'durationMs',
  variant_change: null,
  cart_add: null,
  cart_remove: null,
  wishlist_add: null,
  wishlist_remove: null,
  contact_request: 'channel',
  recommendation_click: 'from',
  dwell_start: null,
  dwell_end: 'durationMs',
  pose: 'format',
  grab_start: null,
  grab_end: 'durationMs',
  teleport: 'toX',
  ar_place: 'x',
  gamepad_connected: 'id',
  gamepad_disconnected: 'id',
  staff_message_shown: 'messageId',
  staff_message_dismissed: 'messageId',
  error: 'kind',
  perf: 'windowMs',
  telemetry_drop: 'reason',
  voice_command: 'phrase',
};

interface Answer {
  status: number;
  message: string | undefined;
}

async function startSession(): Promise<{ sessionId: string; token: string }> {
  const res = await fetch(`${server.url}/trpc/session.start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId: crypto.randomUUID(), mode: 'vr' }) });
  return ((await res.json()) as { result: { data: { sessionId: string; token: string } } }).result.data;
}

async function ingest(session: { sessionId: string; token: string }, events: unknown[]): Promise<Answer> {
  const res = await fetch(`${server.url}/trpc/session.ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...session, events }) });
  const body = (await res.json()) as { error?: { message: string } };
  return { status: res.status, message: body.error?.message };
}

function event(type: EventType, seq: number, props?: Record<string, unknown>): Record<string, unknown> {
  return {
    id: uuidv7(),
    seq,
    ts: Date.now(),
    type,
    input: 'gaze',
    productId: 'oslo-chair',
    variantId: 'sand',
    ...(props === undefined ? {} : { props }),
  };
}

describe('events without props', () => {
  it.each(eventTypes)('%s: an absent props key is answered like props: {}', async (type) => {
    const session = await startSession();
    const absent = await ingest(session, [event(type, 0)]);
    const empty = await ingest(session, [event(type, 1, {})]);
    expect(absent).toEqual(empty);
    const field = firstRequired[type];
    if (field === null) {
      expect(absent.status).toBe(200);
    } else {
      expect(absent.status).toBe(400);
      expect(absent.message).toContain(`events[0].props.${field}:`);
    }
  });

  it('stores defaults for an event sent without props', async () => {
    const session = await startSession();
    expect((await ingest(session, [event('cart_add', 0)])).status).toBe(200);
    const stored = storedEvents(server.dataDir).filter((e) => e.sessionId === session.sessionId);
    expect(stored.map((e) => e.props)).toEqual([{ quantity: 1 }]);
  });
});

describe('figures from slow devices', () => {
  it('clamps a perf report from a device stalling for minutes instead of refusing it', async () => {
    const session = await startSession();
    const perf = { windowMs: 3 * 86_400_000, frames: 5_000_000_000, fps: 0.01, frameMsP50: 75_000, frameMsP95: 120_000, frameMsMax: 900_000.5, longFrames: 9_000_000_000, probeMsMax: 70_000 };
    const answer = await ingest(session, [event('perf', 0, perf)]);
    expect(answer).toEqual({ status: 200, message: undefined });
    const [stored] = storedEvents(server.dataDir).filter((e) => e.sessionId === session.sessionId);
    expect(stored!.props).toMatchObject({ windowMs: 86_400_000, frameMsP50: 75_000, frameMsP95: 120_000, frameMsMax: 600_000, frames: 1_000_000_000, longFrames: 1_000_000_000, probeMsMax: 70_000 });
  });

  it('rounds and clamps durations, normalises an AR rotation, and still refuses negative and non-numeric figures', async () => {
    const session = await startSession();
    const ok = await ingest(session, [
      event('dwell_end', 0, { durationMs: 1234.6 }),
      event('inspect_end', 1, { durationMs: 2 * 86_400_000 }),
      event('ar_place', 2, { x: 1, y: 0, z: 2, rotationY: 4 * Math.PI + 0.5 }),
    ]);
    expect(ok.status).toBe(200);
    const stored = storedEvents(server.dataDir).filter((e) => e.sessionId === session.sessionId);
    expect(stored.map((e) => e.props.durationMs ?? e.props.rotationY)).toEqual([1235, 86_400_000, expect.closeTo(0.5, 9)]);

    const negative = await ingest(session, [event('perf', 3, { windowMs: 1000, frames: 10, fps: 10, frameMsP50: -1, frameMsP95: 20, frameMsMax: 30, longFrames: 0 })]);
    expect(negative.status).toBe(400);
    expect(negative.message).toContain('events[0].props.frameMsP50:');
    const text = await ingest(session, [event('dwell_end', 3, { durationMs: '500' })]);
    expect(text.status).toBe(400);
    expect(text.message).toContain('events[0].props.durationMs:');
  });
});
