// Analytics rollups (migration 007) per day and per month: kept by ingest inside the batch's transaction, and built once for old events.
import type { Statement } from 'better-sqlite3';
import { cellKey, encodeCells, mergeCellBlobs } from '../analytics/cells';
import { monthOf } from '../analytics/periods';
import { addDuration, encodeHistogram, mergeHistograms, type SparseHistogram } from '../analytics/stats';
import { analyticsModes, STEP } from '../contracts/analytics';
import { MASK_HEAD, POSE_BYTES, POSE_HEADER_BYTES } from '../contracts/pose';
import type { DB } from './connection';

const DAY_MS = 86_400_000;

/** The UTC calendar day of `ms` (ms since the epoch), as days since 1970-01-01. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** What the rollups need of a stored event (not a pose). */
export interface RollupEvent {
  seq: number;
  type: string;
  /** Browser time, ms since the epoch. */
  ts: number;
  productId: string | null;
  /** props.durationMs, ms, where the type has one. */
  durationMs: number | null;
  /** props.mode of a mode_change. */
  mode?: string | undefined;
}

/** What the rollups need of a stored pose chunk. */
export interface RollupPose {
  seq: number;
  /** Browser time of the first sample, ms. */
  startTs: number;
  mode: string;
  data: Uint8Array;
}

const STEP_OF: Record<string, number> = {
  dwell_end: STEP.looked, product_select: STEP.looked,
  inspect_start: STEP.inspected, grab_start: STEP.inspected,
  variant_change: STEP.variant, cart_add: STEP.cart, contact_request: STEP.contact,
};

const rank = (m: string) => Math.max(0, (analyticsModes as readonly string[]).indexOf(m));

interface ProductDay {
  day: number; productId: string; mode: string;
  viewers: number; converted: number; selects: number; dwells: number; dwellMs: number; dwellSq: number;
  hist: SparseHistogram; cartAdds: number;
}

/** SQL functions the upserts below merge stored BLOBs with, in SQLite, so the stored value is never read into JS first. */
const MERGE_HIST = 'showroom_merge_hist';
const MERGE_CELLS = 'showroom_merge_cells';

