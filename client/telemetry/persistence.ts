// Keeps the queue durable: writes it to IndexedDB shortly after each event, and puts a session's stored events back after a reload.
import { readSpill } from './lifecycle';
import { track } from './recorder';
import { storeSession, type SessionInfo } from './session';
import { telemetry } from './state';

const PERSIST_DELAY_MS = 250;
let persistTimer: ReturnType<typeof setTimeout> | null = null;
let persisting: Promise<void> | null = null;

/** Writes the queue within PERSIST_DELAY_MS (one timer however many events arrive). */
export function schedulePersist(): void {
  if (!persistTimer) persistTimer = setTimeout(() => void persistNow(), PERSIST_DELAY_MS);
}

/** Writes queued events and the session's sequence counter to IndexedDB (one transaction); resolves when done. */
export async function persistNow(): Promise<void> {
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = null;
  while (persisting) await persisting;
  const drops = telemetry.queue.takeDrops();
  if (drops) track({ type: 'telemetry_drop', input: 'system', props: { reason: 'capacity', ...drops } });
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

