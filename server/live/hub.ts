// In-process hub of live sessions: presence beacons and ingest update it, staff subscriptions and the customer's inbox listen.
import { EventEmitter } from 'node:events';
import { fromBase64 } from '../contracts/base64';
import type { TelemetryEvent } from '../contracts/events';
import { LIVE_TIMEOUT_MS, type LiveSession, type Presence, type SentMessage } from '../contracts/live';
import { decodePoseChunk, type Pose } from '../contracts/pose';
import type { DB } from '../db/connection';
import { getSession } from '../db/sessions';

/** A presence beacon this recent wins over a pose chunk's position (pose chunks lag by up to 2 s), ms. */
const PRESENCE_PRIORITY_MS = 3_000;
/** Event types that say nothing to a salesperson watching ("last event" skips them). */
const quietTypes = new Set(['pose', 'perf']);

/** Heading about +y of a head orientation, radians (0 faces -z, positive turns left). */
export function yawOf(q: Pick<Pose, 'qx' | 'qy' | 'qz' | 'qw'>): number {
  return Math.atan2(2 * (q.qx * q.qz + q.qw * q.qy), 1 - 2 * (q.qx * q.qx + q.qy * q.qy));
}

/**
 * Live sessions held in memory (never the database): one per server process and database. Listeners
 * get `change` (a session id whose entry changed or left) and `message` events.
 */
export class LiveHub {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly emitter = new EventEmitter();
  private sweptAt = 0;

  constructor(private readonly db: DB) {
    this.emitter.setMaxListeners(0);
  }

  /** Every live session, most recently started first. */
  list(): LiveSession[] {
    return [...this.sessions.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  get(sessionId: string): LiveSession | undefined {
    return this.sessions.get(sessionId);
  }

  /** A presence beacon from the showroom at server time `now` (ms). */
  presence(sessionId: string, p: Presence, now: number): void {
    const s = this.ensure(sessionId, now);
    if (!s) return;
    s.position = { x: p.x, y: p.y, z: p.z, yaw: p.yaw, at: now, source: 'presence' };
    s.mode = p.mode;
    s.gazeProductId = p.gazeProductId;
    s.selectedProductId = p.selectedProductId;
    s.lastSeenAt = now;
    this.changed(sessionId);
  }

  /**
   * Events an ingest batch stored (`now`: server ms). A session that ended leaves; otherwise the last
   * event, the mode and, when no recent presence beacon has it, the position from the last pose chunk.
   * A batch creates a live entry only if its newest event is recent (a queue delivered late is not a visit).
   */
  activity(sessionId: string, events: readonly TelemetryEvent[], now: number): void {
    if (events.length === 0) return;
    if (events.some((e) => e.type === 'session_end')) return this.leave(sessionId);
    const newest = events.reduce((m, e) => Math.max(m, e.ts), 0);
    const s = this.sessions.get(sessionId) ?? (now - newest < LIVE_TIMEOUT_MS ? this.ensure(sessionId, now) : undefined);
    if (!s) return;
    s.lastSeenAt = now;
    for (const e of events) {
      if (!quietTypes.has(e.type) && (!s.lastEvent || e.ts >= s.lastEvent.ts)) s.lastEvent = { type: e.type, productId: e.productId ?? null, ts: e.ts };
      if (e.type === 'mode_change') s.mode = e.props.mode;
      if (e.type === 'contact_request') this.refreshCustomer(s);
    }
    const pose = events.filter((e) => e.type === 'pose').at(-1);
    if (pose && pose.type === 'pose' && !(s.position?.source === 'presence' && now - s.position.at < PRESENCE_PRIORITY_MS)) {
      const bytes = fromBase64(pose.props.data);
      const head = bytes ? decodePoseChunk(bytes).samples.findLast((x) => x.head)?.head : undefined;
      if (head) s.position = { x: head.px, y: head.py, z: head.pz, yaw: yawOf(head), at: now, source: 'pose' };
    }
    this.changed(sessionId);
  }

  /** Drops sessions not heard from within LIVE_TIMEOUT_MS of `now` (ms). */
  sweep(now: number): void {
    for (const [id, s] of this.sessions) if (now - s.lastSeenAt > LIVE_TIMEOUT_MS) this.leave(id);
  }

  /** Drops sessions no longer in the database (a customer was just erased), so no page keeps showing them. */
  dropErased(): void {
    for (const id of [...this.sessions.keys()]) if (!getSession(this.db, id)) this.leave(id);
  }

  leave(sessionId: string): void {
    if (this.sessions.delete(sessionId)) this.emitter.emit('change', sessionId);
  }

  /** Announces a stored message to the customer's inbox and to staff watching. */
  publishMessage(m: SentMessage): void {
    this.emitter.emit('message', m);
  }

  /** Calls `fn` with the id of each session that changed or left; returns the unsubscribe function. */
  onChange(fn: (sessionId: string) => void): () => void {
    this.emitter.on('change', fn);
    return () => void this.emitter.off('change', fn);
  }

  /** Calls `fn` with each message stored or updated (shown, dismissed); returns the unsubscribe function. */
  onMessage(fn: (m: SentMessage) => void): () => void {
    this.emitter.on('message', fn);
    return () => void this.emitter.off('message', fn);
  }

  /** How many listeners are attached (tests check subscriptions clean up). */
  listenerCount(): number {
    return this.emitter.listenerCount('change') + this.emitter.listenerCount('message');
  }

  private changed(sessionId: string): void {
    this.emitter.emit('change', sessionId);
  }

  private ensure(sessionId: string, now: number): LiveSession | undefined {
    const existing = this.sessions.get(sessionId);
    if (existing) return existing;
    // Quiet sessions go even while nobody watches the Live page, so the map stays as small as the crowd.
    if (now - this.sweptAt > LIVE_TIMEOUT_MS) {
      this.sweptAt = now;
      this.sweep(now);
    }
    const row = getSession(this.db, sessionId);
    if (!row) return undefined;
    const s: LiveSession = {
      sessionId, visitorId: row.visitorId, customerId: row.customerId, customerName: row.customerName, mode: row.mode, startedAt: row.startedAt,
      position: null, gazeProductId: null, selectedProductId: null, lastEvent: null, lastSeenAt: now,
    };
    this.sessions.set(sessionId, s);
    return s;
  }

  private refreshCustomer(s: LiveSession): void {
    const row = getSession(this.db, s.sessionId);
    if (row) {
      s.customerId = row.customerId;
      s.customerName = row.customerName;
    }
  }
}

const hubs = new WeakMap<DB, LiveHub>();

/** The live hub of this database (one per process, like the database connection). */
export function liveHubFor(db: DB): LiveHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new LiveHub(db);
    hubs.set(db, hub);
  }
  return hub;
}
