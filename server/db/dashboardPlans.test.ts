// The dashboard's read queries use the indexes they were built for (EXPLAIN QUERY PLAN), and the session list's two ways of reading agree.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSession, rng } from '../../test/helpers/analyticsFixture';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import type { SessionFilter } from '../contracts/sessions';
import { floorHeatmap, funnelAnalytics, productAnalytics } from './analytics';
import type { DB } from './connection';
import { type CustomerFields, insertCustomer, linkVisitor } from './customers';
import { customerSessions, visitorSessions } from './customerSessions';
import { insertBatch } from './events';
import { coViewed } from './recommendations';
import { sessionListFacts } from './sessionListFacts';
import { createSession, listSessions, type SessionListItem } from './sessions';
import { createServiceRequest } from './shop';

const DAY_MS = 86_400_000;
const LAST_DAY = Math.floor(Date.now() / DAY_MS) - 1;
let env: TestEnv;
/** A second connection to the same file that records every statement it runs, with its values filled in. */
let traced: DB;
const statements: string[] = [];

beforeAll(() => {
  env = createTestEnv();
  const db = env.deps.db;
  const random = rng(7);
  for (let i = 0; i < 120; i++) {
    const s = makeSession(env.deps.catalog, LAST_DAY - (i % 400), random);
    const id = `s-${String(i).padStart(3, '0')}`;
    createSession(db, { id, visitorId: `v-${i % 40}`, tokenHash: Buffer.alloc(32), mode: s.mode, userAgent: '', now: s.startedAt });
    for (let o = 0; o < s.events.length; o += 25) insertBatch(db, id, s.events.slice(o, o + 25), s.startedAt);
    if (i % 9 === 0) createServiceRequest(db, { visitorId: `v-${i % 40}`, sessionId: id, channel: 'one-press', now: s.startedAt });
  }
  const customer = insertCustomer(db, { name: 'Lea', email: 'lea@example.com' } as CustomerFields, 'staff', Date.now());
  linkVisitor(db, 'v-1', customer.id);
  linkVisitor(db, 'v-2', customer.id);
  db.exec('ANALYZE');
  traced = new Database(path.join(env.dir, 'showroom.sqlite'), { readonly: true, verbose: (sql) => statements.push(String(sql)) });
});
afterAll(() => {
  traced.close();
  env.close();
});

/** The plan lines (EXPLAIN QUERY PLAN details) of every statement `run` executes on the traced connection. */
function plansOf(run: (db: DB) => unknown): string[][] {
  statements.length = 0;
  run(traced);
  return statements.map((sql) => (traced.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail));
}

/**
 * Fails on a full scan (a `SCAN t` line that uses no index) of a table that grows with the sessions and events, by its
 * name or its alias in these queries. A customer search does scan customers: LIKE '%text%' can use no index.
 */
function expectNoTableScan(plans: string[][]): void {
  const growing = /^SCAN (sessions|s|events|e|session_products|p|pose_chunks|visitors|v|service_requests|r|analytics_\w+|d)$/;
  for (const line of plans.flat()) expect(line, line).not.toMatch(growing);
}

const customerId = () => env.deps.db.prepare(`SELECT id FROM customers WHERE email = 'lea@example.com'`).pluck().get() as number;
const topProduct = () => productAnalytics(env.deps.db, { fromDay: LAST_DAY - 400, toDay: LAST_DAY })[0]!.productId;

