// Visitor and session queries: start a session, check its write token, keep its rollups, list sessions for staff.
import type { Statement } from 'better-sqlite3';
import type { Mode } from '../contracts/events';
import type { SessionFilter } from '../contracts/sessions';
import type { DB } from './connection';
import { customerSearchClause } from './customers';
import { SWITCHED_TO_MODE } from './sessionListFacts';
import { type SqlPart, Where } from './sqlFilters';

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

const forWriteStatements = new WeakMap<DB, Statement>();

/** The stored hash of a session's write token and its visitor, or undefined for an unknown session. */
export function sessionForWrite(db: DB, sessionId: string): { tokenHash: Buffer; visitorId: string } | undefined {
  // Every ingest request asks this: prepare the statement once per database.
  let st = forWriteStatements.get(db);
  if (!st) forWriteStatements.set(db, (st = db.prepare('SELECT token_hash AS tokenHash, visitor_id AS visitorId FROM sessions WHERE id = ?')));
  return st.get(sessionId) as { tokenHash: Buffer; visitorId: string } | undefined;
}

/** What one ingest batch adds to its session's totals (only events that were new). */
export interface SessionRollup {
  /** Events stored (pose chunks not included). */
  events: number;
  /** Earliest and latest browser time in the batch, ms (Infinity / -Infinity when none). */
  firstTs: number;
  lastTs: number;
  dwellCount: number;
  dwellMs: number;
  poseSamples: number;
  /** Pose samples the browser reported dropping (telemetry_drop events). */
  droppedSamples: number;
  errors: number;
}

const rollupStatements = new WeakMap<DB, Statement>();

/** Adds a batch's totals to its session; call inside the batch's transaction. `now` is the server clock, ms. */
export function applySessionRollup(db: DB, sessionId: string, r: SessionRollup, now: number): void {
  let st = rollupStatements.get(db);
  if (!st) {
    st = db.prepare(
      `UPDATE sessions SET
         event_count = event_count + @events, last_seen_at = @now,
         first_ts = COALESCE(MIN(COALESCE(first_ts, @first), @first), first_ts),
         last_ts = COALESCE(MAX(COALESCE(last_ts, @last), @last), last_ts),
         dwell_count = dwell_count + @dwellCount, dwell_ms = dwell_ms + @dwellMs, pose_samples = pose_samples + @poseSamples,
         dropped_samples = dropped_samples + @droppedSamples, error_count = error_count + @errors
       WHERE id = @sessionId`,
    );
    rollupStatements.set(db, st);
  }
  const first = Number.isFinite(r.firstTs) ? r.firstTs : null;
  const last = Number.isFinite(r.lastTs) ? r.lastTs : null;
  st.run({
    events: r.events, now, first, last, dwellCount: r.dwellCount, dwellMs: r.dwellMs, poseSamples: r.poseSamples,
    droppedSamples: r.droppedSamples, errors: r.errors, sessionId,
  });
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
  /** Number of dwells (head ray resting on a product >= 250 ms) and their total time, ms. */
  dwellCount: number;
  dwellMs: number;
  /** Distinct products the customer interacted with or looked at. */
  productCount: number;
  poseSamples: number;
  /** Pose samples the browser dropped because its queue was full (never business events). */
  droppedSamples: number;
  errorCount: number;
}

/**
 * Session length on the browser's clock, ms. The expression index sessions_duration (migration 009) holds this
 * expression: a query must repeat it word for word for SQLite to use that index.
 */
export const DURATION = 'COALESCE(last_ts - first_ts, 0)';

const summaryColumns = `id, visitor_id AS visitorId, started_at AS startedAt, last_seen_at AS lastSeenAt,
  ${DURATION} AS durationMs, mode, user_agent AS userAgent, event_count AS eventCount,
  dwell_count AS dwellCount, dwell_ms AS dwellMs, product_count AS productCount, pose_samples AS poseSamples,
  dropped_samples AS droppedSamples, error_count AS errorCount`;

/**
 * A filter whose matches number at most this many sessions is answered through its own index (read them all,
 * sort, take a page); one with more matches walks sessions newest first, where a page takes few rows.
 */
const DRIVE_LIMIT = 5000;

