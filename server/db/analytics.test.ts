// Analytics rollups kept by ingest match the same figures computed from the raw events, and migration 007 backfills them identically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSession, rng } from '../../test/helpers/analyticsFixture';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { BUCKET_RATIO } from '../analytics/stats';
import { FLOOR_CELL_M } from '../contracts/analytics';
import { floorHeatmap, funnelAnalytics, productAnalytics, type DayRange, type ProductAnalytics } from './analytics';
import { scanFloor, scanFunnel, scanPairs, scanProductAnalytics } from './analyticsScan';
import { insertBatch } from './events';
import { migrate } from './migrate';
import { createSession } from './sessions';

let env: TestEnv;
const DAY0 = Math.floor(Date.UTC(2025, 4, 1) / 86_400_000);

beforeAll(() => {
  env = createTestEnv();
  const random = rng(7);
  for (let i = 0; i < 240; i++) {
    const s = makeSession(env.deps.catalog, DAY0 - 20 + (i % 75), random);
    const id = `s-${i}`;
    createSession(env.deps.db, { id, visitorId: `v-${i % 90}`, tokenHash: Buffer.alloc(32), mode: s.mode, userAgent: '', now: s.startedAt });
    // Batches of uneven size, as a browser's delivery cuts them.
    for (let o = 0; o < s.events.length; ) {
      const n = 1 + Math.floor(random() * 9);
      insertBatch(env.deps.db, id, s.events.slice(o, o + n), s.startedAt);
      o += n;
    }
    // A resend changes nothing.
    insertBatch(env.deps.db, id, s.events.slice(0, 5), s.startedAt);
  }
});
afterAll(() => env.close());

// All days (loose April days, May as a whole month, loose June days), May exactly, a few days, and one mode.
const ranges: DayRange[] = [
  { fromDay: DAY0 - 20, toDay: DAY0 + 54 },
  { fromDay: DAY0, toDay: DAY0 + 30 },
  { fromDay: DAY0 + 3, toDay: DAY0 + 5 },
  { fromDay: DAY0 - 20, toDay: DAY0 + 54, mode: 'vr' },
  { fromDay: DAY0 - 5, toDay: DAY0 + 40, mode: 'desktop' },
];

/** The rollup's figures with the median replaced by whether it lies within the bucket ratio of the exact one. */
function comparable(rows: ProductAnalytics[], exact?: ProductAnalytics[]) {
  return rows.map((r, i) => {
    const ref = exact?.[i]?.dwellMedian ?? r.dwellMedian;
    const ok = r.dwellMedian === null ? ref === null : ref !== null && r.dwellMedian <= ref * BUCKET_RATIO && r.dwellMedian >= ref / BUCKET_RATIO;
    return { ...r, dwellMedian: ok, dwellMean: r.dwellMean?.toFixed(6), dwellVariance: r.dwellVariance?.toPrecision(10), dwellSd: r.dwellSd?.toPrecision(10) };
  });
}

describe('rollups kept by ingest', () => {
  it.each(ranges)('per product figures equal a scan of the events (%o)', (r) => {
    const exact = scanProductAnalytics(env.deps.db, r);
    const rolled = productAnalytics(env.deps.db, r);
    expect(exact.length).toBeGreaterThan(5);
    if (r.toDay - r.fromDay > 20) expect(exact.some((p) => p.contactSessions > 0 && p.cartAdds > 0)).toBe(true);
    expect(comparable(rolled, exact)).toEqual(comparable(exact));
  });

  it.each(ranges)('the funnel and device split equal a scan of the events (%o)', (r) => {
    const exact = scanFunnel(env.deps.db, r);
    expect(exact.sessions).toBeGreaterThan(5);
    expect(funnelAnalytics(env.deps.db, r)).toEqual(exact);
  });

  it('the funnel narrows step by step and counts every session once', () => {
    const f = funnelAnalytics(env.deps.db, ranges[0]!);
    expect(f.sessions).toBe(240);
    expect(f.funnel[0]!.reached).toBe(240);
    for (let i = 1; i < f.funnel.length; i++) expect(f.funnel[i]!.reached).toBeLessThanOrEqual(f.funnel[i - 1]!.reached);
    expect(f.modes.reduce((s, m) => s + m.sessions, 0)).toBe(240);
    expect(f.modes.find((m) => m.mode === 'vr')!.sessions).toBeGreaterThan(0);
  });

  it.each(ranges)('the floor heatmap equals decoding every pose chunk (%o)', (r) => {
    const exact = scanFloor(env.deps.db, r, FLOOR_CELL_M);
    expect(exact.samples).toBeGreaterThan(100);
    expect(floorHeatmap(env.deps.db, r, FLOOR_CELL_M)).toEqual(exact);
  });

  it('co-occurrence counts equal the sessions that looked at both products', () => {
    const rows = env.deps.db.prepare('SELECT product_a AS a, product_b AS b, sessions FROM analytics_pairs WHERE sessions > 0').all() as { a: string; b: string; sessions: number }[];
    expect(new Map(rows.map((r) => [`${r.a}|${r.b}`, r.sessions]))).toEqual(scanPairs(env.deps.db));
  });

});

describe('migration 007 on a database that already holds events', () => {
  it('backfills exactly the rollups ingest keeps', () => {
    const db = env.deps.db;
    const tables = ['analytics_sessions', 'analytics_funnel_days', 'analytics_looks', 'analytics_product_days', 'analytics_floor_days', 'analytics_product_months', 'analytics_floor_months', 'analytics_pairs'];
    const snapshot = () => Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} WHERE ${t === 'analytics_funnel_days' ? 'sessions > 0' : '1'} ORDER BY 1, 2, 3`).all()]));
    const kept = snapshot();
    db.transaction(() => {
      for (const t of tables) db.exec(`DROP TABLE ${t}`);
      db.prepare('DELETE FROM schema_migrations WHERE version = 7').run();
    })();
    expect(migrate(db)).toEqual([7]);
    expect(snapshot()).toEqual(kept);
  });
});

describe('erasure', () => {
  it('an erased session leaves the funnel', () => {
    const r = ranges[0]!;
    const before = funnelAnalytics(env.deps.db, r).sessions;
    env.deps.db.prepare("DELETE FROM sessions WHERE id = 's-0'").run();
    expect(funnelAnalytics(env.deps.db, r).sessions).toBe(before - 1);
    expect(funnelAnalytics(env.deps.db, r)).toEqual(scanFunnel(env.deps.db, r));
  });
});
