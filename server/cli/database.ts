// `showroom migrate|backup|restore`: schema upgrades, online backups that stay consistent under load, and restores.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { backupDatabase, verifyDatabaseFile } from '../db/backup';
import { openDatabase } from '../db/connection';
import { migrate, readMigrations, schemaVersion } from '../db/migrate';
import { CliError, databaseFile, mib } from './common';

/**
 * Replaces the database with a backup. Refuses while another process (the server) has the database
 * open; keeps the replaced file beside it; migrates the restored copy to this version's schema.
 */
export async function restoreDatabase(backup: string, live: string, now = new Date()): Promise<{ keptAs: string | null; schemaVersion: number; migrated: number[] }> {
  const newest = readMigrations().at(-1)?.version ?? 0;
  const { schemaVersion: version } = await verifyDatabaseFile(backup, 'The backup');
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
    .argument('<file>', 'where to write the backup (a single SQLite file); with --verify, the backup to check')
    .option('--force', 'overwrite <file> if it exists')
    .option('--verify', 'only check that <file> is a sound Showroom backup (PRAGMA integrity_check); exit code 1 if not')
    .action(async (file: string, opts: { force?: boolean; verify?: boolean }) => {
      if (opts.verify) {
        const r = await verifyDatabaseFile(path.resolve(file), 'The backup');
        console.log(`${path.resolve(file)} is a sound Showroom backup: schema version ${r.schemaVersion}, ${mib(r.bytes)}, integrity ok`);
        return;
      }
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
    .action(async (file: string) => {
      const backup = path.resolve(file);
      if (!fs.existsSync(backup)) throw new CliError(`There is no file ${backup}`);
      const live = databaseFile();
      const r = await restoreDatabase(backup, live);
      console.log(
        `Restored ${backup} into ${live} (schema version ${r.schemaVersion}${r.migrated.length ? `, migrated ${r.migrated.join(', ')}` : ''}).` +
          (r.keptAs ? ` The previous database is kept as ${r.keptAs}.` : ''),
      );
    });
}