/** Upsert statements of the per-product and floor rollups of one period (day or month). */
function periodStatements<P extends 'day' | 'month'>(period: P, products: string, floor: string) {
  return {
    [`${period}Product`]: `INSERT INTO ${products} (${period}, product_id, mode, viewers, converted, selects, dwells, dwell_ms, dwell_sq, dwell_hist, cart_adds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (${period}, product_id, mode) DO UPDATE SET
              viewers = viewers + excluded.viewers, converted = converted + excluded.converted,
              selects = selects + excluded.selects, dwells = dwells + excluded.dwells, dwell_ms = dwell_ms + excluded.dwell_ms,
              dwell_sq = dwell_sq + excluded.dwell_sq, dwell_hist = ${MERGE_HIST}(dwell_hist, excluded.dwell_hist), cart_adds = cart_adds + excluded.cart_adds`,
    [`${period}FloorUpsert`]: `INSERT INTO ${floor} (${period}, mode, cells) VALUES (?, ?, ?)
            ON CONFLICT (${period}, mode) DO UPDATE SET cells = ${MERGE_CELLS}(cells, excluded.cells)`,
  } as Record<`${P}Product` | `${P}FloorUpsert`, string>;
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
const cache = new WeakMap<DB, Statements>();
/** The rollup statements of `db`, prepared once (with the merge functions they call). */
function statements(db: DB): Statements {
  let s = cache.get(db);
  if (!s) {
    db.function(MERGE_HIST, { deterministic: true }, (a, b) => mergeHistograms(a as Buffer | null, b as Buffer | null));
    db.function(MERGE_CELLS, { deterministic: true }, (a, b) => mergeCellBlobs(a as Buffer | null, b as Buffer | null));
    s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Statements;
    s.otherLooks.pluck();
    cache.set(db, s);
  }
  return s;
}

/** Calls `fn(x, z)` (metres) for the head position of every sample in a pose chunk that has one. */
export function forEachHeadPosition(data: Uint8Array, fn: (x: number, z: number) => void): void {
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

/**
 * Adds newly stored events and pose chunks of one session to the analytics rollups. Call inside the
 * transaction that stored them, with each event once (ingest passes only events that were new).
 */
export function applyAnalyticsRollup(db: DB, sessionId: string, events: readonly RollupEvent[], poses: readonly RollupPose[]): void {
  const st = statements(db);
  applyFloor(st, poses);
  if (events.length === 0) return;
  let sess = st.session.get(sessionId) as { day: number; mode: string; curMode: string; steps: number } | undefined;
  const isNew = !sess;
  if (!sess) {
    const start = st.sessionStart.get(sessionId) as { startedAt: number; mode: string };
    sess = { day: dayOf(start.startedAt), mode: start.mode, curMode: start.mode, steps: STEP.visited };
  }
  const before = { ...sess };
  const products = new Map<string, ProductDay>();
  const acc = (ts: number, productId: string): ProductDay => {
    const day = dayOf(ts);
    const key = `${day}|${productId}|${sess.curMode}`;
    let p = products.get(key);
    if (!p) {
      p = { day, productId, mode: sess.curMode, viewers: 0, converted: 0, selects: 0, dwells: 0, dwellMs: 0, dwellSq: 0, hist: new Map(), cartAdds: 0 };
      products.set(key, p);
    }
    return p;
  };
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const looked = new Set<string>();
  for (const e of sorted) {
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
      // Only a session's first look at a product adds a row; within a batch, try each product once.
      if (!looked.has(e.productId) && (looked.add(e.productId), st.insertLook.run(sessionId, e.productId, p.day, p.mode).changes > 0)) {
        p.viewers++;
        st.pair.run(e.productId, e.productId);
        for (const other of st.otherLooks.all(sessionId, e.productId) as string[]) {
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
      if (!p) {
        p = { day: r.day, productId: r.productId, mode: r.mode, viewers: 0, converted: 0, selects: 0, dwells: 0, dwellMs: 0, dwellSq: 0, hist: new Map(), cartAdds: 0 };
        products.set(key, p);
      }
      p.converted++;
    }
  }
  writeProducts(st, 'day', [...products.values()].map((p) => ({ ...p, period: p.day })));
  writeProducts(st, 'month', byMonth(products.values()));
}

type PeriodRow = ProductDay & { period: number };

/** The day rows added up per month. */
function byMonth(days: Iterable<ProductDay>): PeriodRow[] {
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
  const upsert = st[`${period}Product`];
  for (const p of rows) {
    upsert.run(p.period, p.productId, p.mode, p.viewers, p.converted, p.selects, p.dwells, p.dwellMs, p.dwellSq, encodeHistogram(p.hist), p.cartAdds);
  }
}

function applyFloor(st: Statements, poses: readonly RollupPose[]): void {
  const byDay = new Map<string, { day: number; mode: string; cells: Map<number, number> }>();
  for (const pose of poses) {
    const day = dayOf(pose.startTs);
    const key = `${day}|${pose.mode}`;
    let g = byDay.get(key);
    if (!g) byDay.set(key, (g = { day, mode: pose.mode, cells: new Map() }));
    const cells = g.cells;
    forEachHeadPosition(pose.data, (x, z) => {
      const k = cellKey(x, z);
      if (k >= 0) cells.set(k, (cells.get(k) ?? 0) + 1);
    });
  }
  const byMonth = new Map<string, { month: number; mode: string; cells: Map<number, number> }>();
  for (const g of byDay.values()) {
    if (g.cells.size === 0) continue;
    st.dayFloorUpsert.run(g.day, g.mode, encodeCells(g.cells));
    const month = monthOf(g.day);
    const key = `${month}|${g.mode}`;
    const m = byMonth.get(key);
    if (!m) byMonth.set(key, { month, mode: g.mode, cells: new Map(g.cells) });
    else for (const [k, n] of g.cells) m.cells.set(k, (m.cells.get(k) ?? 0) + n);
  }
  for (const m of byMonth.values()) st.monthFloorUpsert.run(m.month, m.mode, encodeCells(m.cells));
}
