// Seeds a running server for the dashboard tests through its real procedures and the operator command: staff, visitors, customers, leads, tasks.
import { v7 } from 'uuid';
import type { EventInput } from '../../server/contracts/events';
import { localDay } from '../../client/dashboard/format';
import { runCli, type TestServer } from '../helpers/server';
import { type HttpClient, httpClient, staffClient } from '../helpers/trpcHttp';

export const PASSWORD = 'dashboard-test-pass';
export const STAFF = {
  admin: { email: 'ada@example.com', name: 'Ada Admin' },
  sales: { email: 'sam@example.com', name: 'Sam Sales' },
  sales2: { email: 'bo@example.com', name: 'Bo Berg' },
  viewer: { email: 'vic@example.com', name: 'Vic Viewer' },
} as const;

/** A visitor's browser: starts a session, logs a few events, fills the cart; returns its auth. */
export async function visit(url: string, visitorId: string, opts: { mode?: 'desktop' | 'vr'; products?: [string, string][]; seconds?: number } = {}) {
  const visitor = httpClient(url);
  const auth = await visitor.session.start.mutate({ visitorId, mode: opts.mode ?? 'desktop' });
  const t = Date.now() - (opts.seconds ?? 60) * 1000;
  const products = opts.products ?? [];
  await visitor.session.ingest.mutate({
    ...auth,
    events: [
      { id: v7(), seq: 0, ts: t, type: 'session_start', input: 'system', props: { mode: opts.mode ?? 'desktop' } },
      // Each product selected, then put in the cart, as the showroom logs it.
      ...products.flatMap(([productId, variantId], i): EventInput[] => [
        { id: v7(), seq: 2 * i + 1, ts: t + (i + 1) * 5000, type: 'product_select' as const, input: 'mouse' as const, productId, variantId, props: {} },
        { id: v7(), seq: 2 * i + 2, ts: t + (i + 1) * 5000 + 2000, type: 'cart_add' as const, input: 'mouse' as const, productId, variantId, props: { quantity: 1 } },
      ]),
      { id: v7(), seq: 2 * products.length + 1, ts: Date.now(), type: 'product_select', input: 'mouse', productId: products[0]?.[0] ?? 'oslo-chair', props: {} },
    ],
  });
  for (const [productId, variantId] of products) await visitor.shop.addToCart.mutate({ ...auth, productId, variantId });
  return { visitor, auth };
}

const day = (offset: number) => localDay(new Date(Date.now() + offset * 86_400_000));

/** Staff accounts from the command line, then a small but realistic CRM. Returns logged-in clients. */
export async function seedDashboard(server: TestServer) {
  for (const [role, u] of Object.entries(STAFF)) {
    const r = runCli(['user', 'add', '--email', u.email, '--name', u.name, '--role', role.replace(/2$/, ''), '--password-stdin'], { dataDir: server.dataDir, input: `${PASSWORD}\n` });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const admin = await staffClient(server.url, STAFF.admin.email, PASSWORD);
  const sales = await staffClient(server.url, STAFF.sales.email, PASSWORD);
  const samId = (await sales.staff.me.query()).id;
  const boId = (await (await staffClient(server.url, STAFF.sales2.email, PASSWORD)).staff.me.query()).id;

  // Showroom visitors who said who they are, one who only pressed the VR button, one who only browsed.
  const greta = await visit(server.url, '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', { products: [['fjord-sofa', 'charcoal'], ['oslo-chair', 'sand']], seconds: 300 });
  await greta.visitor.shop.requestContact.mutate({ ...greta.auth, channel: 'form', productId: 'fjord-sofa', name: 'Greta Lindqvist', email: 'greta@example.com', phone: '+46 70 123 45 67', message: 'Does the sofa come in green?' });
  const vr = await visit(server.url, '1b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a11', { mode: 'vr', products: [['bergen-armchair', 'moss']], seconds: 200 });
  await vr.visitor.shop.requestContact.mutate({ ...vr.auth, channel: 'one-press', productId: 'bergen-armchair' });
  await visit(server.url, '2b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a12', { seconds: 20 });

  // Customers and leads made by staff.
  const acme = await admin.customers.create.mutate({ name: 'Jonas Weber', email: 'jonas@weber-interiors.de', phone: '030 1234567', company: 'Weber Interiors', city: 'Berlin', country: 'DE', consentContact: true });
  const lena = await admin.customers.create.mutate({ name: 'Lena Fischer', email: 'lena@example.com', consentContact: true, consentTracking: true });
  const office = await admin.leads.create.mutate({ customerId: acme.id, title: 'Office lounge furniture', value: 12_400, assigneeId: samId });
  const dining = await admin.leads.create.mutate({ customerId: lena.id, title: 'Dining set for six', value: 3_150, assigneeId: samId });
  const lamps = await admin.leads.create.mutate({ customerId: lena.id, title: 'Reading lamps', value: 420 });
  const hotel = await admin.leads.create.mutate({ customerId: acme.id, title: 'Hotel lobby refit', value: 48_000, assigneeId: boId });
  await admin.leads.moveStage.mutate({ id: dining.id, stage: 'proposal' });
  await admin.leads.moveStage.mutate({ id: hotel.id, stage: 'qualified' });
  const won = await admin.leads.create.mutate({ customerId: lena.id, title: 'Bedroom wardrobe', value: 1_890, assigneeId: samId });
  await admin.leads.moveStage.mutate({ id: won.id, stage: 'won' });
  await sales.notes.create.mutate({ leadId: office.id, body: 'Wants samples of the slate fabric before deciding.' });
  await sales.tasks.create.mutate({ leadId: office.id, title: 'Send fabric samples', dueDate: day(0) });
  await sales.tasks.create.mutate({ customerId: lena.id, title: 'Confirm delivery date', dueDate: day(-2) });
  await sales.tasks.create.mutate({ customerId: acme.id, title: 'Quarterly check-in', dueDate: day(7) });
  return { admin, sales, samId, boId, leads: { office, dining, lamps, hotel, won }, customers: { acme, lena } };
}

export type Seeded = Awaited<ReturnType<typeof seedDashboard>>;
export type { HttpClient };
