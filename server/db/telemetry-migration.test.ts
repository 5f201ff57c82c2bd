// Migration 003 on a database that already holds events: nothing lost, durations and rollups filled in, erase cascades.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type DB } from './connection';
import { migrate, readMigrations } from './migrate';

let dir: string;
let db: DB;
afterEach(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('upgrades stored events in place and builds the rollups from them', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'showroom-m3-'));
  db = openDatabase(path.join(dir, 'db.sqlite'));
  migrate(db, readMigrations().filter((m) => m.version <= 2));
  db.prepare("INSERT INTO visitors (id, created_at) VALUES ('v1', 1)").run();
  db.prepare("INSERT INTO sessions (id, visitor_id, token_hash, started_at, last_seen_at, mode) VALUES ('s1', 'v1', x'00', 1, 1, 'desktop')").run();
  const add = db.prepare('INSERT INTO events (id, session_id, seq, type, client_ts, server_ts, input, product_id, props) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)');
  add.run('e0', 's1', 0, 'session_start', 1000, 'system', null, '{"mode":"desktop"}');
  add.run('e1', 's1', 1, 'product_select', 2000, 'mouse', 'oslo-chair', '{}');
  add.run('e2', 's1', 2, 'inspect_end', 3000, 'mouse', 'oslo-chair', '{"durationMs":4500}');
  add.run('e3', 's1', 3, 'dwell_end', 4000, 'gaze', 'fjord-sofa', '{"durationMs":700}');

  expect(migrate(db)).toContain(3);
  const rows = db.prepare('SELECT rowid, id, seq, duration_ms FROM events ORDER BY rowid').all();
  expect(rows).toEqual([
    { rowid: 1, id: 'e0', seq: 0, duration_ms: null },
    { rowid: 2, id: 'e1', seq: 1, duration_ms: null },
    { rowid: 3, id: 'e2', seq: 2, duration_ms: 4500 },
    { rowid: 4, id: 'e3', seq: 3, duration_ms: 700 },
  ]);
  expect(db.prepare('SELECT product_id, event_count, select_count, dwell_ms, last_ts FROM session_products ORDER BY product_id').all()).toEqual([
    { product_id: 'fjord-sofa', event_count: 1, select_count: 0, dwell_ms: 700, last_ts: 4000 },
    { product_id: 'oslo-chair', event_count: 2, select_count: 1, dwell_ms: 0, last_ts: 3000 },
  ]);
  expect(db.prepare("SELECT session_count, dwell_ms FROM product_stats WHERE product_id = 'fjord-sofa'").get()).toEqual({ session_count: 1, dwell_ms: 700 });
  expect(db.prepare("SELECT product_count FROM sessions WHERE id = 's1'").pluck().get()).toBe(2);
  expect(db.pragma('foreign_key_check')).toEqual([]);

  db.prepare("DELETE FROM sessions WHERE id = 's1'").run();
  expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  expect(db.prepare('SELECT sum(session_count) FROM product_stats').pluck().get()).toBe(0);
});
