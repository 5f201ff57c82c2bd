// Saves the queue to the event store (what is new and what is gone, one transaction at a time) and puts a session's stored events back after a reload.
import { storeSession, type SessionInfo } from './session';
import { readSpill } from './spill';
import { telemetry } from './state';

let persisting: Promise<void> | null = null;

/**
 * Writes queued events not yet stored, deletes delivered ones and saves the session's sequence counter, in one
 * IndexedDB transaction after any write under way; resolves when it is committed (or failed: the events then stay
 * in memory and are written with the next call).
 */
export async function persistNow(): Promise<void> {
  while (persisting) await persisting;
  const s = telemetry.session;
  if (s) storeSession(s);
  const store = telemetry.store;
  if (!store) return;
  const items = telemetry.queue.drainUnsaved();
  const deletes = telemetry.queue.drainDeletes();
  const puts = items.map((q) => ({ sessionId: q.sessionId, seq: q.event.seq, event: q.event }));
  persisting = store
    .write(puts, deletes, s ? [{ sessionId: s.sessionId, token: s.token, nextSeq: s.nextSeq, lastActive: s.lastActive }] : [])
    .then(
      () => telemetry.queue.markSaved(items),
      (err: unknown) => {
        telemetry.queue.markUnsaved(items, deletes);
        console.warn('Telemetry events could not be written to IndexedDB; they stay in memory', err);
      },
    )
    .finally(() => (persisting = null));
  await persisting;
}

/** Puts this tab's session's queued events (IndexedDB, and the page-hide spill) back in the queue. */
export async function adoptOwnQueue(session: SessionInfo): Promise<void> {
  const stored = telemetry.store ? await telemetry.store.load(session.sessionId).catch(() => null) : null;
  const spill = readSpill(session.sessionId);
  const known = telemetry.queue.seqs(session.sessionId);
  for (const [list, state] of [[stored?.events.map((r) => r.event) ?? [], 2], [spill, 0]] as const) {
    for (const e of list) {
      if (known.has(e.seq)) continue;
      known.add(e.seq);
      telemetry.queue.push(session.sessionId, e, state);
      session.nextSeq = Math.max(session.nextSeq, e.seq + 1);
    }
  }
}

