// The IndexedDB event store: queued events, each session's write token, and the dead letters (events the server would not take).
import type { EventInput } from '../../server/contracts/events';
import type { QueueKey } from './queue';

const DB_NAME = 'showroom-telemetry';
/** 1: events and sessions; 2: dead letters. */
const DB_VERSION = 2;
const EVENTS = 'events';
const SESSIONS = 'sessions';
const DEAD = 'deadLetters';
/** Most dead letters kept; beyond it the oldest go (session ids are UUIDv7, so key order is time order). */
export const MAX_DEAD_LETTERS = 1000;

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

/** An event set aside because the server kept refusing it, with why and when (browser ms). */
export interface DeadLetter extends StoredEvent {
  reason: string;
  at: number;
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

/** The telemetry database: events and dead letters keyed by [sessionId, seq], session metadata keyed by sessionId. */
export class EventStore {
  private constructor(private readonly db: IDBDatabase) {}

  /** Opens (creating or upgrading) the database; null where IndexedDB is unavailable (the queue then lives in memory only). */
  static async open(name = DB_NAME): Promise<EventStore | null> {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const req = indexedDB.open(name, DB_VERSION);
      req.onupgradeneeded = (e) => {
        if (e.oldVersion < 1) {
          req.result.createObjectStore(EVENTS, { keyPath: ['sessionId', 'seq'] });
          req.result.createObjectStore(SESSIONS, { keyPath: 'sessionId' });
        }
        if (e.oldVersion < 2) req.result.createObjectStore(DEAD, { keyPath: ['sessionId', 'seq'] });
      };
      const db = await result(req);
      // Another tab upgrading later must not be blocked by this one.
      db.onversionchange = () => db.close();
      return new EventStore(db);
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

  /** One transaction: moves these events from the queue to the dead letters. Resolves once committed. */
  async deadLetter(letters: readonly DeadLetter[]): Promise<void> {
    const tx = this.db.transaction([EVENTS, DEAD], 'readwrite');
    const whenDone = finished(tx);
    const ev = tx.objectStore(EVENTS);
    const dead = tx.objectStore(DEAD);
    for (const l of letters) {
      ev.delete([l.sessionId, l.seq]);
      dead.put(l);
    }
    const count = dead.count();
    count.onsuccess = () => {
      let over = count.result - MAX_DEAD_LETTERS;
      if (over <= 0) return;
      const cursor = dead.openKeyCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c || over-- <= 0) return;
        dead.delete(c.primaryKey);
        c.continue();
      };
    };
    await whenDone;
  }

  /** Every dead letter kept, oldest session first. */
  deadLetters(): Promise<DeadLetter[]> {
    const tx = this.db.transaction(DEAD, 'readonly');
    return result(tx.objectStore(DEAD).getAll() as IDBRequest<DeadLetter[]>);
  }

  /** Closes the connection (tests that reopen the database). */
  close(): void {
    this.db.close();
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
