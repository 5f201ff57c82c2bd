// Migration 007's backfill, frozen: builds the analytics rollups from the events and pose chunks stored before it.
//
// Frozen on purpose: this file imports no live code (no contracts, no analytics helpers, no rollup module), so
// later changes to how ingest keeps the rollups can never change what migration 007 does to an old database.
// Everything it needs is copied here as it was when the migration was written. Do not edit it; a change to the
// rollups for existing data belongs in a new migration.
import type { Statement } from 'better-sqlite3';
import type { DB } from '../connection';

const DAY_MS = 86_400_000;
/** Funnel step bits as migration 007 defined them (visited, looked, inspected, variant, cart, contact). */
const STEP = { visited: 1, looked: 2, inspected: 4, variant: 8, cart: 16, contact: 32 };
const STEP_OF: Record<string, number> = {
  dwell_end: STEP.looked, product_select: STEP.looked,
  inspect_start: STEP.inspected, grab_start: STEP.inspected,
  variant_change: STEP.variant, cart_add: STEP.cart, contact_request: STEP.contact,
};
/** Modes from least to most immersive; a session counts under the most immersive one it used. */
const MODES = ['desktop', 'vr', 'ar'];
const rank = (m: string) => Math.max(0, MODES.indexOf(m));

// Pose chunk layout (format 1): 12-byte header (origin x, y, z as float32), then per sample 2 bytes of time,
// 1 byte of mask (bit 0: head) and 10 bytes per pose present (int16 mm x, y, z and a packed quaternion).
const POSE_HEADER_BYTES = 12;
const POSE_BYTES = 10;
const MASK_HEAD = 1;

// Floor cells: 0.5 m squares, key (ix + 256) * 512 + (iz + 256), BLOB of uint32 (key, count) pairs by key.
const FLOOR_CELL_M = 0.5;
const SPAN = 512;
const HALF = SPAN / 2;
const CELL_PAIR_BYTES = 8;

// Dwell histogram: bucket 0 holds 0 ms, bucket k >= 1 holds 2^((k-1)/16) <= d < 2^(k/16) ms; BLOB of
// (uint16 bucket, uint32 count) pairs by bucket.
const STEPS_PER_OCTAVE = 16;
const BUCKETS = 1 + STEPS_PER_OCTAVE * 27;
const HIST_PAIR_BYTES = 6;

const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

