// Online backups and backup checks, run in a worker thread so that copying and checking a large file never stalls requests.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A backup that could not be made, or a file that is not a sound Showroom database: the message says which and why. */
export class BackupError extends Error {}

interface Facts {
  /** Rows of PRAGMA integrity_check (['ok'] for a sound file). */
  integrity: string[];
  hasSchema: boolean;
  userVersion: number;
  pages: number;
}

// Plain CommonJS so the worker needs no TypeScript loader. `inspect` opens a file and reads the facts the checks
// below judge; `backup` first copies the source with SQLite's online backup API, all pages in one step (one read
// transaction: the copy is the database as it was when the step began, whatever the server writes meanwhile),
// switches the copy to a self-contained rollback journal, then inspects it.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
function inspect(file) {
  let db;
  try { db = new Database(file, { fileMustExist: true }); } catch (err) { return { openError: String(err.message) }; }
  try {
    const integrity = db.pragma('integrity_check').map((r) => r.integrity_check);
    const hasSchema = Boolean(db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'schema_migrations'").get());
    return { facts: { integrity, hasSchema, userVersion: db.pragma('user_version', { simple: true }), pages: db.pragma('page_count', { simple: true }) } };
  } catch (err) {
    return { readError: String(err.message) };
  } finally {
    db.close();
  }
}
async function main() {
  if (workerData.op === 'inspect') return inspect(workerData.file);
  const db = new Database(workerData.source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(workerData.target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new Database(workerData.target);
  try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
  return inspect(workerData.target);
}
main().then((r) => parentPort.postMessage(r), (err) => parentPort.postMessage({ failed: String(err && err.message || err) }));
`;

type WorkerAnswer = { facts?: Facts; openError?: string; readError?: string; failed?: string };

function runWorker(data: { op: 'inspect'; file: string } | { op: 'backup'; source: string; target: string }): Promise<WorkerAnswer> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { ...data, driver } });
    worker.once('message', (m: WorkerAnswer) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Judges a worker's answer about `file`: its schema version and page count, or a BackupError naming the problem. */
function judge(answer: WorkerAnswer, file: string, what: string): Facts {
  if (answer.failed) throw new BackupError(`${what} ${file} could not be written: ${answer.failed}`);
  if (answer.openError) throw new BackupError(`${what} ${file} cannot be opened: ${answer.openError}`);
  if (answer.readError || !answer.facts) throw new BackupError(`${what} ${file} is not a readable SQLite database: ${answer.readError ?? 'no answer'}`);
  const f = answer.facts;
  if (f.integrity.join() !== 'ok') throw new BackupError(`${what} ${file} is damaged (PRAGMA integrity_check: ${f.integrity.slice(0, 3).join('; ')})`);
  if (!f.hasSchema) throw new BackupError(`${what} ${file} is an SQLite file but not a Showroom database (no schema_migrations table)`);
  return f;
}

/**
 * Checks that `file` is a sound Showroom database (PRAGMA integrity_check, the schema table); resolves with its
 * schema version and size in bytes, throws BackupError saying what is wrong. `what` names the file in messages.
 */
export async function verifyDatabaseFile(file: string, what = 'The file'): Promise<{ schemaVersion: number; bytes: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}`);
  const f = judge(await runWorker({ op: 'inspect', file }), file, what);
  return { schemaVersion: f.userVersion, bytes: fs.statSync(file).size };
}

/**
 * Copies the live database `source` to `target` while the server keeps writing (one consistent snapshot), checks
 * the copy with PRAGMA integrity_check and renames it into place, so `target` is never a half-written or unchecked
 * file. Resolves with the pages copied, the file's size in bytes and its schema version.
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number; bytes: number; schemaVersion: number }> {
  const tmp = `${target}.partial-${process.pid}`;
  try {
    const f = judge(await runWorker({ op: 'backup', source, target: tmp }), target, 'The new backup');
    fs.renameSync(tmp, target);
    return { pages: f.pages, bytes: fs.statSync(target).size, schemaVersion: f.userVersion };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
