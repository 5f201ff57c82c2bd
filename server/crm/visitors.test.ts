// From showroom to CRM: the contact form makes a customer and links every session; carts and requests feed the visitor's lead.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

const VISITOR = '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10';
const OTHER_DEVICE = '9d6f3c1a-2b7e-4f10-8a3c-5e2d1f0a9b87';

async function visit(visitorId = VISITOR) {
  const caller = env.anonymous();
  const auth = await caller.session.start({ visitorId, mode: 'desktop' });
  return { caller, auth };
}

const db = () => env.deps.db;
const leadsRows = () =>
  db().prepare('SELECT id, customer_id AS customerId, visitor_id AS visitorId, stage, value_cents AS cents, source FROM leads ORDER BY id').all() as {
    id: number;
    customerId: number | null;
    visitorId: string | null;
    stage: string;
    cents: number;
    source: string;
  }[];

describe('contact form', () => {
  it('creates the customer and links the sessions before and after it to them', async () => {
    const before = await visit();
    const form = await visit();
    await form.caller.shop.requestContact({ ...form.auth, channel: 'form', name: 'Ana Lima', email: ' Ana.Lima@Example.COM ', phone: '+49 151 2345 6789' });
    const after = await visit();
    const admin = await env.staff('admin');
    const { items } = await admin.customers.list({});
    expect(items).toEqual([expect.objectContaining({ name: 'Ana Lima', email: 'ana.lima@example.com', phone: '+4915123456789', source: 'showroom', consentContact: true })]);
    const sessions = await admin.customers.sessions({ id: items[0]!.id });
    expect(sessions.items.map((s) => s.id).sort()).toEqual([before.auth.sessionId, form.auth.sessionId, after.auth.sessionId].sort());
    const audit = await admin.audit.list({ entity: 'customer' });
    expect(audit.items).toEqual([expect.objectContaining({ actor: 'showroom', action: 'customer.create', entityId: String(items[0]!.id) })]);
    expect(JSON.stringify(audit.items)).not.toMatch(/ana/i);
  });

  it('finds an existing customer by email, fills only blank fields, and refuses an impossible phone number', async () => {
    const admin = await env.staff('admin');
    const existing = await admin.customers.create({ name: 'Ana Lima-Costa', email: 'ana@example.com', country: 'DE' });
    const { caller, auth } = await visit();
    await caller.shop.requestContact({ ...auth, channel: 'form', name: 'Someone Else', email: 'ANA@example.com', phone: '0151 23456789' });
    const after = await admin.customers.get({ id: existing.id });
    // The name staff recorded stays; the missing phone is filled in, read with the customer's country.
    expect(after.customer).toMatchObject({ name: 'Ana Lima-Costa', phone: '+4915123456789', consentContact: true });
    expect(after.visitorIds).toEqual([VISITOR]);
    expect((await admin.customers.list({})).items).toHaveLength(1);

    const bad = await caller.shop.requestContact({ ...auth, channel: 'form', name: 'Bo', email: 'bo@example.com', phone: '+49 12' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).message).toBe('phone: "+49 12" is not a valid phone number');
    // Nothing of the refused request was written.
    expect(db().prepare(`SELECT count(*) FROM customers WHERE email = 'bo@example.com'`).pluck().get()).toBe(0);
    expect(db().prepare('SELECT count(*) FROM service_requests').pluck().get()).toBe(1);
  });
});