function monthOf(day: number): number {
  const d = new Date(day * DAY_MS);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

function cellKey(x: number, z: number): number {
  const ix = Math.floor(x / FLOOR_CELL_M) + HALF;
  const iz = Math.floor(z / FLOOR_CELL_M) + HALF;
  if (!(ix >= 0 && ix < SPAN && iz >= 0 && iz < SPAN)) return -1;
  return ix * SPAN + iz;
}

function encodeCells(cells: Map<number, number>): Buffer {
  const keys = [...cells.keys()].sort((a, b) => a - b);
  const out = Buffer.allocUnsafe(keys.length * CELL_PAIR_BYTES);
  keys.forEach((k, i) => {
    out.writeUInt32LE(k, i * CELL_PAIR_BYTES);
    out.writeUInt32LE(cells.get(k)!, i * CELL_PAIR_BYTES + 4);
  });
  return out;
}

function mergeCells(stored: Uint8Array | null, add: Map<number, number>): Buffer {
  const all = new Map(add);
  if (stored) {
    const v = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    for (let o = 0; o + CELL_PAIR_BYTES <= v.length; o += CELL_PAIR_BYTES) {
      const k = v.readUInt32LE(o);
      all.set(k, (all.get(k) ?? 0) + v.readUInt32LE(o + 4));
    }
  }
  return encodeCells(all);
}

const bucketLow = (k: number) => (k === 0 ? 0 : 2 ** ((k - 1) / STEPS_PER_OCTAVE));
const bucketHigh = (k: number) => (k === 0 ? 1 : 2 ** (k / STEPS_PER_OCTAVE));

function bucketOf(ms: number): number {
  if (!(ms >= 1)) return 0;
  let k = Math.floor(Math.log2(ms) * STEPS_PER_OCTAVE) + 1;
  while (k > 1 && bucketLow(k) > ms) k--;
  while (bucketHigh(k) <= ms) k++;
  return Math.min(k, BUCKETS - 1);
}

type Histogram = Map<number, number>;

function addDuration(h: Histogram, ms: number): void {
  const k = bucketOf(ms);
  h.set(k, (h.get(k) ?? 0) + 1);
}

function encodeHistogram(h: Histogram): Buffer | null {
  if (h.size === 0) return null;
  const keys = [...h.keys()].sort((a, b) => a - b);
  const out = Buffer.allocUnsafe(keys.length * HIST_PAIR_BYTES);
  keys.forEach((k, i) => {
    out.writeUInt16LE(k, i * HIST_PAIR_BYTES);
    out.writeUInt32LE(h.get(k)!, i * HIST_PAIR_BYTES + 2);
  });
  return out;
}

function mergeHistograms(a: Uint8Array | null, b: Uint8Array | null): Buffer | null {
  if (!a || a.length === 0) return b ? Buffer.from(b) : null;
  if (!b || b.length === 0) return Buffer.from(a);
  const va = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const vb = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const out = Buffer.allocUnsafe(a.length + b.length);
  let i = 0, j = 0, o = 0;
  while (i < va.length || j < vb.length) {
    const ka = i < va.length ? va.readUInt16LE(i) : Infinity;
    const kb = j < vb.length ? vb.readUInt16LE(j) : Infinity;
    const k = Math.min(ka, kb);
    let c = 0;
    if (ka === k) { c += va.readUInt32LE(i + 2); i += HIST_PAIR_BYTES; }
    if (kb === k) { c += vb.readUInt32LE(j + 2); j += HIST_PAIR_BYTES; }
    out.writeUInt16LE(k, o);
    out.writeUInt32LE(c, o + 2);
    o += HIST_PAIR_BYTES;
  }
  return out.subarray(0, o);
}

function forEachHeadPosition(data: Uint8Array, fn: (x: number, z: number) => void): void {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const ox = v.getFloat32(0, true), oz = v.getFloat32(8, true);
  let o = POSE_HEADER_BYTES;
  while (o + 3 <= data.length) {
    const mask = data[o + 2]!;
    o += 3;
    if (mask & MASK_HEAD && o + POSE_BYTES <= data.length) fn(ox + v.getInt16(o, true) / 1000, oz + v.getInt16(o + 4, true) / 1000);
    o += ((mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1)) * POSE_BYTES;
  }
}

interface StoredEvent { seq: number; type: string; ts: number; productId: string | null; durationMs: number | null; mode?: string | null | undefined }
interface StoredPose { seq: number; startTs: number; mode: string; data: Uint8Array }
interface ProductPeriod {
  day: number; productId: string; mode: string;
  viewers: number; converted: number; selects: number; dwells: number; dwellMs: number; dwellSq: number;
  hist: Histogram; cartAdds: number;
}
type PeriodRow = ProductPeriod & { period: number };

function periodStatements<P extends 'day' | 'month'>(period: P, products: string, floor: string) {
  return {
    [`${period}Hist`]: `SELECT dwell_hist FROM ${products} WHERE ${period} = ? AND product_id = ? AND mode = ?`,
    [`${period}Product`]: `INSERT INTO ${products} (${period}, product_id, mode, viewers, converted, selects, dwells, dwell_ms, dwell_sq, dwell_hist, cart_adds)
            VALUES (@period, @productId, @mode, @viewers, @converted, @selects, @dwells, @dwellMs, @dwellSq, @hist, @cartAdds)
            ON CONFLICT (${period}, product_id, mode) DO UPDATE SET
              viewers = viewers + excluded.viewers, converted = converted + excluded.converted,
              selects = selects + excluded.selects, dwells = dwells + excluded.dwells, dwell_ms = dwell_ms + excluded.dwell_ms,
              dwell_sq = dwell_sq + excluded.dwell_sq, dwell_hist = COALESCE(excluded.dwell_hist, dwell_hist), cart_adds = cart_adds + excluded.cart_adds`,
    [`${period}Floor`]: `SELECT cells FROM ${floor} WHERE ${period} = ? AND mode = ?`,
    [`${period}FloorUpsert`]: `INSERT INTO ${floor} (${period}, mode, cells) VALUES (?, ?, ?) ON CONFLICT (${period}, mode) DO UPDATE SET cells = excluded.cells`,
  } as Record<`${P}Hist` | `${P}Product` | `${P}Floor` | `${P}FloorUpsert`, string>;
}

const SQL = {
  session: 'SELECT day, mode, cur_mode AS curMode, steps FROM analytics_sessions WHERE session_id = ?',
  sessionStart: 'SELECT started_at AS startedAt, mode FROM sessions WHERE id = ?',
  insertSession: 'INSERT INTO analytics_sessions (session_id, day, mode, cur_mode, steps) VALUES (?, ?, ?, ?, ?)',
  updateSession: 'UPDATE analytics_sessions SET mode = ?, cur_mode = ?, steps = ? WHERE session_id = ?',
  insertLook: 'INSERT OR IGNORE INTO analytics_looks (session_id, product_id, day, mode) VALUES (?, ?, ?, ?)',
  otherLooks: 'SELECT product_id FROM analytics_looks WHERE session_id = ? AND product_id <> ?',
  convert: 'UPDATE analytics_looks SET converted = 1 WHERE session_id = ? AND converted = 0 RETURNING day, product_id AS productId, mode',
  pair: `INSERT INTO analytics_pairs (product_a, product_b, sessions) VALUES (?, ?, 1)
         ON CONFLICT (product_a, product_b) DO UPDATE SET sessions = sessions + 1`,
  ...periodStatements('day', 'analytics_product_days', 'analytics_floor_days'),
  ...periodStatements('month', 'analytics_product_months', 'analytics_floor_months'),
} as const;
type Statements = Record<keyof typeof SQL, Statement>;

const emptyProduct = (day: number, productId: string, mode: string): ProductPeriod => ({
  day, productId, mode, viewers: 0, converted: 0, selects: 0, dwells: 0, dwellMs: 0, dwellSq: 0, hist: new Map(), cartAdds: 0,
});

/** Adds one session's events (in sequence order) and pose chunks to the rollups. */
function rollUpSession(st: Statements, sessionId: string, events: readonly StoredEvent[], poses: readonly StoredPose[]): void {
  rollUpFloor(st, poses);
  if (events.length === 0) return;
  let sess = st.session.get(sessionId) as { day: number; mode: string; curMode: string; steps: number } | undefined;
  const isNew = !sess;
  if (!sess) {
    const start = st.sessionStart.get(sessionId) as { startedAt: number; mode: string };
    sess = { day: dayOf(start.startedAt), mode: start.mode, curMode: start.mode, steps: STEP.visited };
  }
  const before = { ...sess };
  const products = new Map<string, ProductPeriod>();
  const acc = (ts: number, productId: string): ProductPeriod => {
    const day = dayOf(ts);
    const key = `${day}|${productId}|${sess.curMode}`;
    let p = products.get(key);
    if (!p) products.set(key, (p = emptyProduct(day, productId, sess.curMode)));
    return p;
  };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (e.type === 'mode_change' && e.mode) {
      sess.curMode = e.mode;
      if (rank(e.mode) > rank(sess.mode)) sess.mode = e.mode;
    }
    sess.steps |= STEP_OF[e.type] ?? 0;
    if (!e.productId) continue;
    if (e.type === 'product_select' || e.type === 'dwell_end') {
      const p = acc(e.ts, e.productId);
      if (e.type === 'product_select') p.selects++;
      else {
        const d = e.durationMs ?? 0;
        p.dwells++;
        p.dwellMs += d;
        p.dwellSq += d * d;
        addDuration(p.hist, d);
      }
      if (st.insertLook.run(sessionId, e.productId, p.day, p.mode).changes > 0) {
        p.viewers++;
        st.pair.run(e.productId, e.productId);
        for (const other of st.otherLooks.pluck().all(sessionId, e.productId) as string[]) {
          st.pair.run(e.productId, other);
          st.pair.run(other, e.productId);
        }
      }
    } else if (e.type === 'cart_add') {
      acc(e.ts, e.productId).cartAdds++;
    }
  }
  if (isNew) st.insertSession.run(sessionId, sess.day, sess.mode, sess.curMode, sess.steps);
  else if (sess.mode !== before.mode || sess.curMode !== before.curMode || sess.steps !== before.steps) {
    st.updateSession.run(sess.mode, sess.curMode, sess.steps, sessionId);
  }
  if (sess.steps & STEP.contact) {
    for (const r of st.convert.all(sessionId) as { day: number; productId: string; mode: string }[]) {
      const key = `${r.day}|${r.productId}|${r.mode}`;
      let p = products.get(key);
      if (!p) products.set(key, (p = emptyProduct(r.day, r.productId, r.mode)));
      p.converted++;
    }
  }
  writeProducts(st, 'day', [...products.values()].map((p) => ({ ...p, period: p.day })));
  writeProducts(st, 'month', byMonth(products.values()));
}