describe('staff session list plans', () => {
  const cases: [string, SessionFilter, number | undefined, RegExp][] = [
    ['first page', {}, undefined, /^SCAN sessions USING INDEX sessions_list$/],
    ['mode', { mode: 'vr' }, undefined, /^SCAN sessions USING INDEX sessions_list$/],
    ['a time range', { from: (LAST_DAY - 30) * DAY_MS, until: LAST_DAY * DAY_MS }, undefined, /^SEARCH sessions USING INDEX sessions_list \(started_at>\? AND started_at<\?\)$/],
    ['asked for contact', { contact: 'yes' }, undefined, /^SCAN sessions USING INDEX sessions_contact$/],
    ['did not ask', { contact: 'no' }, undefined, /^SCAN sessions USING INDEX sessions_list$/],
    ['a rare product', { productId: 'PRODUCT' }, undefined, /^SEARCH sessions USING INDEX sqlite_autoindex_sessions_1 \(id=\?\)$/],
    ['a common product', { productId: 'PRODUCT' }, 1, /^SCAN sessions USING INDEX sessions_list$/],
    ['a rare minimum length', { minDurationMs: 60_000 }, undefined, /^SEARCH sessions USING INDEX sessions_duration \(<expr>>\?\)$/],
    ['a common minimum length', { minDurationMs: 1 }, 1, /^SCAN sessions USING INDEX sessions_list$/],
    ['few known customers', { customer: 'known' }, undefined, /^SEARCH sessions USING INDEX sessions_visitor_started \(visitor_id=\?\)$/],
    ['a customer search', { customerSearch: 'lea' }, undefined, /^SEARCH sessions USING INDEX sessions_visitor_started \(visitor_id=\?\)$/],
    ['many known customers', { customer: 'known' }, 1, /^SCAN sessions USING INDEX sessions_list$/],
  ];
  it.each(cases)('%s reads the index it names', (_label, filter, driveLimit, driving) => {
    const f = filter.productId ? { ...filter, productId: topProduct() } : filter;
    const [list, ...rest] = plansOf((db) => listSessions(db, { limit: 51, filter: f, driveLimit }));
    const main = rest.length ? rest.at(-1)! : list!;
    expect(main[0]).toMatch(driving);
    // Walking the list order needs no sort; a filter read through its own index sorts its few matches.
    if (/sessions_list|sessions_contact/.test(driving.source)) expect(main).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    if (f.productId && driveLimit) expect(main).toContainEqual(expect.stringMatching(/^SEARCH p (EXISTS )?USING (PRIMARY KEY|COVERING INDEX session_products_product) \((session_id=\? AND product_id=\?|product_id=\? AND session_id=\?)\)$/));
    if (f.mode) expect(main).toContainEqual(expect.stringMatching(/SEARCH e USING INDEX events_session_facts/));
    expectNoTableScan([list!, ...rest]);
  });

  it('reads the page\'s facts through events_session_facts, session_products and service_requests_session', () => {
    const ids = listSessions(env.deps.db, { limit: 50 }).map((s) => s.id);
    const plans = plansOf((db) => sessionListFacts(db, ids)).flat();
    expect(plans.filter((l) => l.includes('events_session_facts'))).toHaveLength(2);
    expect(plans).toContainEqual(expect.stringMatching(/^SEARCH session_products USING PRIMARY KEY \(session_id=\?\)$/));
    expect(plans).toContainEqual(expect.stringMatching(/^SEARCH service_requests USING (COVERING )?INDEX service_requests_session \(session_id=\?\)$/));
    expectNoTableScan([plans]);
  });

  it('reads a customer\'s and a browser\'s sessions newest first through sessions_visitor_started', () => {
    for (const plans of [plansOf((db) => customerSessions(db, customerId(), { limit: 20 })), plansOf((db) => visitorSessions(db, 'v-1', 20))]) {
      expect(plans.flat()).toContainEqual(expect.stringMatching(/^SEARCH s USING INDEX sessions_visitor_started \(visitor_id=\?/));
      expectNoTableScan(plans);
    }
  });
});

describe('analytics plans', () => {
  const year = { fromDay: LAST_DAY - 364, toDay: LAST_DAY };
  it('reads the product, funnel and floor rollups by their primary keys (day or month ranges), never events', () => {
    const plans = [
      ...plansOf((db) => productAnalytics(db, year)),
      ...plansOf((db) => productAnalytics(db, { ...year, mode: 'vr' })),
      ...plansOf((db) => funnelAnalytics(db, year)),
      ...plansOf((db) => floorHeatmap(db, year, 0.5)),
    ];
    const lines = plans.flat();
    for (const table of ['analytics_product_days', 'analytics_product_months', 'analytics_floor_days', 'analytics_floor_months', 'analytics_funnel_days']) {
      const column = table.endsWith('months') ? 'month' : 'day';
      expect(lines, table).toContainEqual(expect.stringMatching(new RegExp(`^SEARCH ${table} USING PRIMARY KEY \\(${column}>\\? AND ${column}<\\?\\)$`)));
    }
    expect(lines.join('\n')).not.toMatch(/\bevents\b/);
    expectNoTableScan(plans);
  });

  it('reads co-viewed products by the pairs\' primary key', () => {
    const lines = plansOf((db) => coViewed(db, topProduct(), 1)).flat();
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH p USING PRIMARY KEY \(product_a=\?\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH d USING PRIMARY KEY \(product_a=\? AND product_b=\?\)$/));
  });
});

describe('staff session list results', () => {
  /** Every page of the list, following the cursor, `size` at a time. */
  function allPages(filter: SessionFilter, driveLimit: number, size = 7): SessionListItem[] {
    const out: SessionListItem[] = [];
    for (let before: { startedAt: number; id: string } | undefined; ; ) {
      const page = listSessions(env.deps.db, { limit: size, before, filter, driveLimit });
      out.push(...page);
      if (page.length < size) return out;
      before = { startedAt: page.at(-1)!.startedAt, id: page.at(-1)!.id };
    }
  }

  it.each<[string, SessionFilter]>([
    ['product', { productId: 'PRODUCT' }],
    ['minimum length', { minDurationMs: 20_000 }],
    ['product, length and mode', { productId: 'PRODUCT', minDurationMs: 10_000, mode: 'desktop' }],
    ['known customer and product', { customer: 'known', productId: 'PRODUCT' }],
  ])('gives the same pages through a filter\'s own index as walking the list (%s)', (_label, filter) => {
    const f = filter.productId ? { ...filter, productId: topProduct() } : filter;
    const walked = allPages(f, 1);
    expect(walked.length).toBeGreaterThan(f.customer ? 0 : 5);
    expect(allPages(f, 1_000_000)).toEqual(walked);
    const all = listSessions(env.deps.db, { limit: 1000, driveLimit: 1 });
    expect(walked.length).toBeLessThan(all.length);
  });

  it('keeps each session\'s contact request count as requests are made, moved and deleted', () => {
    const db = env.deps.db;
    const count = (id: string) => db.prepare('SELECT contact_requests FROM sessions WHERE id = ?').pluck().get(id);
    const asked = db.prepare('SELECT id FROM sessions WHERE id IN (SELECT session_id FROM service_requests)').pluck().all() as string[];
    const contacts = allPages({ contact: 'yes' }, 1).map((s) => s.id);
    expect([...contacts].sort()).toEqual([...asked].sort());
    expect(allPages({ contact: 'no' }, 1).length + contacts.length).toBe(120);

    const request = createServiceRequest(db, { visitorId: 'v-5', sessionId: 's-005', channel: 'form', now: Date.now() });
    expect(count('s-005')).toBe(1);
    db.prepare('UPDATE service_requests SET session_id = ? WHERE id = ?').run('s-006', request);
    expect([count('s-005'), count('s-006')]).toEqual([0, 1]);
    db.prepare('DELETE FROM service_requests WHERE id = ?').run(request);
    expect(count('s-006')).toBe(0);
  });
});
