// Time spent inside SQLite statement calls (run, get, all), summed for the whole process: the "wait" of a request.
import type { DB } from '../db/connection';

let totalMs = 0;
let installed = false;

/** Milliseconds spent inside SQLite statement calls since the process started (only counts once installed). */
export function sqliteMs(): number {
  return totalMs;
}

/**
 * Wraps better-sqlite3's statement methods `run`, `get` and `all` so that their duration is added to one
 * process-wide sum (two `performance.now()` calls per statement, no allocation). SQLite calls are
 * synchronous, so the sum's growth between a request's handler start and its answer is the time that
 * request spent waiting on the database, its own statements and those of requests it queued behind.
 * Statement iterators (exports, streamed lists) are not timed. Idempotent.
 */
export function instrumentSqlite(db: DB): void {
  if (installed) return;
  installed = true;
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'run' | 'get' | 'all', (...args: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all'] as const) {
    const original = proto[method]!;
    proto[method] = function timed(this: unknown) {
      const t0 = performance.now();
      try {
        // `arguments` rather than a rest parameter: V8 passes it through without making an array.
        // eslint-disable-next-line prefer-rest-params
        return original.apply(this, arguments as unknown as unknown[]);
      } finally {
        totalMs += performance.now() - t0;
      }
    };
  }
}
