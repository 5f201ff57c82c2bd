// Migration 007 on a database at 006 that holds sessions, events and pose chunks: the backfilled rollups are pinned.
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

const JAN_31 = Date.UTC(2026, 0, 31, 10);
const FEB_1 = Date.UTC(2026, 1, 1, 10);

/** A pose chunk with head samples at the given floor positions (metres), origin (1, 1.6, 2). */
function poseChunk(points: [number, number][]): Buffer {
  const header = Buffer.alloc(12);
  header.writeFloatLE(1, 0);
  header.writeFloatLE(1.6, 4);
  header.writeFloatLE(2, 8);
  const samples = points.map(([x, z], i) => {
    const s = Buffer.alloc(13);
    s.writeUInt16LE(i * 100, 0);
    s.writeUInt8(1, 2); // head only
    s.writeInt16LE(Math.round((x - 1) * 1000), 3);
    s.writeInt16LE(0, 5);
    s.writeInt16LE(Math.round((z - 2) * 1000), 7);
    s.writeUInt32LE(0, 9);
    return s;
  });
  return Buffer.concat([header, ...samples]);
}

function seed(d: DB): void {
  d.prepare("INSERT INTO visitors (id, created_at) VALUES ('v1', 1), ('v2', 1)").run();
  const session = d.prepare("INSERT INTO sessions (id, visitor_id, token_hash, started_at, last_seen_at, mode) VALUES (?, ?, x'00', ?, ?, ?)");
  session.run('s1', 'v1', JAN_31, JAN_31, 'desktop');
  session.run('s2', 'v2', FEB_1, FEB_1, 'desktop');
  session.run('s3', 'v2', FEB_1 + 3_600_000, FEB_1, 'vr');
  session.run('s4', 'v1', FEB_1, FEB_1, 'desktop'); // no events: no rollup row
  const ev = d.prepare(
    "INSERT INTO events (id, session_id, seq, type, client_ts, server_ts, input, product_id, duration_ms, props) VALUES (?, ?, ?, ?, ?, 1, 'mouse', ?, ?, ?)",
  );
  let n = 0;
  const add = (s: string, seq: number, type: string, ts: number, product: string | null, durationMs: number | null = null, props = '{}') =>
    ev.run(`e${n++}`, s, seq, type, ts, product, durationMs, props);
  add('s1', 0, 'session_start', JAN_31, null, null, '{"mode":"desktop"}');
  add('s1', 1, 'dwell_end', JAN_31 + 1000, 'oslo-chair', 700);
  add('s1', 2, 'product_select', JAN_31 + 2000, 'oslo-chair');
  add('s1', 3, 'inspect_start', JAN_31 + 2500, 'oslo-chair');
  add('s1', 5, 'dwell_end', JAN_31 + 3000, 'fjord-sofa', 1500);
  add('s1', 4, 'mode_change', JAN_31 + 2800, null, null, '{"mode":"vr"}');
  add('s1', 6, 'variant_change', JAN_31 + 4000, 'fjord-sofa');
  add('s1', 7, 'cart_add', JAN_31 + 5000, 'fjord-sofa');
  add('s1', 8, 'contact_request', JAN_31 + 6000, 'fjord-sofa');
  add('s2', 0, 'session_start', FEB_1, null, null, '{"mode":"desktop"}');
  add('s2', 1, 'dwell_end', FEB_1 + 1000, 'oslo-chair', 250);
  add('s2', 2, 'dwell_end', FEB_1 + 2000, 'oslo-chair', 4000);
  add('s2', 3, 'dwell_end', FEB_1 + 3000, 'nord-lamp', 900);
  add('s2', 4, 'cart_add', FEB_1 + 4000, 'nord-lamp');
  add('s3', 0, 'session_start', FEB_1 + 3_600_000, null, null, '{"mode":"vr"}');
  add('s3', 1, 'product_select', FEB_1 + 3_601_000, 'nord-lamp');
  add('s3', 2, 'dwell_end', FEB_1 + 3_602_000, 'fjord-sofa', 0);
  const pose = d.prepare(
    "INSERT INTO pose_chunks (id, session_id, seq, start_ts, duration_ms, server_ts, mode, samples, format, data) VALUES (?, ?, ?, ?, 200, 1, ?, 3, 1, ?)",
  );
  pose.run('p1', 's1', 100, JAN_31 + 500, 'desktop', poseChunk([[1.1, 2.2], [1.2, 2.3], [-0.4, 0.1]]));
  pose.run('p2', 's1', 101, JAN_31 + 3500, 'vr', poseChunk([[1.1, 2.2], [1.1, 2.4], [30, 0]]));
  pose.run('p3', 's3', 50, FEB_1 + 3_600_500, 'vr', poseChunk([[3, -1], [3.1, -1.2], [3.2, -1.4]]));
}

