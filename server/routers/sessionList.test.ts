// The staff session list's filters and columns (modes, products, cart value, lead stage) and the customer profile's wishlist.
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
  it('filters by device mode, known customer, customer search, minimum duration and start time, and names the customer', async () => {
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
    // By the customer's name, email, phone or company, as the customer list searches.
    expect((await viewer.staff.sessions({ customerSearch: 'berg' })).items.map((s) => s.visitorId)).toEqual([A]);
    expect((await viewer.staff.sessions({ customerSearch: 'GRETA@EXAMPLE' })).items.map((s) => s.visitorId)).toEqual([A]);
    expect((await viewer.staff.sessions({ customerSearch: '%' })).items).toEqual([]);
    expect((await viewer.staff.sessions({ customerSearch: 'nobody' })).items).toEqual([]);
    await expect(viewer.staff.sessions({ customerSearch: '  ' })).rejects.toThrow('customerSearch: must not be empty');
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

/** Ingests `events` (seq from 2 on, 1 s apart, after the visit's two) into a visit's session. */
async function more(v: Awaited<ReturnType<typeof visit>>, events: Record<string, unknown>[]) {
  const t = Date.now() - 50_000;
  await v.visitor.session.ingest({
    ...v.auth,
    // Typed loosely here: the server validates each event against the contract.
    events: events.map((e, i) => ({ id: v7(), seq: 2 + i, ts: t + i * 1000, input: 'mouse', props: {}, ...e })) as never,
  });
}

describe('staff.sessions product, contact and mode filters and their columns', () => {
  it('lists every mode used, products by dwell, the net cart value and contact requests, and filters on them', async () => {
    const a = await visit(A, 'desktop', 30_000);
    await more(a, [
      { type: 'dwell_end', productId: 'bergen-armchair', props: { durationMs: 9000 } },
      { type: 'dwell_end', productId: 'oslo-chair', props: { durationMs: 2000 } },
      { type: 'mode_change', input: 'system', props: { mode: 'vr', from: 'desktop' } },
      { type: 'cart_add', productId: 'oslo-chair', variantId: 'terracotta', props: { quantity: 3 } },
      { type: 'cart_remove', productId: 'oslo-chair', variantId: 'terracotta', props: { quantity: 1 } },
      { type: 'cart_add', productId: 'bergen-armchair', variantId: 'moss', props: { quantity: 1 } },
      { type: 'cart_remove', productId: 'bergen-armchair', variantId: 'moss', props: { quantity: 1 } },
      { type: 'mode_change', input: 'system', props: { mode: 'desktop', from: 'vr' } },
    ]);
    await a.visitor.shop.requestContact({ ...a.auth, channel: 'one-press', productId: 'oslo-chair' });
    await visit(B, 'desktop', 5_000);
    const viewer = await env.staff('viewer');

    const rows = (await viewer.staff.sessions({})).items;
    const ra = rows.find((s) => s.visitorId === A)!;
    const rb = rows.find((s) => s.visitorId === B)!;
    expect(ra.modes).toEqual(['desktop', 'vr']);
    expect(rb.modes).toEqual(['desktop']);
    expect(ra.products).toEqual(['bergen-armchair', 'oslo-chair']);
    expect(ra.productCount).toBe(2);
    // Two terracotta Oslo Chairs (249 + 10 each); the armchair went in and out again.
    expect(ra.cartValue).toEqual({ amount: 518, currency: 'EUR' });
    expect(rb.cartValue).toEqual({ amount: 0, currency: 'EUR' });
    expect(ra.contactRequests).toBe(1);
    expect(rb.contactRequests).toBe(0);

    const ids = async (f: Parameters<typeof viewer.staff.sessions>[0]) => (await viewer.staff.sessions(f)).items.map((s) => s.visitorId);
    expect(await ids({ mode: 'vr' })).toEqual([A]);
    expect(await ids({ mode: 'desktop' })).toEqual([B, A]);
    expect(await ids({ productId: 'bergen-armchair' })).toEqual([A]);
    expect(await ids({ productId: 'oslo-chair' })).toEqual([B, A]);
    expect(await ids({ productId: 'oslo-chair', contact: 'yes' })).toEqual([A]);
    expect(await ids({ contact: 'no' })).toEqual([B]);
    expect(await ids({ productId: 'no-such-product' })).toEqual([]);
    await expect(viewer.staff.sessions({ productId: 'Oslo Chair' })).rejects.toThrow('productId: must be a catalogue id');
    await expect(viewer.staff.sessions({ contact: 'maybe' as never })).rejects.toThrow('contact');
  });

  it('shows the lead stage of the customer or the anonymous browser, within what the caller may see', async () => {
    const known = await visit(A, 'desktop', 1000);
    await known.visitor.shop.requestContact({ ...known.auth, channel: 'form', name: 'Greta Berg', email: 'greta@example.com' });
    const anon = await visit(B, 'vr', 1000);
    await anon.visitor.shop.requestContact({ ...anon.auth, channel: 'one-press' });
    const admin = await env.staff('admin');
    const leads = (await admin.leads.list({})).items;
    const greta = leads.find((l) => l.customerName === 'Greta Berg')!;
    const anonymous = leads.find((l) => l.customerId === null && l.visitorId === B)!;
    await admin.leads.moveStage({ id: greta.id, stage: 'qualified' });

    const rows = (await admin.staff.sessions({})).items;
    expect(rows.find((s) => s.visitorId === A)!.lead).toEqual({ id: greta.id, stage: 'qualified' });
    expect(rows.find((s) => s.visitorId === B)!.lead).toEqual({ id: anonymous.id, stage: 'new' });
    // The customer's and the lead's pages list sessions with the same columns.
    const [ofCustomer] = (await admin.customers.sessions({ id: greta.customerId! })).items;
    expect(ofCustomer).toMatchObject({ visitorId: A, modes: ['desktop'], products: ['oslo-chair'], productCount: 1, lead: { id: greta.id, stage: 'qualified' } });
    const [ofLead] = await admin.leads.sessions({ id: anonymous.id });
    expect(ofLead).toMatchObject({ visitorId: B, modes: ['vr'], cartValue: { amount: 0, currency: 'EUR' }, contactRequests: 1, lead: { id: anonymous.id, stage: 'new' } });

    // A lead assigned to another salesperson is not theirs to see, here as in the pipeline.
    const other = await env.staff('sales');
    const otherId = (await other.staff.me()).id;
    await admin.leads.update({ id: greta.id, assigneeId: otherId });
    const sales = await env.staff('sales');
    const seen = (await sales.staff.sessions({})).items;
    expect(seen.find((s) => s.visitorId === A)!.lead).toBeNull();
    expect(seen.find((s) => s.visitorId === B)!.lead).toEqual({ id: anonymous.id, stage: 'new' });
    expect((await other.staff.sessions({})).items.find((s) => s.visitorId === A)!.lead).toEqual({ id: greta.id, stage: 'qualified' });
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
