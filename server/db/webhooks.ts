// Webhook queries: endpoints and their subscriptions, the transactional outbox (enqueue, claim with a lease, finish), the delivery log and its stats.
import type { Statement } from 'better-sqlite3';
import type { DeliveryListInput, DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEventType } from '../contracts/webhooks';
import type { DB } from './connection';

interface EndpointRow {
  id: number;
  url: string;
  description: string;
  enabled: number;
  createdAt: number;
  updatedAt: number;
  events: string | null;
  pending: number;
  failed: number;
}

const endpointSelect = `SELECT e.id, e.url, e.description, e.enabled, e.created_at AS createdAt, e.updated_at AS updatedAt,
    (SELECT group_concat(event_type) FROM webhook_subscriptions s WHERE s.endpoint_id = e.id) AS events,
    (SELECT count(*) FROM webhook_outbox o WHERE o.endpoint_id = e.id AND o.status = 'pending') AS pending,
    (SELECT count(*) FROM webhook_outbox o WHERE o.endpoint_id = e.id AND o.status = 'failed') AS failed
  FROM webhook_endpoints e`;

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: (r.events ? r.events.split(',').sort() : []) as WebhookEventType[],
  enabled: r.enabled === 1,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  pending: r.pending,
  failed: r.failed,
});

/** Every endpoint, oldest first (never the secret). */
export function listEndpoints(db: DB): WebhookEndpoint[] {
  return (db.prepare(`${endpointSelect} ORDER BY e.id`).all() as EndpointRow[]).map(toEndpoint);
}

/** One endpoint (never the secret), or undefined. */
export function getEndpoint(db: DB, id: number): WebhookEndpoint | undefined {
  const r = db.prepare(`${endpointSelect} WHERE e.id = ?`).get(id) as EndpointRow | undefined;
  return r && toEndpoint(r);
}

/** The signing secret of an endpoint (whsec_...), for the delivery worker only. */
export function endpointSecret(db: DB, id: number): string | undefined {
  return db.prepare('SELECT secret FROM webhook_endpoints WHERE id = ?').pluck().get(id) as string | undefined;
}

/** Replaces the event types the endpoint subscribes to. */
export function setSubscriptions(db: DB, endpointId: number, events: readonly WebhookEventType[]): void {
  db.prepare('DELETE FROM webhook_subscriptions WHERE endpoint_id = ?').run(endpointId);
  const insert = db.prepare('INSERT INTO webhook_subscriptions (event_type, endpoint_id) VALUES (?, ?)');
  for (const type of events) insert.run(type, endpointId);
}

