// Leaving the page: end the session's open measurements, save the queue synchronously, and beacon what fits.
import type { QueuedEvent } from './queue';
import { storeSession } from './session';
import { writePendingSpill, writeSpill } from './spill';
import { telemetry } from './state';
import { pendingEvents, saveQueue, track } from './track';
import { beaconSend } from './transport';

/** Browsers allow about 64 KiB of beacon/keepalive bodies in flight; stay under it. */
const BEACON_BUDGET_BYTES = 60 * 1024;
const hideListeners = new Set<() => void>();
/** Events already handed to a beacon since the page was last visible (not sent twice in one hide). */
let beaconed = new WeakSet<QueuedEvent>();
let installed = false;

/** Runs `fn` when the page is hidden or left, before the queue is saved and beaconed (e.g. to end a dwell). */
export function onPageHide(fn: () => void): () => void {
  hideListeners.add(fn);
  return () => hideListeners.delete(fn);
}

/** Listens for hide, leave, return and network changes (once per page). */
export function installLifecycle(): void {
  if (installed) return;
  installed = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave(false);
    else beaconed = new WeakSet();
  });
  addEventListener('pagehide', () => leave(true));
  addEventListener('pageshow', (e) => {
    if (e.persisted) beaconed = new WeakSet();
  });
  addEventListener('online', () => telemetry.delivery?.online());
}

/** The page is hidden (it may come back) or being left (`pagehide`). */
function leave(pageGone: boolean): void {
  for (const fn of hideListeners) {
    try {
      fn();
    } catch (err) {
      console.error(err);
    }
  }
  if (pageGone && telemetry.session) track({ type: 'session_end', input: 'system', props: { reason: 'pagehide' } });
  if (telemetry.session) storeSession(telemetry.session);
  void saveQueue();
  spill();
  writePendingSpill(pendingEvents());
  beacon();
}

/**
 * Copies this session's events that IndexedDB has not confirmed into sessionStorage (synchronous,
 * so it lands even as the page goes); a reload of the tab puts them back in the queue.
 */
function spill(): void {
  const s = telemetry.session;
  if (!s) return;
  const mine = telemetry.queue.unconfirmed().filter((q) => q.sessionId === s.sessionId);
  // Storage full: business events alone may fit; else IndexedDB and the beacon are the remaining chances.
  if (!writeSpill(s.sessionId, mine.map((q) => q.event))) writeSpill(s.sessionId, mine.filter((q) => q.drop === 0).map((q) => q.event));
}

/**
 * Beacons as much of the queue as the browser allows: business events first, then pose samples.
 * What was beaconed stays queued until a normal request confirms it (the server ignores repeats).
 */
function beacon(): void {
  let budget = BEACON_BUDGET_BYTES;
  for (const business of [true, false]) {
    for (;;) {
      let batch = telemetry.queue.takeBatch(500, budget, (q) => !beaconed.has(q) && (!business || q.drop === 0));
      const token = batch[0] ? telemetry.tokens.get(batch[0].sessionId) : undefined;
      if (!token) break;
      let body = { sessionId: batch[0]!.sessionId, token, events: batch.map((q) => q.event) };
      let size = JSON.stringify(body).length;
      while (size > budget && batch.length > 1) {
        batch = batch.slice(0, Math.floor(batch.length / 2));
        body = { ...body, events: batch.map((q) => q.event) };
        size = JSON.stringify(body).length;
      }
      if (size > budget || !beaconSend(body)) return;
      budget -= size;
      for (const q of batch) beaconed.add(q);
    }
  }
}