/** Rows matching `sql` in `from` (a table naming its index), counted up to `limit`; undefined at `limit` or more. */
function fewMatches(db: DB, from: string, sql: string, values: unknown[], limit: number): number | undefined {
  const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${sql} LIMIT ?)`).pluck().get(...values, limit) as number;
  return n < limit ? n : undefined;
}

/** Sessions whose browser belongs to a customer (matching the search, if any): a condition on sessions and its values. */
function customerCondition(f: SessionFilter): SqlPart | undefined {
  if (f.customerSearch) {
    const s = customerSearchClause(f.customerSearch);
    return { sql: `visitor_id IN (SELECT v.id FROM visitors v JOIN customers c ON c.id = v.customer_id WHERE ${s.sql})`, params: s.params };
  }
  if (f.customer === 'known') return { sql: 'visitor_id IN (SELECT id FROM visitors WHERE customer_id IS NOT NULL)', params: [] };
  return undefined;
}

type Driving = 'sessions_list' | 'sessions_contact' | 'sessions_duration' | 'sessions_visitor_started' | 'sqlite_autoindex_sessions_1';

/**
 * The index a page of the list reads: sessions with contact requests when asked for, else the filter with the fewest
 * matches among a product, a minimum length and known customers if below `limit`, else the list order itself
 * (sessions_list), newest first.
 */
function drivingIndex(db: DB, f: SessionFilter, limit: number): Driving {
  if (f.contact === 'yes') return 'sessions_contact';
  const customer = customerCondition(f);
  const candidates: [Driving, number | undefined][] = [
    ['sqlite_autoindex_sessions_1', f.productId ? fewMatches(db, 'session_products INDEXED BY session_products_product', 'product_id = ?', [f.productId], limit) : undefined],
    ['sessions_duration', f.minDurationMs ? fewMatches(db, 'sessions INDEXED BY sessions_duration', `${DURATION} >= ?`, [f.minDurationMs], limit) : undefined],
    ['sessions_visitor_started', customer ? fewMatches(db, 'sessions INDEXED BY sessions_visitor_started', customer.sql, customer.params, limit) : undefined],
  ];
  let best: Driving = 'sessions_list', fewest = Infinity;
  for (const [index, n] of candidates) if (n !== undefined && n < fewest) [best, fewest] = [index, n];
  return best;
}

/** One page of the list: `limit` rows, after the keyset cursor `before`, `driveLimit` (DRIVE_LIMIT unless given) for drivingIndex. */
export interface SessionListOptions {
  limit: number;
  before?: { startedAt: number; id: string } | undefined;
  filter?: SessionFilter | undefined;
  driveLimit?: number | undefined;
}

/** The list query for one page: its SQL (reading the index drivingIndex picks, named with INDEXED BY) and parameters. */
export function sessionListQuery(db: DB, opts: SessionListOptions): { sql: string; params: unknown[] } {
  const where = new Where();
  const add = where.add.bind(where);
  const f = opts.filter ?? {};
  const drive = drivingIndex(db, f, opts.driveLimit ?? DRIVE_LIMIT);
  if (opts.before) add('(started_at, id) < (?, ?)', opts.before.startedAt, opts.before.id);
  if (f.from !== undefined) add('started_at >= ?', f.from);
  if (f.until !== undefined) add('started_at < ?', f.until);
  if (f.mode) add(`(mode = ? OR ${SWITCHED_TO_MODE})`, f.mode, f.mode);
  // Read through the product's index, a membership test; walking another index, a lookup per session.
  if (f.productId && drive === 'sqlite_autoindex_sessions_1') add('id IN (SELECT session_id FROM session_products WHERE product_id = ?)', f.productId);
  else if (f.productId) add('EXISTS (SELECT 1 FROM session_products p WHERE p.session_id = sessions.id AND p.product_id = ?)', f.productId);
  if (f.contact === 'yes') add('contact_requests > 0');
  if (f.contact === 'no') add('contact_requests = 0');
  const customer = customerCondition(f);
  if (customer) add(customer.sql, ...customer.params);
  if (f.customer === 'anonymous') add('visitor_id NOT IN (SELECT id FROM visitors WHERE customer_id IS NOT NULL)');
  if (f.minDurationMs) add(`${DURATION} >= ?`, f.minDurationMs);
  return {
    sql: `SELECT ${summaryColumns}, ${customerColumns} FROM sessions INDEXED BY ${drive}${where.clause}
       ORDER BY started_at DESC, id DESC LIMIT ?`,
    params: [...where.params, opts.limit],
  };
}

/** Sessions newest first, filtered; `before` is a keyset cursor (startedAt, id) from the previous page. */
export function listSessions(db: DB, opts: SessionListOptions): SessionListItem[] {
  const q = sessionListQuery(db, opts);
  return db.prepare(q.sql).all(...q.params) as SessionListItem[];
}

/** A session row in the staff list: its summary and the customer its browser belongs to, if any. */
export type SessionListItem = SessionSummary & { customerId: number | null; customerName: string | null };

const customerColumns = `(SELECT v.customer_id FROM visitors v WHERE v.id = sessions.visitor_id) AS customerId,
  (SELECT c.name FROM customers c WHERE c.id = (SELECT v.customer_id FROM visitors v WHERE v.id = sessions.visitor_id)) AS customerName`;

export function getSession(db: DB, id: string): SessionListItem | undefined {
  return db.prepare(`SELECT ${summaryColumns}, ${customerColumns} FROM sessions WHERE id = ?`).get(id) as SessionListItem | undefined;
}
