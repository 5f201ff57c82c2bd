// `track()`: stamps an event with id, sequence number and time and queues it; saves the queue to IndexedDB shortly after.
import { v7 as uuidv7 } from 'uuid';
import type { EventInput, TrackInput } from '../../server/contracts/events';
import { persistNow } from './queueSaver';
import type { SessionInfo } from './session';
import { telemetry } from './state';

/** Events tracked before the session exists get their sequence numbers once it does (bounded). */
let pending: EventInput[] = [];
const MAX_PENDING = 5000;
const PERSIST_DELAY_MS = 250;
let persistTimer: ReturnType<typeof setTimeout> | null = null;

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

/** Gives an event the session's next sequence number and queues it. */
export function enqueue(s: SessionInfo, event: EventInput): void {
  event.seq = s.nextSeq++;
  s.lastActive = event.ts;
  telemetry.queue.push(s.sessionId, event);
  telemetry.delivery?.notify();
  if (!persistTimer) persistTimer = setTimeout(() => void saveQueue(), PERSIST_DELAY_MS);
}

/** Events waiting for a session (for the page-hide spill). */
export function pendingEvents(): readonly EventInput[] {
  return pending;
}

/** Puts events a previous page of this tab recorded without a session before those waiting here (bounded). */
export function restorePending(earlier: readonly EventInput[]): void {
  pending = [...earlier, ...pending].slice(-MAX_PENDING);
}

/** Takes the events waiting for a session; the waiting list is then empty. */
export function takePending(): EventInput[] {
  const all = pending;
  pending = [];
  return all;
}

/** Records what the queue dropped for capacity, then writes the queue to IndexedDB; resolves once committed. */
export function saveQueue(): Promise<void> {
  const drops = telemetry.queue.takeDrops();
  if (drops) track({ type: 'telemetry_drop', input: 'system', props: { reason: 'capacity', ...drops } });
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = null;
  return persistNow();
}
