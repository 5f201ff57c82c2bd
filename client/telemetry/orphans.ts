// Delivers events that other sessions left queued in IndexedDB (a closed tab, an expired session) once no open page holds them.
import type { SessionMeta, EventStore } from './eventStore';
import type { EventQueue } from './queue';
import { hasLocks, SESSION_IDLE_MS, whenSessionFree } from './session';

const SCAN_INTERVAL_MS = 60_000;
/** Without Web Locks, a session counts as left behind after this long without events, ms. */
const IDLE_WITHOUT_LOCKS_MS = 120_000;

interface Owner {
  queue: EventQueue;
  store: EventStore | null;
  session: { sessionId: string } | null;
  tokens: Map<string, string>;
}

/**
 * For every other session in IndexedDB, waits for its lock (Web Locks): free at once for a closed
 * tab, free when the page closes for an open one. Holding it, puts the session's queued events in
 * this page's queue with their own token, and lets go once they are all delivered. A session's
 * record is deleted once it is empty and idle too long to be resumed.
 */
export class OrphanAdopter {
  private readonly waiting = new Set<string>();
  private readonly held = new Map<string, () => void>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly owner: Owner,
    private readonly onAdopted: () => void,
  ) {}

  /** Scans now and then every minute for sessions this page does not know yet. */
  async start(): Promise<void> {
    this.timer ??= setInterval(() => void this.scan(), SCAN_INTERVAL_MS);
    await this.scan();
  }

  /** Stops the scans (the page is going). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sessions adopted and not yet fully delivered. */
  get adopted(): string[] {
    return [...this.held.keys()];
  }

  async scan(): Promise<void> {
    const store = this.owner.store;
    if (!store) return;
    let metas: SessionMeta[];
    try {
      metas = await store.sessions();
    } catch (err) {
      console.warn('Telemetry: could not read sessions left in IndexedDB', err);
      return;
    }
    for (const meta of metas) {
      const id = meta.sessionId;
      if (id === this.owner.session?.sessionId || this.waiting.has(id)) continue;
      if (!hasLocks() && Date.now() - meta.lastActive < IDLE_WITHOUT_LOCKS_MS) continue;
      this.waiting.add(id);
      whenSessionFree(id, () => this.adopt(meta).finally(() => this.waiting.delete(id)));
    }
  }

  /** Runs holding the session's lock; resolves (letting go) once its events are delivered. */
  private async adopt(meta: SessionMeta): Promise<void> {
    const { store, queue } = this.owner;
    const id = meta.sessionId;
    if (!store || id === this.owner.session?.sessionId) return;
    const { events } = await store.load(id).catch(() => ({ events: [] }));
    const known = queue.seqs(id);
    const waiting = events.filter((r) => !known.has(r.seq));
    if (waiting.length === 0 && queue.size(id) === 0) {
      if (Date.now() - meta.lastActive > SESSION_IDLE_MS) await store.deleteSession(id).catch(() => undefined);
      return;
    }
    this.owner.tokens.set(id, meta.token);
    for (const r of waiting) queue.push(id, r.event, 2);
    const done = new Promise<void>((resolve) => this.held.set(id, resolve));
    this.onAdopted();
    await done;
  }

  /** Lets go of adopted sessions whose events are all delivered. */
  async settle(): Promise<void> {
    for (const id of [...this.held.keys()]) if (this.owner.queue.size(id) === 0) this.release(id);
  }

  /** Drops the claim on a session (delivered, or refused by the server). */
  release(id: string): void {
    if (id !== this.owner.session?.sessionId) this.owner.tokens.delete(id);
    this.held.get(id)?.();
    this.held.delete(id);
  }
}