/** Stores a new endpoint with its subscriptions; returns its id. `now`: ms since the epoch. */
export function insertEndpoint(
  db: DB,
  e: { url: string; description: string; secret: string; enabled: boolean; events: readonly WebhookEventType[]; now: number },
): number {
  const id = Number(
    db
      .prepare('INSERT INTO webhook_endpoints (url, description, secret, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.url, e.description, e.secret, e.enabled ? 1 : 0, e.now, e.now).lastInsertRowid,
  );
  setSubscriptions(db, id, e.events);
  return id;
}

/** Changes the given fields; returns the names of those that changed. */
export function updateEndpoint(
  db: DB,
  id: number,
  patch: { url?: string | undefined; description?: string | undefined; enabled?: boolean | undefined; events?: readonly WebhookEventType[] | undefined },
  now: number,
): string[] {
  const before = getEndpoint(db, id);
  if (!before) return [];
  const changed: string[] = [];
  if (patch.url !== undefined && patch.url !== before.url) changed.push('url');
  if (patch.description !== undefined && patch.description !== before.description) changed.push('description');
  if (patch.enabled !== undefined && patch.enabled !== before.enabled) changed.push('enabled');
  if (patch.events !== undefined && [...patch.events].sort().join() !== before.events.join()) changed.push('events');
  if (changed.length === 0) return [];
  db.prepare('UPDATE webhook_endpoints SET url = ?, description = ?, enabled = ?, updated_at = ? WHERE id = ?').run(
    patch.url ?? before.url,
    patch.description ?? before.description,
    (patch.enabled ?? before.enabled) ? 1 : 0,
    now,
    id,
  );
  if (patch.events !== undefined) setSubscriptions(db, id, patch.events);
  return changed;
}

/** Deletes the endpoint with its subscriptions and delivery log; false when there was none. */
export function deleteEndpoint(db: DB, id: number): boolean {
  return db.prepare('DELETE FROM webhook_endpoints WHERE id = ?').run(id).changes > 0;
}

/** Whether any enabled endpoint subscribes to `type`. */
export function hasSubscriber(db: DB, type: WebhookEventType): boolean {
  return (
    db
      .prepare('SELECT 1 FROM webhook_subscriptions s JOIN webhook_endpoints e ON e.id = s.endpoint_id WHERE s.event_type = ? AND e.enabled = 1 LIMIT 1')
      .get(type) !== undefined
  );
}

export interface OutboxEntry {
  /** The webhook-id every subscribed endpoint gets (msg_...). */
  msgId: string;
  type: WebhookEventType;
  /** Deliveries of one key reach an endpoint one at a time, in order ('customer:12'); null: no order. */
  orderKey: string | null;
  customerId: number | null;
  /** The JSON body, or null for one built at the first try from `subject`. */
  payload: string | null;
  subject?: string | null;
  /** ms since the epoch. */
  now: number;
}

/**
 * Writes one outbox row per enabled endpoint subscribed to the entry's type (none when nobody subscribes).
 * Call inside the transaction of the change the event reports. Returns the rows written.
 */
export function enqueueOutbox(db: DB, e: OutboxEntry): number {
  return db
    .prepare(
      `INSERT OR IGNORE INTO webhook_outbox (msg_id, endpoint_id, type, order_key, customer_id, subject, payload, occurred_at, next_attempt_at)
       SELECT @msgId, s.endpoint_id, @type, @orderKey, @customerId, @subject, @payload, @now, @now
       FROM webhook_subscriptions s JOIN webhook_endpoints e ON e.id = s.endpoint_id
       WHERE s.event_type = @type AND e.enabled = 1`,
    )
    .run({ ...e, subject: e.subject ?? null }).changes;
}

const sessionEndedCache = new WeakMap<DB, Statement>();

/**
 * The ingest hot path's one insert when a session_end event is newly stored: a session.ended row per subscribed
 * endpoint (its body is built at the first try), keyed by the session's customer or else its browser. A second
 * session_end of the same session adds nothing. No subscriber, no row.
 */
export function enqueueSessionEnded(db: DB, sessionId: string, now: number): void {
  let st = sessionEndedCache.get(db);
  if (!st) {
    st = db.prepare(
      `INSERT OR IGNORE INTO webhook_outbox (msg_id, endpoint_id, type, order_key, customer_id, subject, payload, occurred_at, next_attempt_at)
       SELECT 'msg_session_ended_' || ss.id, s.endpoint_id, 'session.ended', COALESCE('customer:' || v.customer_id, 'visitor:' || v.id),
              v.customer_id, ss.id, NULL, @now, @now
       FROM webhook_subscriptions s JOIN webhook_endpoints e ON e.id = s.endpoint_id
         JOIN sessions ss ON ss.id = @sessionId JOIN visitors v ON v.id = ss.visitor_id
       WHERE s.event_type = 'session.ended' AND e.enabled = 1`,
    );
    sessionEndedCache.set(db, st);
  }
  st.run({ sessionId, now });
}

/** An outbox row a worker holds. */
export interface ClaimedDelivery {
  id: number;
  msgId: string;
  endpointId: number;
  type: WebhookEventType;
  subject: string | null;
  payload: string | null;
  /** This try's number, from 1. */
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Claims up to `limit` due rows for `owner` until `now + leaseMs` in one UPDATE ... RETURNING (so two workers
 * never hold the same row), counting the try. A row waits while an earlier row of its key and endpoint is still
 * pending, and rows of disabled endpoints wait too.
 */
export function claimDue(db: DB, o: { now: number; leaseMs: number; owner: string; limit: number }): ClaimedDelivery[] {
  const rows = db
    .prepare(
      `UPDATE webhook_outbox SET lease_until = @now + @leaseMs, lease_owner = @owner, attempts = attempts + 1, last_attempt_at = @now
       WHERE id IN (
         SELECT o.id FROM webhook_outbox o JOIN webhook_endpoints e ON e.id = o.endpoint_id AND e.enabled = 1
         WHERE o.status = 'pending' AND o.next_attempt_at <= @now AND (o.lease_until IS NULL OR o.lease_until <= @now)
           AND (o.order_key IS NULL OR NOT EXISTS (
             SELECT 1 FROM webhook_outbox p
             WHERE p.endpoint_id = o.endpoint_id AND p.order_key = o.order_key AND p.status = 'pending' AND p.id < o.id))
         ORDER BY o.next_attempt_at, o.id LIMIT @limit)
       RETURNING id, msg_id AS msgId, endpoint_id AS endpointId, type, subject, payload, attempts`,
    )
    .all(o) as Omit<ClaimedDelivery, 'url' | 'secret'>[];
  const endpoint = db.prepare('SELECT url, secret FROM webhook_endpoints WHERE id = ?');
  return rows.map((r) => ({ ...r, ...(endpoint.get(r.endpointId) as { url: string; secret: string }) }));
}

/** Stores the body built for a message, for every endpoint's row of it, unless one was stored first; returns the stored body. */
export function setPayload(db: DB, msgId: string, payload: string): string {
  db.prepare('UPDATE webhook_outbox SET payload = ? WHERE msg_id = ? AND payload IS NULL').run(payload, msgId);
  return db.prepare('SELECT payload FROM webhook_outbox WHERE msg_id = ? AND payload IS NOT NULL LIMIT 1').pluck().get(msgId) as string;
}

/** What one try ended with. `nextAttemptAt` null: no more tries (succeeded, or given up). */
export interface TryOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  nextAttemptAt: number | null;
  now: number;
}

/** Records a try of a row `owner` holds and releases it; false when the lease was lost (another worker took it over). */
export function finishTry(db: DB, id: number, owner: string, t: TryOutcome): boolean {
  const status: DeliveryStatus = t.ok ? 'succeeded' : t.nextAttemptAt === null ? 'failed' : 'pending';
  return (
    db
      .prepare(
        `UPDATE webhook_outbox SET status = ?, last_status_code = ?, last_error = ?, last_duration_ms = ?, next_attempt_at = COALESCE(?, next_attempt_at),
           finished_at = ?, lease_until = NULL, lease_owner = NULL
         WHERE id = ? AND lease_owner = ?`,
      )
      .run(status, t.statusCode, t.error, Math.round(t.durationMs), t.nextAttemptAt, status === 'pending' ? null : t.now, id, owner).changes > 0
  );
}

interface DeliveryRow extends Omit<WebhookDelivery, 'nextAttemptAt'> {
  nextAttemptAt: number;
}

/** An endpoint's delivery log, newest first, a page at a time (fetch `limit + 1` to know of a next page). */
export function listDeliveries(db: DB, f: DeliveryListInput & { limit: number }): WebhookDelivery[] {
  const rows = db
    .prepare(
      `SELECT id, msg_id AS msgId, type, status, attempts, occurred_at AS occurredAt, next_attempt_at AS nextAttemptAt,
              last_attempt_at AS lastAttemptAt, last_status_code AS lastStatusCode, last_error AS lastError,
              last_duration_ms AS lastDurationMs, finished_at AS finishedAt
       FROM webhook_outbox WHERE endpoint_id = @endpointId AND (@status IS NULL OR status = @status) AND (@cursor IS NULL OR id < @cursor)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({ endpointId: f.endpointId, status: f.status ?? null, cursor: f.cursor ?? null, limit: f.limit }) as DeliveryRow[];
  return rows.map((r) => ({ ...r, nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt : null }));
}

/** The endpoint a delivery belongs to and its status, or undefined. */
export function getDelivery(db: DB, id: number): { endpointId: number; status: DeliveryStatus; type: string } | undefined {
  return db.prepare('SELECT endpoint_id AS endpointId, status, type FROM webhook_outbox WHERE id = ?').get(id) as
    | { endpointId: number; status: DeliveryStatus; type: string }
    | undefined;
}

/** Puts failed deliveries (one, or all of an endpoint) back in the queue with a fresh set of tries; returns how many. */
export function requeueFailed(db: DB, which: { deliveryId: number } | { endpointId: number }, now: number): number {
  const where = 'deliveryId' in which ? 'id = @id' : 'endpoint_id = @id';
  return db
    .prepare(
      `UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = @now, finished_at = NULL, lease_until = NULL, lease_owner = NULL
       WHERE ${where} AND status = 'failed'`,
    )
    .run({ id: 'deliveryId' in which ? which.deliveryId : which.endpointId, now }).changes;
}

/** Deletes delivery log rows that finished (succeeded or failed for good) before `before` (ms); returns how many. */
export function pruneFinished(db: DB, before: number): number {
  return db.prepare(`DELETE FROM webhook_outbox WHERE status != 'pending' AND finished_at < ?`).run(before).changes;
}

/** Outbox figures for metrics: rows still to deliver, rows given up on, and the oldest pending event (ms since the epoch, or null). */
export function outboxStats(db: DB): { depth: number; failed: number; oldestPendingAt: number | null } {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM webhook_outbox WHERE status = 'pending') AS depth,
              (SELECT count(*) FROM webhook_outbox WHERE status = 'failed') AS failed,
              (SELECT min(occurred_at) FROM webhook_outbox WHERE status = 'pending') AS oldestPendingAt`,
    )
    .get() as { depth: number; failed: number; oldestPendingAt: number | null };
}

/** What a session.ended body says about the session itself (times ms since the epoch), or undefined when it is gone (erased). */
export interface EndedSessionFacts {
  id: string;
  visitorId: string;
  customerId: number | null;
  startedAt: number;
  firstTs: number | null;
  lastTs: number | null;
  mode: string;
  eventCount: number;
  endReason: string | null;
}

/** The facts of a session for its session.ended body. */
export function endedSessionFacts(db: DB, sessionId: string): EndedSessionFacts | undefined {
  return db
    .prepare(
      `SELECT s.id, s.visitor_id AS visitorId, v.customer_id AS customerId, s.started_at AS startedAt, s.first_ts AS firstTs, s.last_ts AS lastTs,
              s.mode, s.event_count AS eventCount,
              (SELECT json_extract(props, '$.reason') FROM events WHERE session_id = s.id AND type = 'session_end' ORDER BY seq DESC LIMIT 1) AS endReason
       FROM sessions s JOIN visitors v ON v.id = s.visitor_id WHERE s.id = ?`,
    )
    .get(sessionId) as EndedSessionFacts | undefined;
}

/** Ends a row that can never be sent (what it reports was erased before its body was built). */
export function dropUnsendable(db: DB, id: number, reason: string, now: number): void {
  db.prepare(`UPDATE webhook_outbox SET status = 'failed', last_error = ?, finished_at = ?, lease_until = NULL, lease_owner = NULL WHERE id = ?`).run(reason, now, id);
}
