// Migrations: an empty database reaches the newest schema; running again changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from './connection';
import { migrate, readMigrations, schemaVersion } from './migrate';

let dir: string;
let db: DB;
afterEach(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'showroom-migrate-'));
  db = openDatabase(path.join(dir, 'db.sqlite'));
  return db;
}

describe('migrate', () => {
  it('brings an empty database to the newest version and records it', () => {
    open();
    const newest = readMigrations().at(-1)!.version;
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toEqual(readMigrations().map((m) => m.version));
    expect(schemaVersion(db)).toBe(newest);
    const recorded = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(recorded).toEqual(readMigrations().map((m) => m.version));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['products', 'sessions', 'events', 'staff_users', 'staff_logins']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('is a no-op on a migrated database, also after reopening', () => {
    open();
    migrate(db);
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all();
    expect(migrate(db)).toEqual([]);
    db.close();
    db = openDatabase(path.join(dir, 'db.sqlite'));
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()).toEqual(schema);
  });

  it('rolls back a failing migration whole and keeps the previous version', () => {
    open();
    const good = readMigrations();
    const bad = [...good, { version: good.at(-1)!.version + 1, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, bad)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(good.at(-1)!.version);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
  });

  it('applies a migration numbered below the current version that was added later', () => {
    open();
    const later = { version: 900, name: 'later', sql: 'CREATE TABLE t900 (x INTEGER);' };
    const between = { version: 850, name: 'between', sql: 'CREATE TABLE t850 (x INTEGER);' };
    migrate(db, [...readMigrations(), later]);
    expect(schemaVersion(db)).toBe(900);
    expect(migrate(db, [...readMigrations(), between, later])).toEqual([850]);
    expect(schemaVersion(db)).toBe(900);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't850'").pluck().get()).toBe(1);
  });

  it('refuses a database newer than the code', () => {
    open();
    migrate(db);
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(/newer than this server knows/);
  });
});
