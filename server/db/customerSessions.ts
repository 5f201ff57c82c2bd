// Session queries of one customer or one browser, as a customer's or a lead's page lists them.
import type { DB } from './connection';
import type { SessionSummary } from './sessions';

const sessionCols = `s.id, s.visitor_id AS visitorId, s.started_at AS startedAt, s.last_seen_at AS lastSeenAt,
  COALESCE(s.last_ts - s.first_ts, 0) AS durationMs, s.mode, s.user_agent AS userAgent, s.event_count AS eventCount, s.product_count AS productCount`;

/** A session as a customer's or a lead's page lists it. */
export type CustomerSession = Pick<SessionSummary, 'id' | 'visitorId' | 'startedAt' | 'lastSeenAt' | 'durationMs' | 'mode' | 'userAgent' | 'eventCount' | 'productCount'>;

/** One browser's sessions, newest first (for a lead that is still anonymous). */
export function visitorSessions(db: DB, visitorId: string, limit: number): CustomerSession[] {
  return db.prepare(`SELECT ${sessionCols} FROM sessions s WHERE s.visitor_id = ? ORDER BY s.started_at DESC, s.id DESC LIMIT ?`).all(visitorId, limit) as CustomerSession[];
}

/** The customer's sessions, newest first; `before` is the previous page's last (startedAt, id). */
export function customerSessions(
  db: DB,
  customerId: number,
  opts: { limit: number; before?: { startedAt: number; id: string } | null | undefined },
): CustomerSession[] {
  return db
    .prepare(
      `SELECT ${sessionCols} FROM sessions s JOIN visitors v ON v.id = s.visitor_id
       WHERE v.customer_id = ? AND (s.started_at, s.id) < (?, ?)
       ORDER BY s.started_at DESC, s.id DESC LIMIT ?`,
    )
    .all(customerId, opts.before?.startedAt ?? Number.MAX_SAFE_INTEGER, opts.before?.id ?? '~', opts.limit) as CustomerSession[];
}
