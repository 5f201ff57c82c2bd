// Analytics reads over a range of days, from the daily and monthly rollups of migration 007 only (never the events table).
import { addCellsInto, cellOrigin, SPAN } from '../analytics/cells';
import { splitRange } from '../analytics/periods';
import { addInto, BUCKETS, histogramMedian, momentsOf } from '../analytics/stats';
import { analyticsModes, funnelSteps, POSE_SAMPLE_SECONDS, type AnalyticsMode } from '../contracts/analytics';
import type { DB } from './connection';

/** Days since 1970-01-01, both ends included, and optionally one device mode. */
export interface DayRange {
  fromDay: number;
  toDay: number;
  mode?: AnalyticsMode | undefined;
}

export interface ProductAnalytics {
  productId: string;
  /** Sessions that looked at the product (a dwell or a select), counted on the day of the first look. */
  views: number;
  selects: number;
  dwells: number;
  /** Total dwell time, ms: the attention ranking's measure. */
  dwellMs: number;
  /** Dwell duration statistics, ms (variance in ms²); null without dwells (variance and sd below two). */
  dwellMean: number | null;
  dwellMedian: number | null;
  dwellVariance: number | null;
  dwellSd: number | null;
  cartAdds: number;
  /** Of the sessions that looked at it, those that asked for a salesperson. */
  contactSessions: number;
  /** contactSessions / views (0..1), null without views. */
  conversion: number | null;
}

const modeFilter = (r: DayRange) => (r.mode ? ' AND mode = ?' : '');
const params = (r: DayRange) => (r.mode ? [r.fromDay, r.toDay, r.mode] : [r.fromDay, r.toDay]);

/**
 * Runs `read(table, column, from, to)` over the monthly rollup for the whole months in the range and over the
 * daily rollup for the loose days at either end: a year reads 12 monthly rows and at most 60 daily ones per key.
 */
function eachPart(r: DayRange, tables: { day: string; month: string }, read: (table: string, column: string, from: number, to: number) => void): void {
  const parts = splitRange(r.fromDay, r.toDay);
  for (const [from, to] of parts.days) read(tables.day, 'day', from, to);
  if (parts.months) read(tables.month, 'month', parts.months[0], parts.months[1]);
}

/** Per product over the range, most dwell time first (the attention ranking). */
export function productAnalytics(db: DB, r: DayRange): ProductAnalytics[] {
  const acc = new Map<string, { s: number[]; hist: Float64Array; n: number }>();
  eachPart(r, { day: 'analytics_product_days', month: 'analytics_product_months' }, (table, column, from, to) => {
    // One row per product: SQLite sums the figures, and concatenates the histograms' (bucket, count) pairs into one
    // BLOB (group_concat copies bytes as they are; CAST gives them back as a BLOB), which addInto adds up in any order.
    const rows = db
      .prepare(
        `SELECT product_id, SUM(viewers), SUM(converted), SUM(selects), SUM(dwells), SUM(dwell_ms), SUM(dwell_sq), SUM(cart_adds),
           CAST(group_concat(dwell_hist, x'') AS BLOB)
         FROM ${table} WHERE ${column} BETWEEN ? AND ?${modeFilter(r)} GROUP BY product_id`,
      )
      .raw()
      .all(...params({ ...r, fromDay: from, toDay: to })) as [string, number, number, number, number, number, number, number, Buffer | null][];
    for (const row of rows) {
      let a = acc.get(row[0]);
      if (!a) acc.set(row[0], (a = { s: [0, 0, 0, 0, 0, 0, 0], hist: new Float64Array(BUCKETS), n: 0 }));
      for (let i = 0; i < 7; i++) a.s[i]! += row[i + 1] as number;
      if (row[8]) a.n += addInto(a.hist, row[8]);
    }
  });
  const out: ProductAnalytics[] = [];
  for (const [productId, { s, hist, n }] of acc) {
    const [views, converted, selects, dwells, dwellMs, dwellSq, cartAdds] = s as [number, number, number, number, number, number, number];
    const m = momentsOf(dwells, dwellMs, dwellSq);
    out.push({
      productId, views, selects, dwells, dwellMs, dwellMean: m.mean, dwellMedian: histogramMedian(hist, n),
      dwellVariance: m.variance, dwellSd: m.sd, cartAdds, contactSessions: converted, conversion: views > 0 ? converted / views : null,
    });
  }
  return out.sort((a, b) => b.dwellMs - a.dwellMs || b.views - a.views || a.productId.localeCompare(b.productId));
}

