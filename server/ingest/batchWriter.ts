// Group commit for ingest: batches that arrive in the same event-loop turn share one SQLite commit, each in its own savepoint.
import type { TelemetryEvent } from '../contracts/events';
import type { DB } from '../db/connection';
import { insertBatch, type BatchResult } from '../db/events';

interface Pending {
  sessionId: string;
  events: readonly TelemetryEvent[];
  now: number;
  resolve(r: BatchResult): void;
  reject(err: unknown): void;
}

/**
 * Queues batches and writes every batch queued within one event-loop turn in one transaction. Each batch is
 * still all or nothing with its rollups (`insertBatch` nests as a savepoint: a batch that fails rolls back
 * alone and only its caller sees the error), and every caller's promise settles only after the commit, so an
 * answer never claims a write that a crash could lose. One commit per turn instead of per batch is what
 * lets many small batches (one per headset every 2 s) share the cost of writing the WAL.
 */
export class BatchWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: DB) {}

  /** Stores one validated batch of `sessionId` (server time `now`, ms); resolves after its transaction commits. */
  write(sessionId: string, events: readonly TelemetryEvent[], now: number): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sessionId, events, now, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const items = this.queue;
    this.queue = [];
    const outcomes: ({ ok: true; result: BatchResult } | { ok: false; err: unknown })[] = [];
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
