// The staff session list's filters (start time, device mode, known customer, duration) and the customer profile's wishlist.
import { v7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

/** Starts a session for `visitorId` and ingests two events `durationMs` apart. */
async function visit(visitorId: string, mode: 'desktop' | 'vr', durationMs: number) {
  const visitor = env.anonymous();
  const auth = await visitor.session.start({ visitorId, mode });
  const t = Date.now() - 60_000;
  await visitor.session.ingest({
    ...auth,
    events: [
      { id: v7(), seq: 0, ts: t, type: 'session_start', input: 'system', props: { mode } },
      { id: v7(), seq: 1, ts: t + durationMs, type: 'product_select', input: 'mouse', productId: 'oslo-chair', props: {} },
    ],
  });
  return { visitor, auth };
}

const A = '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10';
const B = '1c9c6a51-7e0f-4a43-9a53-0c1d3e7f2a11';

describe('staff.sessions filters', () => {
  it('filters by device mode, known customer, minimum duration and start time, and names the customer', async () => {
    const named = await visit(A, 'desktop', 90_000);
    await named.visitor.shop.requestContact({ ...named.auth, channel: 'form', name: 'Greta Berg', email: 'greta@example.com' });
    await visit(B, 'vr', 5_000);
    const viewer = await env.staff('viewer');

    const all = await viewer.staff.sessions({});
    expect(all.items).toHaveLength(2);
    const greta = all.items.find((s) => s.visitorId === A)!;
    expect(greta.customerName).toBe('Greta Berg');
    expect(greta.customerId).toBeTypeOf('number');
    expect(all.items.find((s) => s.visitorId === B)!.customerName).toBeNull();

    expect((await viewer.staff.sessions({ mode: 'vr' })).items.map((s) => s.visitorId)).toEqual([B]);
    expect((await viewer.staff.sessions({ customer: 'known' })).items.map((s) => s.visitorId)).toEqual([A]);
    expect((await viewer.staff.sessions({ customer: 'anonymous' })).items.map((s) => s.visitorId)).toEqual([B]);
    expect((await viewer.staff.sessions({ minDurationMs: 60_000 })).items.map((s) => s.visitorId)).toEqual([A]);
    const now = Date.now();
    expect((await viewer.staff.sessions({ from: now + 1000 })).items).toEqual([]);
    expect((await viewer.staff.sessions({ from: now - 3_600_000, until: now + 1000 })).items).toHaveLength(2);
    await expect(viewer.staff.sessions({ from: now, until: now - 1 })).rejects.toThrow('until: must be after from');

    const detail = await viewer.staff.session({ id: greta.id });
    expect(detail.session.customerName).toBe('Greta Berg');
  });

  it('pages through a filtered list without repeating or skipping a session', async () => {
    for (let i = 0; i < 5; i++) await visit(`2c9c6a51-7e0f-4a43-9a53-0c1d3e7f2a1${i}`, i % 2 ? 'vr' : 'desktop', 1000);
    const viewer = await env.staff('viewer');
    const first = await viewer.staff.sessions({ mode: 'desktop', limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await viewer.staff.sessions({ mode: 'desktop', limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((s) => s.id)).size).toBe(3);
  });
});

describe('customers.get', () => {
  it('shows the wishlist of all the customer’s browsers, named and priced from the catalogue', async () => {
    const first = await visit(A, 'desktop', 1000);
    await first.visitor.shop.addToWishlist({ ...first.auth, productId: 'oslo-chair', variantId: 'sand' });
    await first.visitor.shop.requestContact({ ...first.auth, channel: 'form', name: 'Greta', email: 'greta@example.com' });
    const second = await visit(B, 'vr', 1000);
    await second.visitor.shop.addToWishlist({ ...second.auth, productId: 'oslo-chair', variantId: 'sand' });
    await second.visitor.shop.requestContact({ ...second.auth, channel: 'form', name: 'Greta', email: 'greta@example.com' });
    const sales = await env.staff('sales');
    const [customer] = (await sales.customers.list({ search: 'greta' })).items;
    const id = customer!.id;
    const profile = await sales.customers.get({ id });
    expect(profile.wishlist).toEqual([expect.objectContaining({ productId: 'oslo-chair', variantId: 'sand', name: 'Oslo Chair' })]);
    expect(profile.wishlist[0]!.unitPrice).toBeGreaterThan(0);
  });
});
