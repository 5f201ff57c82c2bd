// The analytics figures computed straight from the raw events and pose chunks: the benchmark's baseline and the tests' reference.
import { cellKey, cellOrigin } from '../analytics/cells';
import { momentsOf } from '../analytics/stats';
import { analyticsModes, funnelSteps, POSE_SAMPLE_SECONDS, type AnalyticsMode } from '../contracts/analytics';
import { decodePoseChunk } from '../contracts/pose';
import type { ProductAnalytics, DayRange, FloorHeatmap, FunnelStepCount, ModeSplit } from './analytics';
import type { DB } from './connection';

const DAY_MS = 86_400_000;
const bounds = (r: DayRange) => [r.fromDay * DAY_MS, (r.toDay + 1) * DAY_MS] as const;

/** The mode a session was in at an event: its last mode_change before it, else the mode it started in. */
const MODE_AT = `COALESCE((SELECT json_extract(m.props, '$.mode') FROM events m
  WHERE m.session_id = e.session_id AND m.type = 'mode_change' AND m.seq < e.seq ORDER BY m.seq DESC LIMIT 1), s.mode)`;

/** Exact median of sorted values. */
function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) / 2;
  return (sorted[Math.floor(h)]! + sorted[Math.ceil(h)]!) / 2;
}

/** productAnalytics computed from the events table, with the exact median. */
export function scanProductAnalytics(db: DB, r: DayRange): ProductAnalytics[] {
  const [from, until] = bounds(r);
  const rows = db
    .prepare(
      `WITH ev AS (
         SELECT e.session_id, e.seq, e.type, e.product_id, e.duration_ms, ${MODE_AT} AS mode
         FROM events e JOIN sessions s ON s.id = e.session_id
         WHERE e.product_id IS NOT NULL AND e.type IN ('product_select', 'dwell_end', 'cart_add') AND e.client_ts >= ? AND e.client_ts < ?
       ),
       firsts AS (SELECT session_id, product_id, MIN(seq) AS seq FROM events
                  WHERE product_id IS NOT NULL AND type IN ('product_select', 'dwell_end') GROUP BY session_id, product_id),
       contacts AS (SELECT DISTINCT session_id FROM events WHERE type = 'contact_request')
       SELECT ev.product_id AS productId, ev.type, ev.duration_ms AS durationMs,
              f.seq IS NOT NULL AS first, c.session_id IS NOT NULL AS contacted
       FROM ev LEFT JOIN firsts f ON f.session_id = ev.session_id AND f.product_id = ev.product_id AND f.seq = ev.seq
               LEFT JOIN contacts c ON c.session_id = ev.session_id
       WHERE ? IS NULL OR ev.mode = ?`,
    )
    .all(from, until, r.mode ?? null, r.mode ?? null) as { productId: string; type: string; durationMs: number | null; first: number; contacted: number }[];
  const acc = new Map<string, { views: number; conv: number; selects: number; carts: number; dwells: number[] }>();
  for (const row of rows) {
    let a = acc.get(row.productId);
    if (!a) acc.set(row.productId, (a = { views: 0, conv: 0, selects: 0, carts: 0, dwells: [] }));
    if (row.first) { a.views++; if (row.contacted) a.conv++; }
    if (row.type === 'product_select') a.selects++;
    else if (row.type === 'cart_add') a.carts++;
    else a.dwells.push(row.durationMs ?? 0);
  }
  const out: ProductAnalytics[] = [];
  for (const [productId, a] of acc) {
    const d = a.dwells.sort((x, y) => x - y);
    const sum = d.reduce((s, x) => s + x, 0);
    const m = momentsOf(d.length, sum, d.reduce((s, x) => s + x * x, 0));
    out.push({
      productId, views: a.views, selects: a.selects, dwells: d.length, dwellMs: sum, dwellMean: m.mean, dwellMedian: median(d),
      dwellVariance: m.variance, dwellSd: m.sd, cartAdds: a.carts, contactSessions: a.conv, conversion: a.views > 0 ? a.conv / a.views : null,
    });
  }
  return out.sort((a, b) => b.dwellMs - a.dwellMs || b.views - a.views || a.productId.localeCompare(b.productId));
}

