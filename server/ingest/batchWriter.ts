// Group commit for ingest: batches that arrive within a few ms share one SQLite commit, each in its own savepoint.
import type { TelemetryEvent } from '../contracts/events';
import type { DB } from '../db/connection';
import { insertBatch, type BatchResult } from '../db/events';
import { countCommit } from '../metrics/ingest';

interface Pending {
  sessionId: string;
  events: readonly TelemetryEvent[];
  now: number;
  resolve(r: BatchResult): void;
  reject(err: unknown): void;
}

/**
 * How long the first batch of a group waits for others before the group is written, ms. A commit costs several
 * write system calls whatever it holds; at 1,000 batches a second a 4 ms window shares each among about four
 * batches, for 4 ms of latency (the budget is 50 ms at p99).
 */
export const COMMIT_WINDOW_MS = 4;
/** A group this large is written at once, without waiting out the window. */
export const MAX_GROUP = 64;

/**
 * Queues batches and writes every batch queued within one commit window in one transaction. Each batch is
 * still all or nothing with its rollups (`insertBatch` nests as a savepoint: a batch that fails rolls back
 * alone and only its caller sees the error), and every caller's promise settles only after the commit, so an
 * answer never claims a write that a crash could lose. One commit per group instead of per batch is what
 * lets many small batches (one per headset every 2 s) share the cost of writing the WAL.
 */
export class BatchWriter {
  private queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate = false;

  /** `windowMs`: see COMMIT_WINDOW_MS; 0 writes at the end of the current event-loop turn. */
  constructor(
    private readonly db: DB,
    private readonly windowMs = COMMIT_WINDOW_MS,
  ) {}

  /** Stores one validated batch of `sessionId` (server time `now`, ms); resolves after its transaction commits. */
  write(sessionId: string, events: readonly TelemetryEvent[], now: number): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sessionId, events, now, resolve, reject });
      if (this.immediate) return;
      if (this.queue.length >= MAX_GROUP || this.windowMs <= 0) {
        this.immediate = true;
        setImmediate(() => this.flush());
      } else {
        this.timer ??= setTimeout(() => this.flush(), this.windowMs);
      }
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.immediate = false;
    const items = this.queue;
    this.queue = [];
    const outcomes: ({ ok: true; result: BatchResult } | { ok: false; err: unknown })[] = [];
    const started = performance.now();
    try {
      this.db.transaction(() => {
        for (const it of items) {
          try {
            outcomes.push({ ok: true, result: insertBatch(this.db, it.sessionId, it.events, it.now) });
          } catch (err) {
            // An error that ended the whole transaction (disk full, I/O) must not let later batches autocommit.
            if (!this.db.inTransaction) throw err;
            outcomes.push({ ok: false, err });
          }
        }
      })();
    } catch (err) {
      for (const it of items) it.reject(err);
      return;
    }
    countCommit(items.length, performance.now() - started);
    items.forEach((it, i) => {
      const o = outcomes[i]!;
      if (o.ok) it.resolve(o.result);
      else it.reject(o.err);
    });
  }
}

const writers = new WeakMap<DB, BatchWriter>();

/** The one batch writer of `db` (all ingest into a database goes through it, so batches group). */
export function batchWriterFor(db: DB): BatchWriter {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new BatchWriter(db)));
  return w;
}
