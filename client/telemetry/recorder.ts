// The telemetry public API: starts the session, the durable queue and delivery; `track()`, the current session, flush.
import type { EventInput, Mode } from '../../server/contracts/events';
import { Delivery } from './delivery';
import { EventStore } from './eventStore';
import { installLifecycle } from './lifecycle';
import { OrphanAdopter } from './orphans';
import { adoptOwnQueue } from './queueSaver';
import { forgetSession, holdSessionLock, openSession, type SessionInfo } from './session';
import { readPendingSpill } from './spill';
import { telemetry } from './state';
import { enqueue, restorePending, saveQueue, takePending, track } from './track';
import { fetchTransport } from './transport';

export { track } from './track';

/** What other parts of the page need of a session: its id and the write token that proves it is theirs. */
export interface SessionCredentials {
  sessionId: string;
  token: string;
}

let starting: Promise<SessionInfo> | null = null;
const sessionListeners = new Set<(s: SessionCredentials) => void>();

/**
 * Calls `fn` with the page's session once it has one, and again with each session that replaces it (the server
 * refused the old one); returns the unsubscribe function. For what is bound to the session: the message inbox.
 */
export function onSession(fn: (s: SessionCredentials) => void): () => void {
  sessionListeners.add(fn);
  if (telemetry.session) fn(telemetry.session);
  return () => void sessionListeners.delete(fn);
}

/** The page's session now (a new one replaces a session the server refused); null until telemetry has started one. */
export function currentSession(): SessionCredentials | null {
  const s = telemetry.session;
  return s ? { sessionId: s.sessionId, token: s.token } : null;
}

/**
 * Starts (or resumes after a reload) the session, the durable queue and delivery; logs
 * `session_start` for a new session. Calling it again returns the same session.
 */
export function startTelemetry(mode: Mode): Promise<SessionCredentials> {
  starting ??= begin(mode).catch((err: unknown) => {
    starting = null;
    throw err;
  });
  return starting;
}

async function begin(mode: Mode): Promise<SessionInfo> {
  telemetry.mode = mode;
  installLifecycle();
  telemetry.store ??= await EventStore.open();
  const store = telemetry.store;
  restorePending(readPendingSpill());
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
  for (const e of takePending()) enqueue(session, e);
  if (!telemetry.delivery) {
    telemetry.delivery = new Delivery(telemetry.queue, fetchTransport(), {
      tokenFor: (id) => telemetry.tokens.get(id) ?? null,
      beforeSend: async () => {
        await saveQueue();
        await telemetry.orphans?.settle();
      },
      onSessionRejected,
      setAside,
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

/** Moves events the server will not take to the dead letters in IndexedDB and records how many (as a `refused` drop). */
async function setAside(sessionId: string, events: readonly EventInput[], message: string): Promise<void> {
  console.error(`Telemetry: the server refused ${events.length} event(s): ${message}`);
  const at = Date.now();
  await telemetry.store
    ?.deadLetter(events.map((event) => ({ sessionId, seq: event.seq, event, reason: message.slice(0, 300), at })))
    .catch((err: unknown) => console.warn('Telemetry: refused events could not be kept in IndexedDB', err));
  // Record the loss, unless what was refused was such a record itself.
  if (events.every((e) => e.type === 'telemetry_drop')) return;
  track({ type: 'telemetry_drop', input: 'system', props: { reason: 'refused', events: events.length, detail: message.slice(0, 300) } });
}

/** Sends everything queued now (after writing it to IndexedDB); resolves when it is sent or a send failed. */
export function flushTelemetry(): Promise<void> {
  return telemetry.delivery?.flush() ?? saveQueue();
}

/** Writes the queue to IndexedDB now; resolves once committed. */
export function persistTelemetry(): Promise<void> {
  return saveQueue();
}
