// Checkpoints the WAL from a worker thread with its own connection, so the fsync of a checkpoint never stalls request handling.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DB } from './connection';

/** WAL pages after which the serving connection checkpoints by itself (only if the worker falls behind). */
const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// Plain CommonJS so the worker needs no TypeScript loader.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let pages = 0;
let runs = 0;
const timer = setInterval(() => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    runs++;
    pages += r.checkpointed;
  } catch (err) {
    parentPort.postMessage({ error: String(err) });
  }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stats') parentPort.postMessage({ runs, pages });
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.postMessage({ stopped: true, runs, pages });
  }
});
`;

export interface Checkpointer {
  /** Checkpoints run so far and WAL pages copied into the database file. */
  stats(): Promise<{ runs: number; pages: number }>;
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `file` every `intervalMs` (PASSIVE: never waits for readers or writers) and
 * raises the serving connection's own automatic checkpoint to a fallback threshold. `onError` gets each failure.
 */
export function startCheckpointer(db: DB, file: string, intervalMs: number, onError: (message: string) => void): Checkpointer {
  db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  db.pragma('journal_size_limit = 67108864');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { file, intervalMs, driver } });
  worker.unref();
  worker.on('error', (err) => onError(`WAL checkpointer failed: ${String(err)}`));
  const reply = <T>(message: string, accept: (m: Record<string, unknown>) => boolean) =>
    new Promise<T>((resolve) => {
      const on = (m: Record<string, unknown>) => {
        if (m.error) return onError(`WAL checkpoint failed: ${String(m.error)}`);
        if (!accept(m)) return;
        worker.off('message', on);
        resolve(m as T);
      };
      worker.on('message', on);
      worker.postMessage(message);
    });
  worker.on('message', (m: Record<string, unknown>) => {
    if (m.error) onError(`WAL checkpoint failed: ${String(m.error)}`);
  });
  return {
    stats: () => reply('stats', (m) => typeof m.runs === 'number' && !m.stopped),
    async stop() {
      await reply('stop', (m) => m.stopped === true);
      await worker.terminate();
      db.pragma('wal_autocheckpoint = 1000');
    },
  };
}
