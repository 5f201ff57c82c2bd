// Backup metrics: the last scheduled backup's time, result, size and duration, and a count of backups by result.
import { registerFamily, registerGauge } from './registry';
import { CounterFamily } from './series';

/** What the metrics read of the last backup (server/backups/scheduler.ts). */
export interface LastBackup {
  /** When it finished, ms since the epoch. */
  finishedAt: number;
  ok: boolean;
  /** Size of the file, bytes (0 when it failed). */
  bytes: number;
  durationMs: number;
}

const runs = registerFamily(new CounterFamily('showroom_backups_total', 'Scheduled backups run, by result (ok: written and checked; failed)', ['result']));
const ok = runs.child('ok');
const failed = runs.child('failed');

/** Counts one scheduled backup. */
export function countBackup(succeeded: boolean): void {
  (succeeded ? ok : failed).inc();
}

/**
 * Registers the last-backup gauges, read from `last` (and the newest successful one from `lastOk`) at scrape
 * time; returns a function that removes them.
 */
export function registerBackupGauges(last: () => LastBackup | null, lastOk: () => LastBackup | null): () => void {
  const removers = [
    registerGauge({ name: 'showroom_backup_last_run_timestamp_seconds', help: 'When the last scheduled backup finished (Unix time)', read: () => (last() ? last()!.finishedAt / 1000 : undefined) }),
    registerGauge({ name: 'showroom_backup_last_ok', help: 'Whether the last scheduled backup was written and passed PRAGMA integrity_check (1) or failed (0)', read: () => (last() ? Number(last()!.ok) : undefined) }),
    registerGauge({ name: 'showroom_backup_last_duration_seconds', help: 'How long the last scheduled backup took, copy and check', read: () => (last() ? last()!.durationMs / 1000 : undefined) }),
    registerGauge({ name: 'showroom_backup_last_success_timestamp_seconds', help: 'When the last good backup finished (Unix time)', read: () => (lastOk() ? lastOk()!.finishedAt / 1000 : undefined) }),
    registerGauge({ name: 'showroom_backup_last_size_bytes', help: 'Size of the last good backup file', read: () => lastOk()?.bytes }),
  ];
  return () => removers.forEach((r) => r());
}