/** Every analytics rollup row, blobs in hex, in a stable order. */
function rollups(d: DB): Record<string, unknown[]> {
  const tables = ['analytics_sessions', 'analytics_funnel_days', 'analytics_looks', 'analytics_product_days', 'analytics_product_months', 'analytics_floor_days', 'analytics_floor_months', 'analytics_pairs'];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (d.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all() as Record<string, unknown>[]).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v])),
      ),
    ]),
  );
}

it('builds the same analytics rollups from stored events and poses as when migration 007 was written', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'showroom-m7-'));
  db = openDatabase(path.join(dir, 'db.sqlite'));
  migrate(db, readMigrations().filter((m) => m.version <= 6));
  seed(db);
  expect(migrate(db)).toContain(7);
  expect(rollups(db)).toMatchInlineSnapshot(`
    {
      "analytics_floor_days": [
        {
          "cells": "00ff0100010000000405020002000000",
          "day": 20484,
          "mode": "desktop",
        },
        {
          "cells": "04050200020000000079020001000000",
          "day": 20484,
          "mode": "vr",
        },
        {
          "cells": "fd0c020002000000fe0c020001000000",
          "day": 20485,
          "mode": "vr",
        },
      ],
      "analytics_floor_months": [
        {
          "cells": "00ff0100010000000405020002000000",
          "mode": "desktop",
          "month": 672,
        },
        {
          "cells": "04050200020000000079020001000000",
          "mode": "vr",
          "month": 672,
        },
        {
          "cells": "fd0c020002000000fe0c020001000000",
          "mode": "vr",
          "month": 673,
        },
      ],
      "analytics_funnel_days": [
        {
          "day": 20484,
          "mode": "vr",
          "sessions": 1,
          "steps": 63,
        },
        {
          "day": 20485,
          "mode": "desktop",
          "sessions": 1,
          "steps": 19,
        },
        {
          "day": 20485,
          "mode": "vr",
          "sessions": 1,
          "steps": 3,
        },
      ],
      "analytics_looks": [
        {
          "converted": 1,
          "day": 20484,
          "mode": "vr",
          "product_id": "fjord-sofa",
          "session_id": "s1",
        },
        {
          "converted": 1,
          "day": 20484,
          "mode": "desktop",
          "product_id": "oslo-chair",
          "session_id": "s1",
        },
        {
          "converted": 0,
          "day": 20485,
          "mode": "desktop",
          "product_id": "nord-lamp",
          "session_id": "s2",
        },
        {
          "converted": 0,
          "day": 20485,
          "mode": "desktop",
          "product_id": "oslo-chair",
          "session_id": "s2",
        },
        {
          "converted": 0,
          "day": 20485,
          "mode": "vr",
          "product_id": "fjord-sofa",
          "session_id": "s3",
        },
        {
          "converted": 0,
          "day": 20485,
          "mode": "vr",
          "product_id": "nord-lamp",
          "session_id": "s3",
        },
      ],
      "analytics_pairs": [
        {
          "product_a": "fjord-sofa",
          "product_b": "fjord-sofa",
          "sessions": 2,
        },
        {
          "product_a": "fjord-sofa",
          "product_b": "nord-lamp",
          "sessions": 1,
        },
        {
          "product_a": "fjord-sofa",
          "product_b": "oslo-chair",
          "sessions": 1,
        },
        {
          "product_a": "nord-lamp",
          "product_b": "fjord-sofa",
          "sessions": 1,
        },
        {
          "product_a": "nord-lamp",
          "product_b": "nord-lamp",
          "sessions": 2,
        },
        {
          "product_a": "nord-lamp",
          "product_b": "oslo-chair",
          "sessions": 1,
        },
        {
          "product_a": "oslo-chair",
          "product_b": "fjord-sofa",
          "sessions": 1,
        },
        {
          "product_a": "oslo-chair",
          "product_b": "nord-lamp",
          "sessions": 1,
        },
        {
          "product_a": "oslo-chair",
          "product_b": "oslo-chair",
          "sessions": 2,
        },
      ],
      "analytics_product_days": [
        {
          "cart_adds": 1,
          "converted": 1,
          "day": 20484,
          "dwell_hist": "a90001000000",
          "dwell_ms": 1500,
          "dwell_sq": 2250000,
          "dwells": 1,
          "mode": "vr",
          "product_id": "fjord-sofa",
          "selects": 0,
          "viewers": 1,
        },
        {
          "cart_adds": 0,
          "converted": 1,
          "day": 20484,
          "dwell_hist": "980001000000",
          "dwell_ms": 700,
          "dwell_sq": 490000,
          "dwells": 1,
          "mode": "desktop",
          "product_id": "oslo-chair",
          "selects": 1,
          "viewers": 1,
        },
        {
          "cart_adds": 0,
          "converted": 0,
          "day": 20485,
          "dwell_hist": "000001000000",
          "dwell_ms": 0,
          "dwell_sq": 0,
          "dwells": 1,
          "mode": "vr",
          "product_id": "fjord-sofa",
          "selects": 0,
          "viewers": 1,
        },
        {
          "cart_adds": 1,
          "converted": 0,
          "day": 20485,
          "dwell_hist": "9e0001000000",
          "dwell_ms": 900,
          "dwell_sq": 810000,
          "dwells": 1,
          "mode": "desktop",
          "product_id": "nord-lamp",
          "selects": 0,
          "viewers": 1,
        },
        {
          "cart_adds": 0,
          "converted": 0,
          "day": 20485,
          "dwell_hist": null,
          "dwell_ms": 0,
          "dwell_sq": 0,
          "dwells": 0,
          "mode": "vr",
          "product_id": "nord-lamp",
          "selects": 1,
          "viewers": 1,
        },
        {
          "cart_adds": 0,
          "converted": 0,
          "day": 20485,
          "dwell_hist": "800001000000c00001000000",
          "dwell_ms": 4250,
          "dwell_sq": 16062500,
          "dwells": 2,
          "mode": "desktop",
          "product_id": "oslo-chair",
          "selects": 0,
          "viewers": 1,
        },
      ],
      "analytics_product_months": [
        {
          "cart_adds": 1,
          "converted": 1,
          "dwell_hist": "a90001000000",
          "dwell_ms": 1500,
          "dwell_sq": 2250000,
          "dwells": 1,
          "mode": "vr",
          "month": 672,
          "product_id": "fjord-sofa",
          "selects": 0,
          "viewers": 1,
        },
        {
          "cart_adds": 0,
          "converted": 1,
          "dwell_hist": "980001000000",
          "dwell_ms": 700,
          "dwell_sq": 490000,
          "dwells": 1,
          "mode": "desktop",
          "month": 672,
          "product_id": "oslo-chair",
          "selects": 1,
          "viewers": 1,
        },
        {
          "cart_adds": 0,
          "converted": 0,
          "dwell_hist": "000001000000",
          "dwell_ms": 0,
          "dwell_sq": 0,
          "dwells": 1,
          "mode": "vr",
          "month": 673,
          "product_id": "fjord-sofa",
          "selects": 0,
          "viewers": 1,
        },
        {
          "cart_adds": 1,
          "converted": 0,
          "dwell_hist": "9e0001000000",
          "dwell_ms": 900,
          "dwell_sq": 810000,
          "dwells": 1,
          "mode": "desktop",
          "month": 673,
          "product_id": "nord-lamp",
          "selects": 0,
          "viewers": 1,
        },
        {
          "cart_adds": 0,
          "converted": 0,
          "dwell_hist": null,
          "dwell_ms": 0,
          "dwell_sq": 0,
          "dwells": 0,
          "mode": "vr",
          "month": 673,
          "product_id": "nord-lamp",
          "selects": 1,
          "viewers": 1,
        },
        {
          "cart_adds": 0,
          "converted": 0,
          "dwell_hist": "800001000000c00001000000",
          "dwell_ms": 4250,
          "dwell_sq": 16062500,
          "dwells": 2,
          "mode": "desktop",
          "month": 673,
          "product_id": "oslo-chair",
          "selects": 0,
          "viewers": 1,
        },
      ],
      "analytics_sessions": [
        {
          "cur_mode": "vr",
          "day": 20484,
          "mode": "vr",
          "session_id": "s1",
          "steps": 63,
        },
        {
          "cur_mode": "desktop",
          "day": 20485,
          "mode": "desktop",
          "session_id": "s2",
          "steps": 19,
        },
        {
          "cur_mode": "vr",
          "day": 20485,
          "mode": "vr",
          "session_id": "s3",
          "steps": 3,
        },
      ],
    }
  `);
});
