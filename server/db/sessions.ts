// Visitor and session queries: start a session, check its write token, list sessions for staff.
import type { Mode } from '../contracts/events';
import type { SessionFilter } from '../contracts/sessions';
import type { DB } from './connection';

export interface NewSession {
  id: string;
  visitorId: string;
  tokenHash: Buffer;
  mode: Mode;
  userAgent: string;
  now: number;
}

/** Creates the visitor if new and the session, in one transaction. */
export function createSession(db: DB, s: NewSession): void {
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO visitors (id, created_at) VALUES (?, ?)').run(s.visitorId, s.now);
    db.prepare(
      `INSERT INTO sessions (id, visitor_id, token_hash, started_at, last_seen_at, mode, user_agent)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.id, s.visitorId, s.tokenHash, s.now, s.now, s.mode, s.userAgent);
  })();
}

/** The stored hash of a session's write token and its visitor, or undefined for an unknown session. */
export function sessionForWrite(db: DB, sessionId: string): { tokenHash: Buffer; visitorId: string } | undefined {
  return db.prepare('SELECT token_hash AS tokenHash, visitor_id AS visitorId FROM sessions WHERE id = ?').get(sessionId) as
    | { tokenHash: Buffer; visitorId: string }
    | undefined;
}

export interface SessionSummary {
  id: string;
  visitorId: string;
  startedAt: number;
  lastSeenAt: number;
  /** From the first to the last event, on the browser's clock. */
  durationMs: number;
  mode: Mode;
  userAgent: string;
  eventCount: number;
}

const summaryColumns = `id, visitor_id AS visitorId, started_at AS startedAt, last_seen_at AS lastSeenAt,
  COALESCE(last_ts - first_ts, 0) AS durationMs, mode, user_agent AS userAgent, event_count AS eventCount`;

/** Sessions newest first; `before` is a keyset cursor (startedAt, id) from the previous page. */
export function listSessions(
  db: DB,
  opts: { limit: number; before?: { startedAt: number; id: string } | undefined; filter?: SessionFilter | undefined },
): SessionListItem[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  const f = opts.filter ?? {};
  if (opts.before) add('(started_at, id) < (?, ?)', opts.before.startedAt, opts.before.id);
  if (f.from !== undefined) add('started_at >= ?', f.from);
  if (f.until !== undefined) add('started_at < ?', f.until);
  if (f.mode) add('mode = ?', f.mode);
  if (f.customer === 'known') add('visitor_id IN (SELECT id FROM visitors WHERE customer_id IS NOT NULL)');
  if (f.customer === 'anonymous') add('visitor_id NOT IN (SELECT id FROM visitors WHERE customer_id IS NOT NULL)');
  if (f.minDurationMs) add('COALESCE(last_ts - first_ts, 0) >= ?', f.minDurationMs);
  return db
    .prepare(
      `SELECT ${summaryColumns}, ${customerColumns} FROM sessions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(...params, opts.limit) as SessionListItem[];
}

/** A session row in the staff list: its summary and the customer its browser belongs to, if any. */
export type SessionListItem = SessionSummary & { customerId: number | null; customerName: string | null };

const customerColumns = `(SELECT v.customer_id FROM visitors v WHERE v.id = sessions.visitor_id) AS customerId,
  (SELECT c.name FROM visitors v JOIN customers c ON c.id = v.customer_id WHERE v.id = sessions.visitor_id) AS customerName`;

export function getSession(db: DB, id: string): SessionListItem | undefined {
  return db.prepare(`SELECT ${summaryColumns}, ${customerColumns} FROM sessions WHERE id = ?`).get(id) as SessionListItem | undefined;
}
