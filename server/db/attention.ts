// Reads for replay and attention: a session's pose chunks, what each session and all sessions did with each product.
import type { DB } from './connection';

export interface StoredPoseChunk {
  id: string;
  seq: number;
  /** Browser ms of the first sample. */
  startTs: number;
  durationMs: number;
  mode: string;
  samples: number;
  format: number;
  /** The encoded chunk (server/contracts/pose.ts). */
  data: Buffer;
}

/** A session's pose chunks in time order, for replay; `afterTs` pages forward by start time. */
export function listPoseChunks(db: DB, sessionId: string, opts: { limit: number; afterTs?: number | undefined }): StoredPoseChunk[] {
  return db
    .prepare(
      `SELECT id, seq, start_ts AS startTs, duration_ms AS durationMs, mode, samples, format, data
       FROM pose_chunks WHERE session_id = ? AND start_ts > ? ORDER BY start_ts, seq LIMIT ?`,
    )
    .all(sessionId, opts.afterTs ?? -1, opts.limit) as StoredPoseChunk[];
}

export interface ProductAttention {
  productId: string;
  eventCount: number;
  selectCount: number;
  dwellCount: number;
  /** Total time the head ray rested on the product, ms. */
  dwellMs: number;
  cartAdds: number;
  wishlistAdds: number;
  /** Browser ms of the latest event about the product. */
  lastTs: number | null;
}

const attentionColumns = `product_id AS productId, event_count AS eventCount, select_count AS selectCount, dwell_count AS dwellCount,
  dwell_ms AS dwellMs, cart_adds AS cartAdds, wishlist_adds AS wishlistAdds, last_ts AS lastTs`;

/** What one session did with each product, most looked-at first. */
export function sessionAttention(db: DB, sessionId: string): (ProductAttention & { firstTs: number })[] {
  return db
    .prepare(`SELECT ${attentionColumns}, first_ts AS firstTs FROM session_products WHERE session_id = ? ORDER BY dwell_ms DESC, product_id`)
    .all(sessionId) as (ProductAttention & { firstTs: number })[];
}

/** Totals per product over every stored session, most looked-at first. */
export function productAttention(db: DB): (ProductAttention & { sessionCount: number })[] {
  return db
    .prepare(`SELECT ${attentionColumns}, session_count AS sessionCount FROM product_stats ORDER BY dwell_ms DESC, product_id`)
    .all() as (ProductAttention & { sessionCount: number })[];
}