export interface FunnelStepCount {
  key: string;
  label: string;
  /** Sessions that did this step and every step before it. */
  reached: number;
  /** Sessions that did this step, whatever else they did. */
  did: number;
}

export interface ModeSplit {
  mode: AnalyticsMode;
  sessions: number;
  /** Sessions per funnel step (did), keyed by step key. */
  steps: Record<string, number>;
}

/** The funnel over the range (sessions by their start day) and the same counts split by device mode. */
export function funnelAnalytics(db: DB, r: DayRange): { funnel: FunnelStepCount[]; modes: ModeSplit[]; sessions: number } {
  const rows = db
    .prepare(`SELECT mode, steps, SUM(sessions) FROM analytics_funnel_days WHERE day BETWEEN ? AND ?${modeFilter(r)} GROUP BY mode, steps`)
    .raw()
    .all(...params(r)) as [AnalyticsMode, number, number][];
  const funnel = funnelSteps.map((s) => ({ key: s.key, label: s.label, reached: 0, did: 0 }));
  const modes = new Map<AnalyticsMode, ModeSplit>(analyticsModes.map((m) => [m, { mode: m, sessions: 0, steps: Object.fromEntries(funnelSteps.map((s) => [s.key, 0])) }]));
  let sessions = 0;
  for (const [mode, steps, n] of rows) {
    if (n === 0) continue;
    sessions += n;
    const split = modes.get(mode);
    if (split) split.sessions += n;
    let prefix = true;
    funnelSteps.forEach((s, i) => {
      const did = (steps & s.bit) !== 0;
      prefix &&= did;
      if (did) funnel[i]!.did += n;
      if (prefix) funnel[i]!.reached += n;
      if (did && split) split.steps[s.key]! += n;
    });
  }
  return { funnel, modes: [...modes.values()], sessions };
}

export interface FloorHeatmap {
  /** Edge of a cell, metres. */
  cellM: number;
  /** [x, z, samples]: the cell's corner with the smallest x and z (metres) and the head samples in it. */
  cells: [number, number, number][];
  samples: number;
  /** Seconds of standing time the samples stand for (10 samples a second). */
  seconds: number;
}

let floorScratch: Float64Array | undefined;

/** Where customers stood over the range: head pose samples per 0.5 m floor cell. */
export function floorHeatmap(db: DB, r: DayRange, cellM: number): FloorHeatmap {
  // Reused between calls (2 MiB: a new one each call keeps the garbage collector busy) and zeroed again before returning.
  const dense = (floorScratch ??= new Float64Array(SPAN * SPAN));
  let samples = 0;
  const cells: [number, number, number][] = [];
  try {
    eachPart(r, { day: 'analytics_floor_days', month: 'analytics_floor_months' }, (table, column, from, to) => {
      const blobs = db.prepare(`SELECT cells FROM ${table} WHERE ${column} BETWEEN ? AND ?${modeFilter(r)}`).pluck().all(...params({ ...r, fromDay: from, toDay: to })) as Buffer[];
      for (const b of blobs) samples += addCellsInto(dense, b);
    });
    for (let k = 0; k < dense.length; k++) {
      if (dense[k] === 0) continue;
      const o = cellOrigin(k);
      cells.push([o.x, o.z, dense[k]!]);
    }
  } finally {
    dense.fill(0);
  }
  return { cellM, cells, samples, seconds: samples * POSE_SAMPLE_SECONDS };
}
