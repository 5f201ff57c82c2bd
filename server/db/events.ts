// Event queries: write one batch atomically and idempotently with its rollups, read events and pose chunks back.
import type { Statement } from 'better-sqlite3';
import type { TelemetryEvent } from '../contracts/events';
import type { DB } from './connection';
import { applyAnalyticsRollup, type RollupEvent, type RollupPose } from './analyticsRollup';
import { applySessionRollup, type SessionRollup } from './sessions';
import { enqueueSessionEnded } from './webhooks';

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

interface Statements {
  insertEvent: Statement;
  insertPose: Statement;
  upsertProduct: Statement;
}

const cache = new WeakMap<DB, Statements>();

function statements(db: DB): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      insertEvent: db.prepare(
        `INSERT OR IGNORE INTO events (id, session_id, seq, type, client_ts, server_ts, input, product_id, variant_id, duration_ms, props)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertPose: db.prepare(
        `INSERT OR IGNORE INTO pose_chunks (id, session_id, seq, start_ts, duration_ms, server_ts, mode, samples, format, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      upsertProduct: db.prepare(
        `INSERT INTO session_products (session_id, product_id, event_count, select_count, dwell_count, dwell_ms, cart_adds, wishlist_adds, first_ts, last_ts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, product_id) DO UPDATE SET
           event_count = event_count + excluded.event_count,
           select_count = select_count + excluded.select_count,
           dwell_count = dwell_count + excluded.dwell_count,
           dwell_ms = dwell_ms + excluded.dwell_ms,
           cart_adds = cart_adds + excluded.cart_adds,
           wishlist_adds = wishlist_adds + excluded.wishlist_adds,
           first_ts = MIN(first_ts, excluded.first_ts),
           last_ts = MAX(last_ts, excluded.last_ts)`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}

/** Counters for one product within one batch. */
interface ProductAcc {
  events: number;
  selects: number;
  dwells: number;
  dwellMs: number;
  cartAdds: number;
  wishlistAdds: number;
  firstTs: number;
  lastTs: number;
}

export interface BatchResult {
  /** Events (and pose chunks) stored by this batch. */
  accepted: number;
  /** Events whose id was already stored, skipped. */
  duplicates: number;
  /** The events (and pose chunks) this batch stored, in batch order: what is news to the live view. */
  stored: TelemetryEvent[];
}

/** The last pose sample's offset from the chunk start, ms, read from the encoded chunk. */
function poseDuration(data: Buffer, samples: number): number {
  // Walk the samples (validated by the contract) to find the last time offset.
  let o = 12;
  let t = 0;
  for (let i = 0; i < samples && o + 3 <= data.length; i++) {
    t = data.readUInt16LE(o);
    const mask = data[o + 2]!;
    o += 3 + ((mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1)) * 10;
  }
  return t;
}

/**
 * Writes a validated batch for one session in one transaction: events, pose chunks, and the
 * session's, products' and analytics rollups (./analyticsRollup.ts). Events whose id is already stored are ignored (and not counted
 * again), so resending a batch is harmless.
 */
export function insertBatch(db: DB, sessionId: string, events: readonly TelemetryEvent[], now = Date.now()): BatchResult {
  const st = statements(db);
  return db.transaction((): BatchResult => {
    const roll: SessionRollup = { events: 0, firstTs: Infinity, lastTs: -Infinity, dwellCount: 0, dwellMs: 0, poseSamples: 0, droppedSamples: 0, errors: 0 };
    const products = new Map<string, ProductAcc>();
    const fresh: RollupEvent[] = [];
    const freshPoses: RollupPose[] = [];
    const stored: TelemetryEvent[] = [];
    for (const e of events) {
      if (e.type === 'pose') {
        const data = Buffer.from(e.props.data, 'base64');
        const r = st.insertPose.run(e.id, sessionId, e.seq, e.props.startTs, poseDuration(data, e.props.samples), now, e.props.mode, e.props.samples, e.props.format, data);
        if (r.changes === 0) continue;
        stored.push(e);
        freshPoses.push({ seq: e.seq, startTs: e.props.startTs, mode: e.props.mode, data });
        roll.poseSamples += e.props.samples;
        if (e.props.startTs < roll.firstTs) roll.firstTs = e.props.startTs;
        if (e.ts > roll.lastTs) roll.lastTs = e.ts;
        continue;
      }
      const props = e.props as Record<string, unknown>;
      const duration = typeof props.durationMs === 'number' ? props.durationMs : null;
      const r = st.insertEvent.run(e.id, sessionId, e.seq, e.type, e.ts, now, e.input, e.productId ?? null, e.variantId ?? null, duration, JSON.stringify(props));
      if (r.changes === 0) continue;
      stored.push(e);
      fresh.push({ seq: e.seq, type: e.type, ts: e.ts, productId: e.productId ?? null, durationMs: duration, mode: e.type === 'mode_change' ? e.props.mode : undefined });
      roll.events++;
      if (e.ts < roll.firstTs) roll.firstTs = e.ts;
      if (e.ts > roll.lastTs) roll.lastTs = e.ts;
      if (e.type === 'dwell_end') {
        roll.dwellCount++;
        roll.dwellMs += e.props.durationMs;
      } else if (e.type === 'error') {
        roll.errors++;
      } else if (e.type === 'telemetry_drop') {
        roll.droppedSamples += e.props.poseSamples;
      } else if (e.type === 'session_end') {
        // One insert, of nothing unless an endpoint subscribes: the session.ended webhook, in this transaction.
        enqueueSessionEnded(db, sessionId, now);
      }
      if (e.productId === undefined) continue;
      let p = products.get(e.productId);
      if (!p) {
        p = { events: 0, selects: 0, dwells: 0, dwellMs: 0, cartAdds: 0, wishlistAdds: 0, firstTs: e.ts, lastTs: e.ts };
        products.set(e.productId, p);
      }
      p.events++;
      if (e.ts < p.firstTs) p.firstTs = e.ts;
      if (e.ts > p.lastTs) p.lastTs = e.ts;
      switch (e.type) {
        case 'product_select':
          p.selects++;
          break;
        case 'dwell_end':
          p.dwells++;
          p.dwellMs += e.props.durationMs;
          break;
        case 'cart_add':
          p.cartAdds++;
          break;
        case 'wishlist_add':
          p.wishlistAdds++;
          break;
      }
    }
    for (const [productId, p] of products) {
      st.upsertProduct.run(sessionId, productId, p.events, p.selects, p.dwells, p.dwellMs, p.cartAdds, p.wishlistAdds, p.firstTs, p.lastTs);
    }
    if (stored.length > 0) applySessionRollup(db, sessionId, roll, now);
    applyAnalyticsRollup(db, sessionId, fresh, freshPoses);
    return { accepted: stored.length, duplicates: events.length - stored.length, stored };
  })();
}

/** A session's events in sequence order; `afterSeq` pages forward. Pose chunks are read with `listPoseChunks`. */
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
