// The background checkpointer copies the WAL into the database while the serving connection keeps writing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/server';
import { startCheckpointer } from './checkpointer';
import { openDatabase, type DB } from './connection';

let dir: string;
let db: DB;
afterEach(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('checkpoints from its own thread, so the WAL stays small without the writer checkpointing', async () => {
  dir = tempDir();
  const file = path.join(dir, 'db.sqlite');
  db = openDatabase(file);
  db.exec('CREATE TABLE t (x BLOB)');
  const errors: string[] = [];
  const cp = startCheckpointer(db, file, 20, (m) => errors.push(m));
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  const blob = Buffer.alloc(3000, 7);
  // About 3,000 pages written in small transactions, with pauses for the worker.
  for (let round = 0; round < 30; round++) {
    db.transaction(() => {
      for (let i = 0; i < 100; i++) insert.run(blob);
    })();
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 200));
  const stats = await cp.stats();
  expect(stats.runs).toBeGreaterThan(5);
  expect(stats.pages).toBeGreaterThan(2500);
  await cp.stop();
  expect(errors).toEqual([]);
  expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3000);
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
});
