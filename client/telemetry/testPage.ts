// Test support: runs the recorder in Node as browser pages would (fake-indexeddb, tab storage, Web Locks, page events) against a real local server.
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import type { IngestBatchInput } from '../../server/contracts/events';

/** sessionStorage / localStorage over a Map. */
class MemoryStorage {
  private readonly map = new Map<string, string>();
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, String(v));
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

/** Exclusive Web Locks whose holders are pages: closing a page lets go of what it held, as a browser does. */
class PageLocks {
  private readonly held = new Map<string, number>();
  private readonly waiting = new Map<string, { page: number; grant: () => void }[]>();
  current = 0;

  request(name: string, cb: () => Promise<void>): Promise<void> {
    const page = this.current;
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        this.held.set(name, page);
        Promise.resolve()
          .then(cb)
          .then(resolve, reject)
          .finally(() => {
            if (this.held.get(name) === page) this.release(name);
          });
      };
      if (this.held.has(name)) this.waiting.set(name, [...(this.waiting.get(name) ?? []), { page, grant }]);
      else grant();
    });
  }

  private release(name: string): void {
    this.held.delete(name);
    const next = this.waiting.get(name)?.shift();
    next?.grant();
  }

  /** The page is gone: its locks are free, its requests withdrawn. */
  close(page: number): void {
    for (const [name, list] of this.waiting) this.waiting.set(name, list.filter((w) => w.page !== page));
    for (const [name, owner] of [...this.held]) if (owner === page) this.release(name);
  }
}

/** What the server answers an ingest request with instead of passing it on: a status and message, or 'lost' (sent, answer lost). */
export type Intercept = (batch: IngestBatchInput) => { status: number; message: string } | 'lost' | null;

type Recorder = typeof import('./recorder');
type State = typeof import('./state');

export interface Page {
  id: number;
  recorder: Recorder;
  state: State['telemetry'];
  /** Fires a page event (`pagehide`, `online`) as the browser would. */
  dispatch(type: string): void;
  /** The page is killed: no timers, no IndexedDB connection, its locks released. Nothing is flushed. */
  kill(): void;
}

const locks = new PageLocks();
let pageCount = 0;

/**
 * Installs the browser globals once: `fetch` for same-origin paths goes to `base`, through `intercept` for ingest
 * batches; `sendBeacon` posts with fetch.
 */
export function installBrowser(base: () => string, intercept: { current: Intercept | null }): void {
  const realFetch = globalThis.fetch;
  const fetchLike = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' && input.startsWith('/') ? base() + input : input;
    if (String(url).includes('/trpc/session.ingest') && intercept.current && typeof init?.body === 'string') {
      const answer = intercept.current(JSON.parse(init.body) as IngestBatchInput);
      if (answer === 'lost') {
        await realFetch(url, init);
        throw new TypeError('network error: the answer was lost');
      }
      if (answer) return new Response(JSON.stringify({ error: { message: answer.message } }), { status: answer.status, headers: { 'content-type': 'application/json' } });
    }
    return realFetch(url, init);
  };
  vi.stubGlobal('fetch', fetchLike);
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('innerWidth', 1280);
  vi.stubGlobal('innerHeight', 720);
  vi.stubGlobal('navigator', {
    language: 'en-GB',
    maxTouchPoints: 0,
    userAgent: 'node-test',
    locks,
    sendBeacon: (url: string, body: string) => {
      void fetchLike(url, { method: 'POST', body, headers: { 'content-type': 'text/plain' } }).catch(() => undefined);
      return true;
    },
  });
}

/**
 * Loads the telemetry modules afresh, as a new page would. `tab` keeps sessionStorage: pass the previous page's to
 * simulate a reload of the same tab, or a new one for a new tab.
 */
export async function openPage(tab: { sessionStorage: MemoryStorage }): Promise<Page> {
  const id = ++pageCount;
  locks.current = id;
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  vi.stubGlobal('sessionStorage', tab.sessionStorage);
  vi.resetModules();
  const recorder = await import('./recorder');
  const { telemetry } = await import('./state');
  const pageWindow = new EventTarget();
  // Page listeners registered from now on belong to this page (the last page opened).
  vi.stubGlobal('addEventListener', pageWindow.addEventListener.bind(pageWindow));
  let alive = true;
  return {
    id,
    recorder,
    state: telemetry,
    dispatch(type) {
      if (alive) pageWindow.dispatchEvent(new Event(type));
    },
    kill() {
      alive = false;
      telemetry.delivery?.stop();
      telemetry.orphans?.stop();
      telemetry.store?.close();
      telemetry.store = null;
      locks.close(id);
    },
  };
}

/** A new browser tab's storage. */
export function newTab(): { sessionStorage: MemoryStorage } {
  return { sessionStorage: new MemoryStorage() };
}
