// Staff CRM procedures: lead visibility per role, stage moves and totals, notes, tasks due today, quotes from a cart, requests, audit.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

async function team() {
  const admin = await env.staff('admin');
  const ana = await env.staff('sales');
  const bo = await env.staff('sales');
  const viewer = await env.staff('viewer');
  const anaId = (await ana.staff.me()).id;
  const boId = (await bo.staff.me()).id;
  return { admin, ana, bo, viewer, anaId, boId };
}

describe('leads', () => {
  it('a salesperson sees and works on their own and unassigned leads only; admins and viewers see all', async () => {
    const { admin, ana, bo, viewer, anaId, boId } = await team();
    const c = await admin.customers.create({ name: 'Carla', email: 'carla@example.com' });
    const mine = await ana.leads.create({ customerId: c.id, title: 'Dining set', value: 2500 });
    expect(mine.assigneeId).toBe(anaId);
    const open = await admin.leads.create({ customerId: c.id, title: 'Lamps', value: 300 });
    const bos = await admin.leads.create({ customerId: c.id, title: 'Sofa', value: 1890, assigneeId: boId });

    expect((await ana.leads.list({})).items.map((l) => l.title).sort()).toEqual(['Dining set', 'Lamps']);
    expect((await bo.leads.list({})).items.map((l) => l.title).sort()).toEqual(['Lamps', 'Sofa']);
    expect((await viewer.leads.list({})).items).toHaveLength(3);
    expect((await admin.customers.get({ id: c.id })).leads).toHaveLength(3);
    expect((await ana.customers.get({ id: c.id })).leads).toHaveLength(2);

    expect((await errorOf(ana.leads.get({ id: bos.id }))).message).toBe(`Lead ${bos.id} is assigned to sales user; only they or an admin can work on it`);
    expect((await errorOf(ana.leads.moveStage({ id: bos.id, stage: 'contacted' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(ana.notes.create({ leadId: bos.id, body: 'peek' }))).code).toBe('FORBIDDEN');
    // Claiming an unassigned lead is fine; handing it to a colleague is an admin's job.
    expect((await ana.leads.update({ id: open.id, assigneeId: anaId })).assigneeId).toBe(anaId);
    expect((await errorOf(ana.leads.update({ id: open.id, assigneeId: boId }))).code).toBe('FORBIDDEN');
    expect((await errorOf(viewer.leads.update({ id: open.id, title: 'x' }))).code).toBe('FORBIDDEN');
    expect((await ana.leads.totals({})).find((t) => t.stage === 'new')!.count).toBe(2);
  });

  it('moves through stages with probabilities, needs a reason to lose, and totals per stage', async () => {
    const { admin } = await team();
    const c = await admin.customers.create({ name: 'Dan', email: 'dan@example.com' });
    const a = await admin.leads.create({ customerId: c.id, title: 'A', value: 1000 });
    const b = await admin.leads.create({ customerId: c.id, title: 'B', value: 500.5 });
    expect((await admin.leads.moveStage({ id: a.id, stage: 'proposal' })).probability).toBe(0.6);
    expect((await errorOf(admin.leads.moveStage({ id: b.id, stage: 'lost' }))).message).toBe('lostReason: is needed when a lead is lost');
    const lost = await admin.leads.moveStage({ id: b.id, stage: 'lost', lostReason: 'Bought elsewhere' });
    expect(lost).toMatchObject({ stage: 'lost', lostReason: 'Bought elsewhere', probability: 0 });
    expect((await admin.leads.moveStage({ id: b.id, stage: 'qualified' })).lostReason).toBeNull();
    const totals = await admin.leads.totals({});
    expect(totals.map((t) => t.stage)).toEqual(['new', 'contacted', 'qualified', 'proposal', 'won', 'lost']);
    expect(totals.find((t) => t.stage === 'proposal')).toEqual({ stage: 'proposal', probability: 0.6, count: 1, value: { EUR: 1000 }, weighted: { EUR: 600 } });
    expect(totals.find((t) => t.stage === 'qualified')).toMatchObject({ count: 1, value: { EUR: 500.5 }, weighted: { EUR: 200.2 } });
    const audit = await admin.audit.list({ entity: 'lead', entityId: String(b.id) });
    expect(audit.items.map((e) => [e.action, e.details])).toEqual([
      ['lead.stage', { from: 'lost', to: 'qualified' }],
      ['lead.stage', { from: 'new', to: 'lost' }],
      ['lead.create', expect.objectContaining({ value: 500.5 })],
    ]);
  });
});

describe('customers', () => {
  it('normalises, refuses duplicates with CONFLICT, searches, and audits changed fields without their values', async () => {
    const { admin, ana, viewer } = await team();
    const c = await ana.customers.create({ name: 'Eva Berg', email: 'Eva@Example.com', phone: '030 1234567', country: 'de', company: 'Berg, Holm & Co' });
    expect(c).toMatchObject({ email: 'eva@example.com', phone: '+49301234567', country: 'DE', source: 'staff' });
    expect((await errorOf(ana.customers.create({ email: 'eva@example.com' }))).code).toBe('CONFLICT');
    expect((await errorOf(ana.customers.create({ name: 'No contact' }))).message).toBe('email: give an email address or a phone number');
    expect((await errorOf(ana.customers.create({ email: 'x@example.com', country: 'XX' }))).message).toMatch(/^country: "XX" is not a two-letter country code/);
    expect((await errorOf(viewer.customers.create({ email: 'v@example.com' }))).code).toBe('FORBIDDEN');
    await ana.customers.update({ id: c.id, phone: '+44 20 7946 0958', city: 'London' });
    expect((await admin.customers.list({ search: 'holm' })).items.map((x) => x.id)).toEqual([c.id]);
    expect((await admin.customers.list({ search: '%' })).items).toEqual([]);
    const audit = await admin.audit.list({ entity: 'customer', entityId: String(c.id) });
    expect(audit.items[0]).toMatchObject({ action: 'customer.update', details: { fields: ['phone', 'city'] } });
    expect(JSON.stringify(audit.items)).not.toMatch(/London|7946|Eva/);
  });
});

describe('notes, tasks, orders and requests', () => {
  it('keeps notes per author, lists tasks due today for the caller, and makes a quote from the cart', async () => {
    const { admin, ana, bo, anaId } = await team();
    const visitor = env.anonymous();
    const auth = await visitor.session.start({ visitorId: '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', mode: 'desktop' });
    await visitor.shop.addToCart({ ...auth, productId: 'aria-dining-table', variantId: 'walnut' });
    await visitor.shop.addToCart({ ...auth, productId: 'oslo-chair', variantId: 'terracotta', quantity: 4 });
    await visitor.shop.requestContact({ ...auth, channel: 'form', name: 'Fay', email: 'fay@example.com' });
    const customerId = (await admin.customers.list({})).items[0]!.id;

    const note = await ana.notes.create({ customerId, body: 'Wants delivery in May' });
    expect(note).toMatchObject({ authorId: anaId, body: 'Wants delivery in May' });
    expect((await errorOf(bo.notes.update({ id: note.id, body: 'changed' }))).code).toBe('FORBIDDEN');
    expect((await admin.notes.update({ id: note.id, body: 'Wants delivery in early May' })).body).toBe('Wants delivery in early May');
    expect((await bo.notes.list({ customerId })).map((n) => n.body)).toEqual(['Wants delivery in early May']);
    expect((await errorOf(ana.notes.create({ body: 'where?' } as never))).message).toBe('customerId: give either a customerId or a leadId');

    await ana.tasks.create({ customerId, title: 'Call about delivery', dueDate: '2025-05-02' });
    await ana.tasks.create({ customerId, title: 'Send fabric samples', dueDate: '2025-05-01' });
    await bo.tasks.create({ customerId, title: 'Bo\'s task', dueDate: '2025-05-02' });
    const today = await ana.tasks.list({ assignee: 'me', due: 'today', today: '2025-05-02' });
    expect(today.map((t) => [t.title, t.customerName, t.assigneeName])).toEqual([['Call about delivery', 'Fay', 'sales user']]);
    const overdue = await ana.tasks.list({ assignee: 'me', due: 'overdue', today: '2025-05-02' });
    expect(overdue.map((t) => t.title)).toEqual(['Send fabric samples']);
    await ana.tasks.update({ id: overdue[0]!.id, done: true });
    expect(await ana.tasks.list({ assignee: 'me', due: 'overdue', today: '2025-05-02' })).toEqual([]);
    expect((await errorOf(ana.tasks.create({ customerId, title: 'x', dueDate: '2025-02-30' }))).message).toBe('dueDate: is not a real date');

    const quote = await ana.orders.createFromCart({ customerId, kind: 'quote' });
    expect(quote).toMatchObject({ kind: 'quote', status: 'open', currency: 'EUR', total: 1540 + 4 * 259, customerName: 'Fay' });
    expect(quote.items.map((i) => [i.productId, i.variantName, i.quantity, i.unitPrice])).toEqual([
      ['aria-dining-table', expect.any(String), 1, 1540],
      ['oslo-chair', expect.any(String), 4, 259],
    ]);
    expect((await ana.orders.setStatus({ id: quote.id, status: 'sent' })).status).toBe('sent');
    const empty = await admin.customers.create({ email: 'nocart@example.com' });
    expect((await errorOf(ana.orders.createFromCart({ customerId: empty.id, kind: 'order' }))).message).toMatch(/cart is empty/);

    const [request] = (await ana.serviceRequests.list({})).items;
    expect(request).toMatchObject({ channel: 'form', customerId, customerName: 'Fay', status: 'open' });
    await ana.serviceRequests.setStatus({ id: request!.id, status: 'closed' });
    expect((await ana.serviceRequests.list({})).items).toEqual([]);
    expect((await ana.serviceRequests.list({ status: 'closed' })).items[0]).toMatchObject({ closedBy: anaId });
  });
});

describe('staff accounts', () => {
  it('admins create and disable users; a disabled user is logged out at once; the last admin stays', async () => {
    const admin = await env.staff('admin');
    const me = await admin.staff.me();
    const created = await admin.users.create({ email: 'Gus@Example.com', name: 'Gus', role: 'sales', password: 'a long enough password' });
    expect(created).toMatchObject({ email: 'gus@example.com', role: 'sales', disabled: false });
    expect((await errorOf(admin.users.create({ email: 'gus@example.com', name: 'Gus 2', role: 'viewer', password: 'a long enough password' }))).code).toBe('CONFLICT');
    const gus = env.anonymous();
    await gus.staff.login({ email: 'gus@example.com', password: 'a long enough password' });
    expect((await gus.staff.me()).name).toBe('Gus');
    await admin.users.update({ id: created.id, disabled: true });
    expect((await errorOf(gus.staff.me())).code).toBe('UNAUTHORIZED');
    expect((await errorOf(admin.users.update({ id: me.id, role: 'viewer' }))).message).toMatch(/cannot disable your own account or take away your own admin role/);
    expect((await errorOf(admin.users.update({ id: me.id, disabled: true }))).code).toBe('BAD_REQUEST');
    expect((await admin.users.directory()).map((u) => u.id)).toEqual([me.id]);
    const audit = await admin.audit.list({ entity: 'user' });
    expect(audit.items.map((e) => [e.action, e.actor])).toEqual([
      ['user.disable', me.email],
      ['user.create', me.email],
    ]);
  });

  it('limits failed logins per account with a clear 429, while other accounts still log in', async () => {
    const admin = await env.staff('admin');
    const { email } = await admin.staff.me();
    const attacker = env.anonymous();
    for (let i = 0; i < 10; i++) expect((await errorOf(attacker.staff.login({ email, password: `guess number ${i}` }))).code).toBe('UNAUTHORIZED');
    const blocked = await errorOf(attacker.staff.login({ email, password: 'correct horse battery' }));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.message).toBe('Too many failed logins for this account from this address; try again in 15 minutes');
    // A different account from the same address is not locked out by these ten failures.
    await env.staff('viewer');
  });
});
