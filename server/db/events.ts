// Event queries: write one batch atomically and idempotently, read a session's events in order.
import type { TelemetryEvent } from '../contracts/events';
import type { DB } from './connection';

export interface StoredEvent {
  id: string;
  seq: number;
  type: string;
  ts: number;
  serverTs: number;
  input: string;
  productId: string | null;
  variantId: string | null;
  props: Record<string, unknown>;
}

/**
 * Writes a validated batch for one session in one transaction. Events whose id is already stored
 * are ignored, so resending a batch is harmless. Returns how many events were new.
 */
export function insertBatch(db: DB, sessionId: string, events: readonly TelemetryEvent[], now = Date.now()): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO events (id, session_id, seq, type, client_ts, server_ts, input, product_id, variant_id, props)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const touch = db.prepare(
    `UPDATE sessions SET event_count = event_count + ?, last_seen_at = ?,
       first_ts = MIN(COALESCE(first_ts, ?), ?), last_ts = MAX(COALESCE(last_ts, ?), ?) WHERE id = ?`,
  );
  return db.transaction(() => {
    let inserted = 0;
    let firstTs = Infinity;
    let lastTs = -Infinity;
    for (const e of events) {
      const r = insert.run(e.id, sessionId, e.seq, e.type, e.ts, now, e.input, e.productId ?? null, e.variantId ?? null, JSON.stringify(e.props ?? {}));
      if (r.changes > 0) {
        inserted++;
        if (e.ts < firstTs) firstTs = e.ts;
        if (e.ts > lastTs) lastTs = e.ts;
      }
    }
    if (inserted > 0) touch.run(inserted, now, firstTs, firstTs, lastTs, lastTs, sessionId);
    return inserted;
  })();
}

/** A session's events in sequence order; `afterSeq` pages forward. */
export function listSessionEvents(db: DB, sessionId: string, opts: { limit: number; afterSeq?: number | undefined }): StoredEvent[] {
  const rows = db
    .prepare(
      `SELECT id, seq, type, client_ts AS ts, server_ts AS serverTs, input, product_id AS productId,
              variant_id AS variantId, props
       FROM events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(sessionId, opts.afterSeq ?? -1, opts.limit) as (Omit<StoredEvent, 'props'> & { props: string })[];
  return rows.map((r) => ({ ...r, props: JSON.parse(r.props) as Record<string, unknown> }));
}
