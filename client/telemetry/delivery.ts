// Sends queued events in bounded batches, one request at a time, retrying with backoff and jitter; sets aside events the server keeps refusing.
import type { EventInput } from '../../server/contracts/events';
import type { EventQueue, QueuedEvent } from './queue';
import { refusedIndices, type SendResult, type Transport } from './transport';

/** Most events per request (the server takes up to 500). */
export const MAX_BATCH = 500;
/** Most estimated bytes per request (the server takes up to 1 MiB). */
export const MAX_BATCH_BYTES = 512 * 1024;
/** Send at once when this many events wait ... */
export const FLUSH_AT_EVENTS = 100;
/** ... else every this many ms. */
export const FLUSH_INTERVAL_MS = 2000;
export const MAX_BACKOFF_MS = 60_000;
const MIN_RETRY_MS = 250;
/** Tries of a batch the server answers with an error (5xx, unexpected 4xx) before it is split to find the events it chokes on. */
export const MAX_TRIES = 5;

export interface DeliveryHooks {
  /** The write token of a session with queued events; null when unknown (its events are dropped). */
  tokenFor(sessionId: string): string | null;
  /** Runs before each round of sending: makes queued events durable, so nothing is sent that only memory holds. */
  beforeSend?(): Promise<void>;
  /** The server refused the session's token; its queued events were dropped. */
  onSessionRejected(sessionId: string, dropped: number): void;
  /**
   * The server refuses these events (named as invalid, too large, or failing alone while others go through): keep
   * them aside. They leave the queue once this resolves, so the rest get through.
   */
  setAside(sessionId: string, events: readonly EventInput[], message: string): Promise<void>;
}

export class Delivery {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The round of sending under way, and the one a flush asked for meanwhile. */
  private round: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
  private stopped = true;
  private limit = MAX_BATCH;
  /** Failed attempts in a row (network, 5xx, 429); 0 when the last request went through. */
  attempt = 0;
  /** Delay chosen for the next attempt, ms (for monitoring). */
  nextDelayMs = FLUSH_INTERVAL_MS;
  lastError: string | null = null;
  /** Events stored by the server through this delivery. */
  delivered = 0;
  /** Events set aside because the server would not take them. */
  setAside = 0;
  /** Server errors in a row for the batch at the head of the queue (network failures and 429 do not count). */
  private serverErrors = 0;
  /** The head batch failed MAX_TRIES times: each further failure halves it, to single out the events it chokes on. */
  private splitting = false;
  /** One event that failed alone; the events after it are sent to tell an event the server chokes on from an outage. */
  private suspect: QueuedEvent | null = null;
  /** The error the suspect failed with (for the dead letter). */
  private suspectError = '';

  private readonly maxBatch: number;
  private readonly random: () => number;

  constructor(
    private readonly queue: EventQueue,
    private readonly transport: Transport,
    private readonly hooks: DeliveryHooks,
    opts: { maxBatch?: number; random?: () => number } = {},
  ) {
    this.maxBatch = opts.maxBatch ?? MAX_BATCH;
    this.limit = this.maxBatch;
    this.random = opts.random ?? Math.random;
  }

