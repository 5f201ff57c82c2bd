// `showroom migrate|backup|restore`: schema upgrades, online backups that stay consistent under load, and restores.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { openDatabase } from '../db/connection';
import { migrate, readMigrations, schemaVersion } from '../db/migrate';
import { CliError, databaseFile, mib } from './common';

/** Opens `file` and checks it is a sound Showroom database; returns its schema version. */
function checkDatabaseFile(file: string, what: string): number {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw new CliError(`${what} ${file} cannot be opened: ${(err as Error).message}`);
  }
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.join() !== 'ok') throw new CliError(`${what} ${file} is damaged (PRAGMA integrity_check: ${integrity.slice(0, 3).join('; ')})`);
    const hasSchema = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'schema_migrations'`).get();
    if (!hasSchema) throw new CliError(`${what} ${file} is an SQLite file but not a Showroom database (no schema_migrations table)`);
    return db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${what} ${file} is not a readable SQLite database: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Copies the live database to `target` with SQLite's online backup API. All pages are copied in
 * one step, inside one read transaction: in WAL mode the server keeps writing meanwhile, and the
 * copy is the database exactly as it was when the step began. The copy is switched to a
 * self-contained rollback journal, checked, then renamed into place (never a half-written file).
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number; bytes: number; schemaVersion: number }> {
  const tmp = `${target}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(tmp, { progress: () => 0x7fffffff });
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const version = checkDatabaseFile(tmp, 'The new backup');
    fs.renameSync(tmp, target);
    return { pages: progress.totalPages, bytes: fs.statSync(target).size, schemaVersion: version };
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    db.close();
  }
}

/**
 * Replaces the database with a backup. Refuses while another process (the server) has the database
 * open; keeps the replaced file beside it; migrates the restored copy to this version's schema.
 */
export function restoreDatabase(backup: string, live: string, now = new Date()): { keptAs: string | null; schemaVersion: number; migrated: number[] } {
  const newest = readMigrations().at(-1)?.version ?? 0;
  const version = checkDatabaseFile(backup, 'The backup');
  if (version > newest) throw new CliError(`The backup has schema version ${version}, newer than this Showroom knows (${newest}); restore it with a newer release`);
  fs.mkdirSync(path.dirname(live), { recursive: true });
  let keptAs: string | null = null;
  if (fs.existsSync(live)) {
    const db = new Database(live);
    try {
      db.pragma('busy_timeout = 200');
      // Leaving WAL mode needs every other connection closed: the test that the server is stopped.
      db.pragma('journal_mode = DELETE');
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') {
        throw new CliError(`The database ${live} is in use (is the server running?). Stop the server, then restore.`);
      }
      throw err;
    } finally {
      db.close();
    }
    keptAs = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(live, keptAs);
  }
  const tmp = `${live}.restoring-${process.pid}`;
  fs.copyFileSync(backup, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true });
  fs.renameSync(tmp, live);
  const db = openDatabase(live);
  try {
    const migrated = migrate(db);
    return { keptAs, schemaVersion: schemaVersion(db), migrated };
  } finally {
    db.close();
  }
}

export function addDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (the server also does this at start)')
    .action(() => {
      const file = databaseFile();
      const db = openDatabase(file);
      try {
        const applied = migrate(db);
        console.log(`${file}: schema version ${schemaVersion(db)} (${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'})`);
      } finally {
        db.close();
      }
    });

  program
    .command('backup')
    .description('copy the database to <file> while the server keeps running (SQLite online backup, one consistent snapshot)')
    .argument('<file>', 'where to write the backup (a single SQLite file)')
    .option('--force', 'overwrite <file> if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      const source = databaseFile({ mustExist: true });
      const target = path.resolve(file);
      if (!fs.existsSync(path.dirname(target))) throw new CliError(`The folder ${path.dirname(target)} does not exist`);
      if (fs.existsSync(target) && !opts.force) throw new CliError(`${target} already exists; choose another file or add --force to overwrite it`);
      if (target === path.resolve(source)) throw new CliError('The backup cannot be the live database itself');
      const started = performance.now();
      const r = await backupDatabase(source, target);
      console.log(
        `Backed up ${source} to ${target}: ${r.pages} pages, ${mib(r.bytes)}, schema version ${r.schemaVersion}, integrity ok, ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    });

  program
    .command('restore')
    .description('replace the database with a backup (stop the server first; the replaced database is kept beside it)')
    .argument('<file>', 'a backup made by `showroom backup`')
    .action((file: string) => {
      const backup = path.resolve(file);
      if (!fs.existsSync(backup)) throw new CliError(`There is no file ${backup}`);
      const live = databaseFile();
      const r = restoreDatabase(backup, live);
      console.log(
        `Restored ${backup} into ${live} (schema version ${r.schemaVersion}${r.migrated.length ? `, migrated ${r.migrated.join(', ')}` : ''}).` +
          (r.keptAs ? ` The previous database is kept as ${r.keptAs}.` : ''),
      );
    });
}