const STEP_TYPES: Record<string, string> = {
  looked: "'dwell_end', 'product_select'", inspected: "'inspect_start', 'grab_start'", variant: "'variant_change'",
  cart: "'cart_add'", contact: "'contact_request'",
};

/** funnelAnalytics computed from the events table: sessions started in the range with at least one event. */
export function scanFunnel(db: DB, r: DayRange): { funnel: FunnelStepCount[]; modes: ModeSplit[]; sessions: number } {
  const [from, until] = bounds(r);
  const bits = funnelSteps.map((s) => (s.key === 'visited' ? `${s.bit}` : `MAX(CASE WHEN e.type IN (${STEP_TYPES[s.key]}) THEN ${s.bit} ELSE 0 END)`)).join(' | ');
  const rows = db
    .prepare(
      `SELECT s.mode AS startMode, ${bits} AS steps,
              MAX(CASE json_extract(CASE WHEN e.type = 'mode_change' THEN e.props END, '$.mode') WHEN 'ar' THEN 2 WHEN 'vr' THEN 1 ELSE 0 END) AS changed
       FROM sessions s JOIN events e ON e.session_id = s.id
       WHERE s.started_at >= ? AND s.started_at < ? GROUP BY s.id`,
    )
    .all(from, until) as { startMode: string; steps: number; changed: number }[];
  const funnel = funnelSteps.map((s) => ({ key: s.key, label: s.label, reached: 0, did: 0 }));
  const modes = new Map<AnalyticsMode, ModeSplit>(analyticsModes.map((m) => [m, { mode: m, sessions: 0, steps: Object.fromEntries(funnelSteps.map((s) => [s.key, 0])) }]));
  let sessions = 0;
  for (const row of rows) {
    const mode = analyticsModes[Math.max(row.changed, analyticsModes.indexOf(row.startMode as AnalyticsMode))]!;
    if (r.mode && mode !== r.mode) continue;
    sessions++;
    modes.get(mode)!.sessions++;
    let prefix = true;
    funnelSteps.forEach((s, i) => {
      const did = (row.steps & s.bit) !== 0;
      prefix &&= did;
      if (did) { funnel[i]!.did++; modes.get(mode)!.steps[s.key]!++; }
      if (prefix) funnel[i]!.reached++;
    });
  }
  return { funnel, modes: [...modes.values()], sessions };
}

/** floorHeatmap computed by decoding every pose chunk that starts in the range. */
export function scanFloor(db: DB, r: DayRange, cellM: number): FloorHeatmap {
  const [from, until] = bounds(r);
  const counts = new Map<number, number>();
  let samples = 0;
  const chunks = db
    .prepare('SELECT data FROM pose_chunks WHERE start_ts >= ? AND start_ts < ? AND (? IS NULL OR mode = ?)')
    .pluck()
    .iterate(from, until, r.mode ?? null, r.mode ?? null) as IterableIterator<Buffer>;
  for (const data of chunks) {
    for (const s of decodePoseChunk(data).samples) {
      if (!s.head) continue;
      const k = cellKey(s.head.px, s.head.pz);
      if (k < 0) continue;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      samples++;
    }
  }
  const cells = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => [cellOrigin(k).x, cellOrigin(k).z, n] as [number, number, number]);
  return { cellM, cells, samples, seconds: samples * POSE_SAMPLE_SECONDS };
}

/** Sessions that looked at both products (dwell or select), per pair, from the events table; for the co-occurrence reference. */
export function scanPairs(db: DB): Map<string, number> {
  const rows = db
    .prepare(
      `WITH looks AS (SELECT DISTINCT session_id, product_id FROM events WHERE product_id IS NOT NULL AND type IN ('dwell_end', 'product_select'))
       SELECT a.product_id AS a, b.product_id AS b, COUNT(*) AS n FROM looks a JOIN looks b ON a.session_id = b.session_id GROUP BY a.product_id, b.product_id`,
    )
    .all() as { a: string; b: string; n: number }[];
  return new Map(rows.map((r) => [`${r.a}|${r.b}`, r.n]));
}