function byMonth(days: Iterable<ProductPeriod>): PeriodRow[] {
  const out = new Map<string, PeriodRow>();
  for (const d of days) {
    const month = monthOf(d.day);
    const key = `${month}|${d.productId}|${d.mode}`;
    const m = out.get(key);
    if (!m) {
      out.set(key, { ...d, period: month, hist: new Map(d.hist) });
      continue;
    }
    m.viewers += d.viewers; m.converted += d.converted; m.selects += d.selects; m.dwells += d.dwells;
    m.dwellMs += d.dwellMs; m.dwellSq += d.dwellSq; m.cartAdds += d.cartAdds;
    for (const [k, n] of d.hist) m.hist.set(k, (m.hist.get(k) ?? 0) + n);
  }
  return [...out.values()];
}

function writeProducts(st: Statements, period: 'day' | 'month', rows: PeriodRow[]): void {
  for (const p of rows) {
    const stored = p.hist.size > 0 ? ((st[`${period}Hist`].pluck().get(p.period, p.productId, p.mode) as Buffer | null | undefined) ?? null) : null;
    const { day: _day, ...values } = p;
    st[`${period}Product`].run({ ...values, hist: p.hist.size > 0 ? mergeHistograms(stored, encodeHistogram(p.hist)) : null });
  }
}

