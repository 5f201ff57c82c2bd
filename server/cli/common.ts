// Shared pieces of the `showroom` command: opening the database, reading stdin, argument checks, user-facing errors.
import fs from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { type DB, openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';

/** A failure the operator can act on: printed as `error: <message>` with exit code 1, no stack. */
export class CliError extends Error {}

/** Reads all of standard input as text (for --password-stdin). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The configured database file; with `mustExist`, a clear error when there is none yet. */
export function databaseFile(opts: { mustExist?: boolean } = {}): string {
  const { dbFile } = loadConfig();
  if (opts.mustExist && !fs.existsSync(dbFile)) {
    throw new CliError(`There is no database at ${dbFile}. Set SHOWROOM_DATA_DIR to the server's data folder.`);
  }
  return dbFile;
}

/** Opens and migrates the database, runs `fn`, closes it (also when `fn` fails). */
export async function withDb<T>(fn: (db: DB) => T | Promise<T>): Promise<T> {
  const db = openDatabase(databaseFile());
  try {
    migrate(db);
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Parses a date option: YYYY-MM-DD (UTC midnight), an ISO 8601 time, or ms since the epoch. */
export function timeArg(value: string): number {
  const v = value.trim();
  if (/^\d{10,16}$/.test(v)) return Number(v);
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('expected a date like 2025-03-31, a time like 2025-03-31T14:00:00Z, or ms since the epoch');
  return ms;
}

/** Formats a byte count as MiB with one decimal. */
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Peak resident memory of this process so far, in bytes. */
export const peakRss = () => process.resourceUsage().maxRSS * 1024;
