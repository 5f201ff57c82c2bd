// `track()`: stamps an event with id, sequence number and time and queues it; starts the session, the durable queue and delivery.
import { v7 as uuidv7 } from 'uuid';
import type { EventInput, Mode, TrackInput } from '../../server/contracts/events';
import { installDebugHandle } from './debug';
import { Delivery } from './delivery';
import { installLifecycle, readPendingSpill } from './lifecycle';
import { OrphanAdopter } from './orphans';
import { TelemetryStore } from './persist';
import { adoptOwnQueue, persistNow, schedulePersist } from './persistence';
import { forgetSession, holdSessionLock, openSession, type SessionInfo } from './session';
import { telemetry } from './state';
import { fetchTransport } from './transport';

/** Events tracked before the session exists get their sequence numbers once it does (bounded). */
let pending: EventInput[] = [];

/** Events waiting for a session (for the page-hide spill). */
export function pendingEvents(): readonly EventInput[] {
  return pending;
}
const MAX_PENDING = 5000;


/**
 * Records one event: constant time, no I/O, never blocks a frame. The event is stamped (UUIDv7 id,
 * per-session sequence number, browser time) and queued; it is written to IndexedDB within 250 ms
 * and sent in the background. Components call this instead of reaching the server themselves.
 */
export function track(input: TrackInput): void {
  const event = { ...input, props: input.props ?? {}, id: uuidv7(), seq: -1, ts: Date.now() } as EventInput;
  const s = telemetry.session;
  if (!s) {
    if (pending.length < MAX_PENDING) pending.push(event);
    return;
  }
  enqueue(s, event);
}

function enqueue(s: SessionInfo, event: EventInput): void {
  event.seq = s.nextSeq++;
  s.lastActive = event.ts;
  telemetry.queue.push(s.sessionId, event);
  telemetry.delivery?.notify();
  schedulePersist();
}

let starting: Promise<SessionInfo> | null = null;
const sessionListeners = new Set<(s: SessionInfo) => void>();

/**
 * Calls `fn` with the page's session once it has one, and again with each session that replaces it (the server
 * refused the old one); returns the unsubscribe function. For what is bound to the session: the message inbox.
 */
export function onSession(fn: (s: SessionInfo) => void): () => void {
  sessionListeners.add(fn);
  if (telemetry.session) fn(telemetry.session);
  return () => void sessionListeners.delete(fn);
}

/**
 * Starts (or resumes after a reload) the session, the durable queue and delivery; logs
 * `session_start` for a new session. Calling it again returns the same session.
 */
export function startTelemetry(mode: Mode): Promise<SessionInfo> {
  starting ??= begin(mode).catch((err: unknown) => {
    starting = null;
    throw err;
  });
  return starting;
}

async function begin(mode: Mode): Promise<SessionInfo> {
  telemetry.mode = mode;
  installLifecycle();
  installDebugHandle();
  telemetry.store ??= await TelemetryStore.open();
  const store = telemetry.store;
  pending = [...readPendingSpill(), ...pending].slice(-MAX_PENDING);
  const { session, resumed } = await withRetry(() => openSession(mode, async (id) => (await store?.load(id))?.meta));
  await adoptOwnQueue(session);
  telemetry.tokens.set(session.sessionId, session.token);
  holdSessionLock(session.sessionId);
  telemetry.session = session;
  for (const fn of sessionListeners) fn(session);
  if (!resumed) {
    track({
      type: 'session_start',
      input: 'system',
      props: { mode, viewportWidth: innerWidth, viewportHeight: innerHeight, touch: navigator.maxTouchPoints > 0, language: navigator.language.slice(0, 35) },
    });
  }
  for (const e of pending) enqueue(session, e);
  pending = [];
  if (!telemetry.delivery) {
    telemetry.delivery = new Delivery(telemetry.queue, fetchTransport(), {
      tokenFor: (id) => telemetry.tokens.get(id) ?? null,
      beforeSend: async () => {
        await persistNow();
        await telemetry.orphans?.settle();
      },
      onSessionRejected,
      onRefused,
    });
    telemetry.orphans = new OrphanAdopter(telemetry, () => telemetry.delivery?.soon());
  }
  telemetry.delivery.start();
  void telemetry.orphans?.start();
  return session;
}

/** Retries `fn` with exponential backoff and full jitter (1 s doubling to 60 s) until it succeeds. */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt === 0) console.warn('Telemetry: no session yet (server unreachable); events are kept and the session retried', err);
      await new Promise((r) => setTimeout(r, Math.max(250, Math.random() * Math.min(60_000, 1000 * 2 ** attempt))));
    }
  }
}

function onSessionRejected(sessionId: string, dropped: number): void {
  telemetry.tokens.delete(sessionId);
  void telemetry.store?.deleteSession(sessionId).catch(() => undefined);
  if (sessionId !== telemetry.session?.sessionId) {
    telemetry.orphans?.release(sessionId);
    return;
  }
  console.warn(`Telemetry session refused by the server; ${dropped} queued events dropped, starting a new session`);
  forgetSession();
  telemetry.session = null;
  starting = null;
  void startTelemetry(telemetry.mode).then(() => {
    if (dropped > 0) track({ type: 'telemetry_drop', input: 'system', props: { reason: 'session_rejected', events: dropped } });
  });
}

function onRefused(_sessionId: string, events: readonly EventInput[], message: string): void {
  console.error(`Telemetry: the server refused ${events.length} event(s): ${message}`);
  // Record the loss, unless what was refused was such a record itself.
  if (events.every((e) => e.type === 'telemetry_drop')) return;
  track({ type: 'telemetry_drop', input: 'system', props: { reason: 'refused', events: events.length, detail: message.slice(0, 300) } });
}

/** Sends everything queued now (tests, and before leaving the page). */
export function flushTelemetry(): Promise<void> {
  return telemetry.delivery?.flush() ?? Promise.resolve();
}

/** The current session id, once started. */
export function currentSessionId(): string | null {
  return telemetry.session?.sessionId ?? null;
}