  start(): void {
    this.stopped = false;
    this.schedule(FLUSH_INTERVAL_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Call after enqueueing: sends soon when a full batch is waiting and no backoff is running. O(1). */
  notify(): void {
    if (this.nextDelayMs !== 0 && !this.stopped && !this.round && this.attempt === 0 && this.queue.size() >= FLUSH_AT_EVENTS) this.schedule(0);
  }

  /** New events to send that should not wait for the next interval (unless backing off). */
  soon(): void {
    if (this.nextDelayMs !== 0 && !this.stopped && !this.round && this.attempt === 0) this.schedule(0);
  }

  /** The network is back: retry now instead of waiting out the backoff. */
  online(): void {
    this.attempt = 0;
    if (!this.stopped) this.schedule(0);
  }

  private schedule(ms: number): void {
    this.nextDelayMs = ms;
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  /** min(60 s, 1 s * 2^(attempt-1)) with full jitter, at least `floor` ms. */
  backoffMs(floor = 0): number {
    const cap = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, this.attempt - 1));
    return Math.max(floor, MIN_RETRY_MS, Math.round(this.random() * cap));
  }

  /**
   * Sends batches until the queue is empty or a send fails; then schedules the next round. Called while a round
   * is under way, it resolves only after that round and (unless it failed and is backing off) one more, so what
   * was queued before the call has been sent when it resolves.
   */
  flush(): Promise<void> {
    if (this.round) {
      this.followUp ??= this.round.then(() => {
        this.followUp = null;
        return this.attempt === 0 ? this.flush() : undefined;
      });
      return this.followUp;
    }
    this.round = this.sendRound().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async sendRound(): Promise<void> {
    let next = FLUSH_INTERVAL_MS;
    try {
      await this.hooks.beforeSend?.();
      for (;;) {
        if (this.suspect?.gone) this.suspect = null;
        const suspect = this.suspect;
        let batch = this.queue.takeBatch(this.limit, MAX_BATCH_BYTES, suspect ? (q) => q !== suspect : undefined);
        // Nothing else to compare with: the suspect alone is tried again (with backoff) until more events arrive.
        if (batch.length === 0 && suspect) batch = [suspect];
        if (batch.length === 0) break;
        const retryIn = await this.sendOne(batch);
        if (retryIn !== null) {
          next = retryIn;
          break;
        }
      }
    } catch (err) {
      this.lastError = String(err);
      this.attempt++;
      next = this.backoffMs();
    }
    this.schedule(next);
  }

  /** Sends one batch and handles the answer; returns ms to wait before retrying, or null to go on. */
  private async sendOne(batch: QueuedEvent[]): Promise<number | null> {
    const sessionId = batch[0]!.sessionId;
    const token = this.hooks.tokenFor(sessionId);
    if (!token) {
      this.hooks.onSessionRejected(sessionId, this.queue.removeSession(sessionId));
      return null;
    }
    const r: SendResult = await this.transport.send({ sessionId, token, events: batch.map((q) => q.event) });
    if (r.ok) {
      this.queue.remove(batch);
      this.delivered += r.accepted + r.duplicates;
      this.attempt = 0;
      this.serverErrors = 0;
      this.lastError = null;
      await this.afterDelivered(batch);
      return null;
    }
    this.lastError = `${r.status}: ${r.message}`;
    switch (r.status) {
      case 0:
        // Offline, or the server is down or restarting: the events stay queued, however long it takes.
        this.attempt++;
        return this.backoffMs();
      case 429:
        this.attempt++;
        return this.backoffMs(r.retryAfterMs ?? 1000);
      case 403:
        this.hooks.onSessionRejected(sessionId, this.queue.removeSession(sessionId));
        return null;
      case 400: {
        // Refused whole because of the named events: set aside exactly those, resend the rest. Unnamed: split.
        const named = refusedIndices(r.message).filter((i) => i < batch.length);
        if (named.length > 0 || batch.length === 1) {
          await this.putAside(sessionId, named.length > 0 ? named.map((i) => batch[i]!) : batch, r.message);
          return null;
        }
        this.splitting = true;
        this.limit = Math.floor(batch.length / 2);
        return null;
      }
      case 413:
        if (batch.length > 1) {
          this.limit = Math.max(1, Math.floor(batch.length / 2));
          return null;
        }
        await this.putAside(sessionId, batch, r.message);
        return null;
      default:
        return this.serverError(batch);
    }
  }

  /** After a batch went through: a suspect that fails while others pass is set aside; splitting eases off. */
  private async afterDelivered(batch: QueuedEvent[]): Promise<void> {
    const suspect = this.suspect;
    if (suspect && !batch.includes(suspect) && !suspect.gone) {
      // It fails alone while the events after it go through: it is the event, not the server. Back to full batches.
      await this.putAside(suspect.sessionId, [suspect], `failed alone while other events went through: ${this.suspectError}`);
      this.splitting = false;
    }
    if (suspect && (batch.includes(suspect) || suspect.gone)) this.suspect = null;
    if (!this.splitting) this.limit = this.maxBatch;
    else {
      this.limit = Math.min(this.maxBatch, this.limit * 2);
      if (this.limit === this.maxBatch && !this.suspect) this.splitting = false;
    }
  }

  /** A 5xx or unexpected 4xx: back off MAX_TRIES times, then halve the batch down to the event the server chokes on. */
  private serverError(batch: QueuedEvent[]): number | null {
    this.attempt++;
    this.serverErrors++;
    if (this.suspect && !batch.includes(this.suspect)) {
      // Events after the suspect fail too: the server is in trouble, not the event. Start over after a pause.
      this.suspect = null;
      this.splitting = false;
      this.serverErrors = 0;
      this.limit = this.maxBatch;
      return this.backoffMs();
    }
    if (this.suspect || (!this.splitting && this.serverErrors < MAX_TRIES)) return this.backoffMs();
    this.splitting = true;
    if (batch.length > 1) {
      this.limit = Math.floor(batch.length / 2);
      return null;
    }
    this.suspect = batch[0]!;
    this.suspectError = this.lastError ?? '';
    return null;
  }

  /** Hands events to `setAside`, then takes them out of the queue. */
  private async putAside(sessionId: string, batch: QueuedEvent[], message: string): Promise<void> {
    await this.hooks.setAside(sessionId, batch.map((q) => q.event), message);
    this.queue.remove(batch);
    this.setAside += batch.length;
    if (this.suspect && batch.includes(this.suspect)) this.suspect = null;
  }
}
