// Applies the numbered SQL files in server/db/migrations in order, each in its own transaction.
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './connection';
import { backfillAnalytics007 } from './migrations/007_analytics';

const migrationsDir = path.join(import.meta.dirname, 'migrations');

/**
 * Steps in TypeScript that run after a migration's SQL, in its transaction (keyed by version and name).
 * Each is part of its migration, frozen beside its SQL file, and must not import live code.
 */
const afterMigration: Record<string, (db: DB) => unknown> = {
  '7_analytics': backfillAnalytics007,
};

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads the migration files (`NNN_name.sql`), sorted by version; fails on duplicate versions. */
export function readMigrations(dir = migrationsDir): Migration[] {
  const list = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = /^(\d+)_([\w-]+)\.sql$/.exec(f);
      if (!m) throw new Error(`Migration file name must look like 001_name.sql: ${f}`);
      return { version: Number(m[1]), name: m[2]!, sql: fs.readFileSync(path.join(dir, f), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (i > 0 && m.version === list[i - 1]!.version) throw new Error(`Two migrations share the number ${m.version}`);
  });
  return list;
}

/** The schema version recorded in the database (0 for an empty database). */
export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the newest schema: applies every migration not yet recorded in
 * `schema_migrations`, in order (so one numbered below the current version, merged later, still runs).
 * Each migration runs in one transaction together with its record and the version bump, so a failure
 * leaves the previous state intact. Returns the versions applied.
 */
export function migrate(db: DB, migrations = readMigrations()): number[] {
  const applied: number[] = [];
  const current = schemaVersion(db);
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(`The database is at schema version ${current}, newer than this server knows (${newest}). Upgrade the server.`);
  }
  const recorded = new Set(current === 0 ? [] : (db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]));
  for (const m of migrations) {
    if (recorded.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      afterMigration[`${m.version}_${m.name}`]?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      db.pragma(`user_version = ${Math.max(schemaVersion(db), m.version)}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
