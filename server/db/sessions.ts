// Visitor and session queries: start a session, check its write token, list sessions for staff.
import type { Mode } from '../contracts/events';
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
  opts: { limit: number; before?: { startedAt: number; id: string } | undefined },
): SessionSummary[] {
  if (opts.before) {
    return db
      .prepare(
        `SELECT ${summaryColumns} FROM sessions WHERE (started_at, id) < (?, ?) ORDER BY started_at DESC, id DESC LIMIT ?`,
      )
      .all(opts.before.startedAt, opts.before.id, opts.limit) as SessionSummary[];
  }
  return db
    .prepare(`SELECT ${summaryColumns} FROM sessions ORDER BY started_at DESC, id DESC LIMIT ?`)
    .all(opts.limit) as SessionSummary[];
}

export function getSession(db: DB, id: string): SessionSummary | undefined {
  return db.prepare(`SELECT ${summaryColumns} FROM sessions WHERE id = ?`).get(id) as SessionSummary | undefined;
}
