// `track()`: stamps an event with id, sequence number and time, and queues it for delivery.
import { v7 as uuidv7 } from 'uuid';
import type { Mode, TelemetryEvent, TrackInput } from '../../server/contracts/events';
import { Delivery, type Outbox } from './delivery';
import { forgetSession, openSession, storeSession, type SessionInfo } from './session';

class MemoryOutbox implements Outbox {
  private events: TelemetryEvent[] = [];
  peek(max: number) {
    return this.events.slice(0, max);
  }
  remove(ids: readonly string[]) {
    const gone = new Set(ids);
    this.events = this.events.filter((e) => !gone.has(e.id));
  }
  size() {
    return this.events.length;
  }
  push(e: TelemetryEvent) {
    this.events.push(e);
  }
}

const outbox = new MemoryOutbox();
let session: SessionInfo | null = null;
let delivery: Delivery | null = null;
/** Events tracked before the session exists get their sequence numbers once it does. */
let pending: TelemetryEvent[] = [];

/**
 * Records one event. Never blocks: the event is stamped and queued; delivery happens in the
 * background. Call it from components instead of reaching the server yourself.
 */
export function track(input: TrackInput): void {
  const event = { props: {}, ...input, id: uuidv7(), seq: -1, ts: Date.now() } as TelemetryEvent;
  if (!session) {
    pending.push(event);
    return;
  }
  enqueue(event);
}

function enqueue(event: TelemetryEvent): void {
  if (!session || !delivery) return;
  event.seq = session.nextSeq++;
  session.lastActive = event.ts;
  storeSession(session);
  outbox.push(event);
  delivery.notify();
}

let starting: Promise<SessionInfo> | null = null;

/**
 * Starts (or resumes) the session and event delivery; logs `session_start` for a new session.
 * Calling it again returns the same session.
 */
export function startTelemetry(mode: Mode): Promise<SessionInfo> {
  starting ??= begin(mode).catch((err: unknown) => {
    starting = null;
    throw err;
  });
  return starting;
}

async function begin(mode: Mode): Promise<SessionInfo> {
  const opened = await openSession(mode);
  session = opened.session;
  delivery = new Delivery(outbox, session);
  delivery.onSessionRejected = () => {
    forgetSession();
    delivery?.stop();
    starting = null;
    void startTelemetry(mode);
  };
  if (!opened.resumed) {
    enqueue({
      id: uuidv7(),
      seq: 0,
      ts: Date.now(),
      type: 'session_start',
      input: 'system',
      props: { mode, viewportWidth: innerWidth, viewportHeight: innerHeight, touch: navigator.maxTouchPoints > 0, language: navigator.language.slice(0, 35) },
    });
  }
  for (const e of pending) enqueue(e);
  pending = [];
  delivery.start();
  return session;
}

/** Sends everything queued now (used by tests and before leaving the page). */
export function flushTelemetry(): Promise<void> {
  return delivery?.flush() ?? Promise.resolve();
}

/** The current session id, once started. */
export function currentSessionId(): string | null {
  return session?.sessionId ?? null;
}
