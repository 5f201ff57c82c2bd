// IndexedDB storage of queued events and of each session's write token, so both survive reloads and offline spells.
import type { EventInput } from '../../server/contracts/events';
import type { QueueKey } from './queue';

const DB_NAME = 'showroom-telemetry';
const EVENTS = 'events';
const SESSIONS = 'sessions';

/** What the browser keeps about a session whose events may still be queued. */
export interface SessionMeta {
  sessionId: string;
  token: string;
  /** Next sequence number to hand out (never reused, also after a reload). */
  nextSeq: number;
  /** Browser ms of the last event recorded. */
  lastActive: number;
}

export interface StoredEvent {
  sessionId: string;
  seq: number;
  event: EventInput;
}

function done(req: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** The telemetry database: events keyed by [sessionId, seq], session metadata keyed by sessionId. */
export class TelemetryStore {
  private constructor(private readonly db: IDBDatabase) {}

  /** Opens (creating) the database; null where IndexedDB is unavailable (the queue then lives in memory only). */
  static async open(): Promise<TelemetryStore | null> {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(EVENTS, { keyPath: ['sessionId', 'seq'] });
        req.result.createObjectStore(SESSIONS, { keyPath: 'sessionId' });
      };
      const db = await result(req);
      // Another tab upgrading later must not be blocked by this one.
      db.onversionchange = () => db.close();
      return new TelemetryStore(db);
    } catch (err) {
      console.warn('Telemetry queue kept in memory only: IndexedDB is unavailable', err);
      return null;
    }
  }

  /** Every session with metadata stored. */
  sessions(): Promise<SessionMeta[]> {
    const tx = this.db.transaction(SESSIONS, 'readonly');
    return result(tx.objectStore(SESSIONS).getAll() as IDBRequest<SessionMeta[]>);
  }

  /** A session's metadata and queued events in sequence order. */
  async load(sessionId: string): Promise<{ meta: SessionMeta | undefined; events: StoredEvent[] }> {
    const tx = this.db.transaction([SESSIONS, EVENTS], 'readonly');
    const range = IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
    const [meta, events] = await Promise.all([
      result(tx.objectStore(SESSIONS).get(sessionId) as IDBRequest<SessionMeta | undefined>),
      result(tx.objectStore(EVENTS).getAll(range) as IDBRequest<StoredEvent[]>),
    ]);
    return { meta, events };
  }

  /** One transaction: store these events and metadata, delete these keys. Resolves once committed. */
  async write(puts: readonly StoredEvent[], deletes: readonly QueueKey[], metas: readonly SessionMeta[]): Promise<void> {
    const tx = this.db.transaction([EVENTS, SESSIONS], 'readwrite', { durability: 'relaxed' });
    const ev = tx.objectStore(EVENTS);
    for (const key of deletes) ev.delete(key);
    for (const p of puts) ev.put(p);
    const ss = tx.objectStore(SESSIONS);
    for (const m of metas) ss.put(m);
    const whenDone = finished(tx);
    // Commit now rather than when the page's task ends: a write started on page hide then lands.
    (tx as IDBTransaction & { commit?: () => void }).commit?.();
    await whenDone;
  }

  /** Forgets a session: its metadata and any events left. */
  async deleteSession(sessionId: string): Promise<void> {
    const tx = this.db.transaction([EVENTS, SESSIONS], 'readwrite');
    const whenDone = finished(tx);
    tx.objectStore(EVENTS).delete(IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]));
    await done(tx.objectStore(SESSIONS).delete(sessionId));
    await whenDone;
  }
}
