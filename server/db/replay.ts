// Reads for session replay: a session's pose chunks a page at a time, by (start time, sequence number).
import type { StoredPoseChunk } from './attention';
import type { DB } from './connection';

/**
 * A session's pose chunks in time order after the cursor (exclusive), at most `limit`. Ordering by
 * (start_ts, seq) keeps paging exact even when two chunks start in the same millisecond.
 */
export function poseChunkPage(db: DB, sessionId: string, opts: { limit: number; after?: { startTs: number; seq: number } | null | undefined }): StoredPoseChunk[] {
  const after = opts.after ?? { startTs: -1, seq: -1 };
  return db
    .prepare(
      `SELECT id, seq, start_ts AS startTs, duration_ms AS durationMs, mode, samples, format, data
       FROM pose_chunks WHERE session_id = ? AND (start_ts, seq) > (?, ?) ORDER BY start_ts, seq LIMIT ?`,
    )
    .all(sessionId, after.startTs, after.seq, opts.limit) as StoredPoseChunk[];
}