function rollUpFloor(st: Statements, poses: readonly StoredPose[]): void {
  const days = new Map<string, { day: number; mode: string; cells: Map<number, number> }>();
  for (const pose of poses) {
    const day = dayOf(pose.startTs);
    const key = `${day}|${pose.mode}`;
    let g = days.get(key);
    if (!g) days.set(key, (g = { day, mode: pose.mode, cells: new Map() }));
    const cells = g.cells;
    forEachHeadPosition(pose.data, (x, z) => {
      const k = cellKey(x, z);
      if (k >= 0) cells.set(k, (cells.get(k) ?? 0) + 1);
    });
  }
  const months = new Map<string, { month: number; mode: string; cells: Map<number, number> }>();
  for (const g of days.values()) {
    if (g.cells.size === 0) continue;
    st.dayFloorUpsert.run(g.day, g.mode, mergeCells((st.dayFloor.pluck().get(g.day, g.mode) as Buffer | undefined) ?? null, g.cells));
    const month = monthOf(g.day);
    const key = `${month}|${g.mode}`;
    const m = months.get(key);
    if (!m) months.set(key, { month, mode: g.mode, cells: new Map(g.cells) });
    else for (const [k, n] of g.cells) m.cells.set(k, (m.cells.get(k) ?? 0) + n);
  }
  for (const m of months.values()) {
    st.monthFloorUpsert.run(m.month, m.mode, mergeCells((st.monthFloor.pluck().get(m.month, m.mode) as Buffer | undefined) ?? null, m.cells));
  }
}

/**
 * Builds the analytics rollups of migration 007 from every stored event and pose chunk, session by
 * session (oldest first) in sequence order, as ingest did when the migration was written. Runs inside
 * the migration's transaction, after its SQL; returns the number of sessions read.
 */
export function backfillAnalytics007(db: DB): number {
  const st = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Statements;
  const sessions = db.prepare('SELECT id FROM sessions ORDER BY started_at, id').pluck().all() as string[];
  const events = db.prepare(
    `SELECT seq, type, client_ts AS ts, product_id AS productId, duration_ms AS durationMs,
            CASE WHEN type = 'mode_change' THEN json_extract(props, '$.mode') END AS mode
     FROM events WHERE session_id = ? ORDER BY seq`,
  );
  const poses = db.prepare('SELECT seq, start_ts AS startTs, mode, data FROM pose_chunks WHERE session_id = ? ORDER BY seq');
  for (const id of sessions) rollUpSession(st, id, events.all(id) as StoredEvent[], poses.all(id) as StoredPose[]);
  return sessions.length;
}
