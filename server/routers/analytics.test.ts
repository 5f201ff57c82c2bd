// Analytics and recommendation procedures: range validation, ranking of co-viewed products, nothing personal in the public list.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { scoreOf } from '../db/recommendations';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

const visitorId = () => '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a' + String(Math.floor(Math.random() * 90 + 10));

/** One session that looks at `products` (a dwell on each) and maybe asks for a salesperson. */
async function visit(products: string[], contact = false) {
  const c = env.anonymous();
  const auth = await c.session.start({ visitorId: visitorId(), mode: 'desktop' });
  const t = Date.now();
  let seq = 0;
  const events = products.map((productId) => ({ id: uuidv7(), seq: seq++, ts: t + seq, type: 'dwell_end' as const, input: 'gaze' as const, productId, props: { durationMs: 1200 } }));
  if (contact) events.push({ id: uuidv7(), seq: seq++, ts: t + seq, type: 'contact_request', input: 'mouse', props: { channel: 'one-press' } } as never);
  await c.session.ingest({ ...auth, events });
}

const today = () => new Date().toISOString().slice(0, 10);

describe('date ranges', () => {
  it.each([
    [{ from: '2025-02-30', to: '2025-03-01' }, 'from: must be a real calendar day'],
    [{ from: '2025/03/01', to: '2025-03-01' }, 'from: must be a day written YYYY-MM-DD'],
    [{ from: '2025-03-02', to: '2025-03-01' }, 'to: must not be before from'],
    [{ from: '2024-01-01', to: '2025-03-01' }, 'to: must be at most 366 days after from (the range is 426 days)'],
    [{ from: '2025-03-01', to: '2025-03-01', mode: 'phone' }, 'mode'],
  ])('%o is refused with "%s"', async (input, message) => {
    const staff = await env.staff('viewer');
    await expect(staff.analytics.products(input as never)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(message) });
  });

  it('a one-day range and a 366-day range are accepted', async () => {
    const staff = await env.staff('viewer');
    await expect(staff.analytics.funnel({ from: '2025-03-01', to: '2025-03-01' })).resolves.toMatchObject({ sessions: 0 });
    await expect(staff.analytics.floor({ from: '2024-03-01', to: '2025-03-01' })).resolves.toMatchObject({ samples: 0 });
  });
});

describe('recommendations', () => {
  it('ranks by co-occurrence normalised by popularity, and a pair seen once does not lead', () => {
    // 20 sessions with A; B in 10 of them and 100 sessions in all; C in 6 of them and 8 in all; D once with A, in 1 session.
    const b = scoreOf(10, 20, 100), c = scoreOf(6, 20, 8), d = scoreOf(1, 20, 1);
    expect(c).toBeGreaterThan(b);
    expect(c).toBeGreaterThan(d);
    expect(scoreOf(0, 20, 8)).toBe(0);
  });

  it('staff see co-viewed products with counts, best first; the public list has ids only and needs three sessions', async () => {
    for (let i = 0; i < 4; i++) await visit(['oslo-chair', 'bergen-armchair'], i === 0);
    for (let i = 0; i < 3; i++) await visit(['oslo-chair', 'fjord-sofa']);
    for (let i = 0; i < 6; i++) await visit(['fjord-sofa']);
    await visit(['oslo-chair', 'halo-floor-lamp']);
    const staff = await env.staff('sales');
    const r = await staff.analytics.recommendations({ productId: 'oslo-chair' });
    expect(r.sessions).toBe(8);
    expect(r.items.map((i) => [i.productId, i.together])).toEqual([['bergen-armchair', 4], ['fjord-sofa', 3], ['halo-floor-lamp', 1]]);

    const pub = await env.anonymous().recommendations.forProduct({ productId: 'oslo-chair', limit: 4 });
    expect(pub.items.slice(0, 2)).toEqual([{ productId: 'bergen-armchair', reason: 'co-viewed' }, { productId: 'fjord-sofa', reason: 'co-viewed' }]);
    // The lamp was seen with the chair in one session only: not shown as co-viewed.
    expect(pub.items.find((i) => i.productId === 'halo-floor-lamp')?.reason).not.toBe('co-viewed');
    for (const item of pub.items) expect(Object.keys(item).sort()).toEqual(['productId', 'reason']);
    expect(pub.items.length).toBe(4);
    expect(new Set(pub.items.map((i) => i.productId)).size).toBe(4);
    expect(pub.items.map((i) => i.productId)).not.toContain('oslo-chair');
  });

  it('fills with the same category when nothing was co-viewed, and refuses a bad product id', async () => {
    const pub = await env.anonymous().recommendations.forProduct({ productId: 'oslo-chair' });
    const cat = env.deps.catalog.products.find((p) => p.id === 'oslo-chair')!.category;
    expect(pub.items.length).toBeGreaterThan(0);
    for (const i of pub.items) {
      expect(i.reason).toBe('category');
      expect(env.deps.catalog.products.find((p) => p.id === i.productId)!.category).toBe(cat);
    }
    await expect(env.anonymous().recommendations.forProduct({ productId: 'Oslo Chair!' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(env.anonymous().recommendations.forProduct({ productId: 'no-such-product' })).resolves.toEqual({ items: [] });
  });
});

describe('per product figures', () => {
  it('reports views, dwell statistics and conversion for today', async () => {
    await visit(['oslo-chair'], true);
    await visit(['oslo-chair', 'fjord-sofa']);
    const staff = await env.staff('viewer');
    const r = await staff.analytics.products({ from: today(), to: today() });
    const chair = r.items.find((i) => i.productId === 'oslo-chair')!;
    expect(chair).toMatchObject({ views: 2, dwells: 2, dwellMs: 2400, dwellMean: 1200, dwellVariance: 0, dwellSd: 0, contactSessions: 1, conversion: 0.5, rank: 1 });
    expect(Math.abs(chair.dwellMedian! - 1200) / 1200).toBeLessThan(0.045);
  });
});
