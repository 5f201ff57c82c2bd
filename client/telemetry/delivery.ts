// Sends queued events to the server in bounded batches, retrying with exponential backoff and jitter.
import { TRPCClientError } from '@trpc/client';
import type { TelemetryEvent } from '../../server/contracts/events';
import { api } from '../api';

export const MAX_BATCH = 100;
export const MAX_BATCH_BYTES = 256 * 1024;
export const FLUSH_INTERVAL_MS = 2000;
const MAX_BACKOFF_MS = 60_000;

export interface Outbox {
  /** Events waiting to be sent, oldest first. */
  peek(max: number): readonly TelemetryEvent[];
  /** Removes these events (the server stored them, or they are being dropped). */
  remove(ids: readonly string[]): void;
  size(): number;
}

export interface DeliveryTarget {
  sessionId: string;
  token: string;
}

/** Takes events from the front of the outbox up to the count and byte bounds. */
export function takeBatch(outbox: Outbox, maxEvents = MAX_BATCH, maxBytes = MAX_BATCH_BYTES): TelemetryEvent[] {
  const batch: TelemetryEvent[] = [];
  let bytes = 0;
  for (const e of outbox.peek(maxEvents)) {
    const size = JSON.stringify(e).length;
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(e);
    bytes += size;
  }
  return batch;
}

/** The index of the event a BAD_REQUEST names (`events[3]...`), if any. */
function badEventIndex(err: TRPCClientError<never>): number | null {
  const m = /events\[(\d+)\]/.exec(err.message);
  return m ? Number(m[1]) : null;
}

/**
 * Drives delivery: flushes when the outbox holds a full batch or every FLUSH_INTERVAL_MS, one
 * request at a time; on failure waits min(60 s, 1 s * 2^attempt) with full jitter.
 */
export class Delivery {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending = false;
  private attempt = 0;
  private stopped = false;
  /** Called when the server refuses the session token: the caller starts a new session. */
  onSessionRejected: (() => void) | null = null;

  constructor(
    private readonly outbox: Outbox,
    private target: DeliveryTarget,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(FLUSH_INTERVAL_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  setTarget(target: DeliveryTarget): void {
    this.target = target;
  }

  /** Call after enqueueing: sends at once when a full batch is waiting. */
  notify(): void {
    if (this.outbox.size() >= MAX_BATCH && !this.sending && this.attempt === 0) void this.flush();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  /** Sends batches until the outbox is empty or a send fails. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.outbox.size() > 0) {
        const batch = takeBatch(this.outbox);
        try {
          await api.session.ingest.mutate({ sessionId: this.target.sessionId, token: this.target.token, events: batch });
          this.outbox.remove(batch.map((e) => e.id));
          this.attempt = 0;
        } catch (err) {
          if (!this.handleRefusal(err, batch)) {
            this.attempt++;
            const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.attempt - 1));
            this.schedule(Math.random() * backoff);
            return;
          }
        }
      }
    } finally {
      this.sending = false;
    }
    this.schedule(FLUSH_INTERVAL_MS);
  }

  /** Handles a refusal that retrying cannot fix; returns false when the error is worth retrying. */
  private handleRefusal(err: unknown, batch: readonly TelemetryEvent[]): boolean {
    if (!(err instanceof TRPCClientError)) return false;
    const status = (err.data as { httpStatus?: number } | undefined)?.httpStatus ?? 0;
    if (status === 400) {
      // An event the server will never take: drop it (the whole batch if none is named) so the rest get through.
      const index = badEventIndex(err);
      const bad = index !== null ? batch[index] : undefined;
      console.error('Telemetry event refused by the server:', err.message);
      this.outbox.remove(bad ? [bad.id] : batch.map((e) => e.id));
      return true;
    }
    if (status === 403) {
      console.warn('Telemetry session refused; starting a new one');
      this.onSessionRejected?.();
      return true;
    }
    return false;
  }
}