describe('leads from the showroom', () => {
  it('an anonymous cart and a one-press request make one anonymous lead that becomes the customer\'s', async () => {
    const { caller, auth } = await visit();
    await caller.shop.addToCart({ ...auth, productId: 'bergen-armchair', variantId: 'cognac', quantity: 2 });
    await caller.shop.requestContact({ ...auth, channel: 'one-press', productId: 'oslo-chair', variantId: 'navy' });
    expect(leadsRows()).toEqual([{ id: 1, customerId: null, visitorId: VISITOR, stage: 'new', cents: 2 * 119900, source: 'cart' }]);

    const sales = await env.staff('sales');
    const anonymous = await sales.leads.get({ id: 1 });
    expect(anonymous.lead).toMatchObject({ customerId: null, customerName: null, value: 2398, currency: 'EUR', probability: 0.1 });
    expect(anonymous.products.map((p) => [p.productId, p.variantId, p.reason, p.quantity])).toEqual([
      ['bergen-armchair', 'cognac', 'cart', 2],
      ['oslo-chair', 'navy', 'request', 1],
    ]);
    expect((await sales.leads.sessions({ id: 1 })).map((s) => s.id)).toEqual([auth.sessionId]);
    const requests = await sales.serviceRequests.list({});
    expect(requests.items).toEqual([expect.objectContaining({ channel: 'one-press', leadId: 1, customerId: null })]);

    await caller.shop.requestContact({ ...auth, channel: 'form', name: 'Ana', email: 'ana@example.com' });
    const [lead] = leadsRows();
    expect(leadsRows()).toHaveLength(1);
    expect(lead!.customerId).not.toBeNull();
    expect((await sales.serviceRequests.list({})).items.map((r) => [r.channel, r.customerId, r.leadId])).toEqual([
      ['form', lead!.customerId, 1],
      ['one-press', lead!.customerId, 1],
    ]);
  });

  it('merges a new device\'s anonymous lead into the customer\'s open lead, and follows every device\'s cart', async () => {
    const phone = await visit();
    await phone.caller.shop.requestContact({ ...phone.auth, channel: 'form', name: 'Ana', email: 'ana@example.com', productId: 'fjord-sofa' });
    const laptop = await visit(OTHER_DEVICE);
    await laptop.caller.shop.addToCart({ ...laptop.auth, productId: 'oslo-chair', variantId: 'terracotta', quantity: 4 });
    expect(leadsRows().map((l) => l.customerId === null)).toEqual([false, true]);
    await laptop.caller.shop.requestContact({ ...laptop.auth, channel: 'form', name: 'Ana', email: 'ana@example.com' });
    expect(leadsRows()).toHaveLength(1);
    await phone.caller.shop.addToCart({ ...phone.auth, productId: 'oslo-chair', variantId: 'terracotta' });
    const admin = await env.staff('admin');
    const { lead, products } = await admin.leads.get({ id: leadsRows()[0]!.id });
    // Both devices' carts: 5 chairs at 259.
    expect(lead.value).toBe(5 * 259);
    expect(products.filter((p) => p.reason === 'cart')).toEqual([expect.objectContaining({ productId: 'oslo-chair', quantity: 5, unitPrice: 259 })]);
    expect(products.filter((p) => p.reason === 'request').map((p) => p.productId)).toEqual(['fjord-sofa']);
    const customer = await admin.customers.get({ id: lead.customerId! });
    expect(customer.visitorIds.sort()).toEqual([VISITOR, OTHER_DEVICE].sort());
    expect(customer.cart.value).toBe(5 * 259);
  });

  it('emptying the cart sets the value to 0; a won lead is closed and the next cart opens a new lead', async () => {
    const { caller, auth } = await visit();
    await caller.shop.addToCart({ ...auth, productId: 'kobe-stool', variantId: 'brass' });
    await caller.shop.setCartQuantity({ ...auth, productId: 'kobe-stool', variantId: 'brass', quantity: 0 });
    expect(leadsRows()[0]!.cents).toBe(0);
    const admin = await env.staff('admin');
    await admin.leads.moveStage({ id: 1, stage: 'won' });
    await caller.shop.addToCart({ ...auth, productId: 'kobe-stool', variantId: 'black' });
    expect(leadsRows().map((l) => [l.stage, l.cents])).toEqual([
      ['won', 0],
      ['new', 18900],
    ]);
  });
});
