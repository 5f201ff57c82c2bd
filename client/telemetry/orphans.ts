// Delivers events that earlier sessions left queued in IndexedDB (a closed tab, an expired session), one page at a time.
import type { TelemetryStore } from './persist';
import type { EventQueue } from './queue';
import { claimSession } from './session';

const SCAN_INTERVAL_MS = 60_000;

interface Owner {
  queue: EventQueue;
  store: TelemetryStore | null;
  session: { sessionId: string } | null;
  tokens: Map<string, string>;
}

/**
 * Looks for sessions in IndexedDB that no open page holds (Web Locks), claims them, and puts their
 * queued events in this page's queue with their own tokens. Once a claimed session's events are all
 * delivered, its record is deleted and the claim released.
 */
export class OrphanAdopter {
  private readonly held = new Map<string, () => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private scanning = false;

  constructor(
    private readonly owner: Owner,
    private readonly onAdopted: () => void,
  ) {}

  /** Scans now and then every minute. */
  async start(): Promise<void> {
    this.timer ??= setInterval(() => void this.scan(), SCAN_INTERVAL_MS);
    await this.scan();
  }

  /** Sessions adopted and not yet fully delivered. */
  get adopted(): string[] {
    return [...this.held.keys()];
  }

  async scan(): Promise<void> {
    const { store, queue } = this.owner;
    if (!store || this.scanning) return;
    this.scanning = true;
    try {
      let found = false;
      for (const meta of await store.sessions()) {
        const id = meta.sessionId;
        if (id === this.owner.session?.sessionId || this.held.has(id)) continue;
        const release = await claimSession(meta);
        if (!release) continue;
        const { events } = await store.load(id);
        const waiting = events.filter((r) => !queue.has(id, r.seq));
        if (waiting.length === 0 && queue.size(id) === 0) {
          await store.deleteSession(id);
          release();
          continue;
        }
        this.owner.tokens.set(id, meta.token);
        for (const r of waiting) queue.push(id, r.event, 2);
        this.held.set(id, release);
        found = true;
      }
      if (found) this.onAdopted();
    } catch (err) {
      console.warn('Telemetry: could not read sessions left in IndexedDB', err);
    } finally {
      this.scanning = false;
    }
  }

  /** Forgets adopted sessions whose events are all delivered. */
  async settle(): Promise<void> {
    for (const id of [...this.held.keys()]) {
      if (this.owner.queue.size(id) > 0) continue;
      await this.owner.store?.deleteSession(id).catch(() => undefined);
      this.release(id);
    }
  }

  /** Drops the claim on a session (delivered, or refused by the server). */
  release(id: string): void {
    this.owner.tokens.delete(id);
    this.held.get(id)?.();
    this.held.delete(id);
  }
}
