// Per-session token buckets for event ingest: requests per second and events per second, with bounded memory.

export interface RateLimitOptions {
  /** Sustained requests per second, and how many may come at once. */
  requestsPerSecond: number;
  requestBurst: number;
  /** Sustained events per second, and how many may come at once. */
  eventsPerSecond: number;
  eventBurst: number;
  /** Most sessions tracked at once; idle ones (full buckets) are forgotten first. */
  maxSessions: number;
}

export const DEFAULT_INGEST_LIMITS: RateLimitOptions = {
  requestsPerSecond: 10,
  requestBurst: 20,
  eventsPerSecond: 5_000,
  eventBurst: 10_000,
  maxSessions: 100_000,
};

interface Bucket {
  requests: number;
  events: number;
  /** Server ms when the buckets were last refilled. */
  at: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Token buckets keyed by session id. Time comes from the caller (ms), so tests can drive it. */
export class SessionRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly options: RateLimitOptions = DEFAULT_INGEST_LIMITS) {}

  /**
   * Takes one request and `events` events from the session's buckets at time `now` (ms). When either
   * is short, takes nothing and says how long to wait, ms.
   */
  take(sessionId: string, events: number, now: number): RateDecision {
    const o = this.options;
    let b = this.buckets.get(sessionId);
    if (!b) {
      if (this.buckets.size >= o.maxSessions) this.sweep(now);
      b = { requests: o.requestBurst, events: o.eventBurst, at: now };
      this.buckets.set(sessionId, b);
    } else {
      const dt = Math.max(0, now - b.at) / 1000;
      b.requests = Math.min(o.requestBurst, b.requests + dt * o.requestsPerSecond);
      b.events = Math.min(o.eventBurst, b.events + dt * o.eventsPerSecond);
      b.at = now;
    }
    const wanted = Math.min(events, o.eventBurst);
    if (b.requests >= 1 && b.events >= wanted) {
      b.requests -= 1;
      b.events -= wanted;
      return { ok: true };
    }
    const waitRequests = b.requests >= 1 ? 0 : ((1 - b.requests) / o.requestsPerSecond) * 1000;
    const waitEvents = b.events >= wanted ? 0 : ((wanted - b.events) / o.eventsPerSecond) * 1000;
    return { ok: false, retryAfterMs: Math.ceil(Math.max(waitRequests, waitEvents)) };
  }

  /** Sessions currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  /** Forgets sessions whose buckets have refilled (forgetting them changes nothing), then the oldest. */
  private sweep(now: number): void {
    const o = this.options;
    const refillMs = Math.max(o.requestBurst / o.requestsPerSecond, o.eventBurst / o.eventsPerSecond) * 1000;
    for (const [id, b] of this.buckets) if (now - b.at >= refillMs) this.buckets.delete(id);
    const excess = this.buckets.size - Math.floor(o.maxSessions * 0.9);
    if (excess <= 0) return;
    let n = 0;
    for (const id of this.buckets.keys()) {
      if (n++ >= excess) break;
      this.buckets.delete(id);
    }
  }
}

/** A TRPCError's cause when a caller is rate limited (ingest, staff login); `retryAfterMs` becomes the Retry-After header. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`retry after ${(retryAfterMs / 1000).toFixed(1)} s`);
    this.name = 'RateLimitedError';
  }
}
