// Scheduled online backups of the live database into a folder: each copy checked, the newest few kept, the last result reported.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { backupDatabase } from '../db/backup';
import { countBackup, registerBackupGauges, type LastBackup } from '../metrics/backups';

/** The outcome of one backup, as /healthz shows it. */
export interface BackupResult extends LastBackup {
  /** When it finished, ISO 8601. */
  at: string;
  /** The backup file (absolute path); the file it would have been when it failed. */
  file: string;
  /** Why it failed. */
  error?: string;
}

export interface BackupScheduleOptions {
  /** The live database file. */
  dbFile: string;
  /** Folder the backups go into (created if needed). */
  dir: string;
  /** Time between backups, ms. */
  everyMs: number;
  /** How many backups to keep; older ones are deleted after each good backup. */
  keep: number;
  log: Logger;
  now?: () => number;
}

export interface BackupSchedule {
  /** The last backup's outcome, null before the first. */
  last(): BackupResult | null;
  /** Runs a backup now (waits for one in progress first). */
  runNow(): Promise<BackupResult>;
  /** Stops scheduling and waits for a backup in progress. */
  stop(): Promise<void>;
}

const NAME = /^showroom-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/;

/** The file name of a backup made at `ms`: sortable, e.g. showroom-2026-12-04T06-00-00-000Z.sqlite. */
export function backupFileName(ms: number): string {
  return `showroom-${new Date(ms).toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/** The scheduled backups in `dir`, oldest first, with the time each was made (ms). */
export function listBackups(dir: string): { file: string; at: number }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((f) => {
      const [d, t] = NAME.exec(f)![1]!.split('T') as [string, string];
      return { file: path.join(dir, f), at: Date.parse(`${d}T${t.replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')}`) };
    });
}

/**
 * Starts backing up `dbFile` every `everyMs`. The first backup is due one period after the newest one already in
 * `dir` (at once if there is none or it is older), so restarts do not postpone backups. Each backup is an online
 * copy checked with PRAGMA integrity_check (server/db/backup.ts); after a good one, all but the newest `keep`
 * scheduled backups are deleted. Results are logged and reported to the metrics.
 */
export function startBackupSchedule(opts: BackupScheduleOptions): BackupSchedule {
  const now = opts.now ?? Date.now;
  fs.mkdirSync(opts.dir, { recursive: true });
  let last: BackupResult | null = null;
  let lastOk: BackupResult | null = null;
  let running: Promise<BackupResult> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const removeGauges = registerBackupGauges(
    () => last,
    () => lastOk,
  );

  const rotate = () => {
    const all = listBackups(opts.dir);
    for (const old of all.slice(0, Math.max(0, all.length - opts.keep))) {
      fs.rmSync(old.file, { force: true });
      opts.log.info({ file: old.file }, 'old backup deleted');
    }
  };

  const backup = async (): Promise<BackupResult> => {
    const startedAt = now();
    const file = path.join(opts.dir, backupFileName(startedAt));
    const t0 = performance.now();
    let result: BackupResult;
    try {
      const r = await backupDatabase(opts.dbFile, file);
      const finishedAt = now();
      result = { at: new Date(finishedAt).toISOString(), finishedAt, file, ok: true, bytes: r.bytes, durationMs: Math.round(performance.now() - t0) };
      lastOk = result;
      opts.log.info({ file, bytes: r.bytes, durationMs: result.durationMs, schemaVersion: r.schemaVersion }, 'backup written and checked (integrity ok)');
      rotate();
    } catch (err) {
      const finishedAt = now();
      result = { at: new Date(finishedAt).toISOString(), finishedAt, file, ok: false, bytes: 0, durationMs: Math.round(performance.now() - t0), error: (err as Error).message };
      opts.log.error({ err, file }, 'backup failed');
    }
    countBackup(result.ok);
    last = result;
    return result;
  };

  const runNow = async (): Promise<BackupResult> => {
    while (running) await running;
    running = backup();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void runNow().then(() => schedule(opts.everyMs));
    }, Math.max(0, delayMs));
    timer.unref();
  };

  const newest = listBackups(opts.dir).at(-1);
  schedule(newest ? newest.at + opts.everyMs - now() : 0);
  opts.log.info({ dir: opts.dir, everyMs: opts.everyMs, keep: opts.keep }, 'scheduled backups on');

  return {
    last: () => last,
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running.catch(() => undefined);
      removeGauges();
    },
  };
}
