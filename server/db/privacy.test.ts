// Erasing a customer leaves no trace in any table (found from the schema, so later tables are checked too); exporting returns all of it.
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

const ANA = { name: 'Ana Lima', email: 'ana.lima@example.com', phone: '+4915123456789' };
const BO = { name: 'Bo Holm', email: 'bo.holm@example.com', phone: '+4915199887766' };
const REFERENCE_COLUMNS = ['visitor_id', 'session_id', 'customer_id', 'lead_id'];

/** A customer with two browsers, sessions before and after the form, events, cart, wishlist, requests, lead, notes, tasks, a quote. */
async function customerWithHistory(who: typeof ANA, visitorIds: [string, string]) {
  const db = env.deps.db;
  const sessions: string[] = [];
  const visit = async (visitorId: string) => {
    const caller = env.anonymous();
    const auth = await caller.session.start({ visitorId, mode: 'vr' });
    sessions.push(auth.sessionId);
    const t = Date.now();
    await caller.session.ingest({
      ...auth,
      events: [
        { id: uuidv7(), seq: 0, ts: t, type: 'session_start', input: 'system', props: { mode: 'vr' } },
        { id: uuidv7(), seq: 1, ts: t + 10, type: 'product_select', input: 'controller', productId: 'fjord-sofa', props: {} },
      ],
    });
    return { caller, auth };
  };
  const first = await visit(visitorIds[0]);
  await first.caller.shop.addToCart({ ...first.auth, productId: 'fjord-sofa', variantId: 'oat' });
  await first.caller.shop.addToWishlist({ ...first.auth, productId: 'halo-floor-lamp', variantId: 'ochre' });
  await first.caller.shop.requestContact({ ...first.auth, channel: 'one-press', productId: 'fjord-sofa' });
  const form = await visit(visitorIds[0]);
  await form.caller.shop.requestContact({ ...form.auth, channel: 'form', ...who, message: `Please call ${who.name}` });
  const second = await visit(visitorIds[1]);
  await second.caller.shop.requestContact({ ...second.auth, channel: 'form', name: who.name, email: who.email });
  await second.caller.shop.addToCart({ ...second.auth, productId: 'oslo-chair', variantId: 'sand', quantity: 2 });
  const customerId = db.prepare('SELECT id FROM customers WHERE email = ?').pluck().get(who.email) as number;
  const leadId = db.prepare('SELECT id FROM leads WHERE customer_id = ?').pluck().get(customerId) as number;
  const sales = await env.staff('sales');
  await sales.notes.create({ customerId, body: `${who.name} prefers mornings` });
  await sales.notes.create({ leadId, body: `Sofa for ${who.name}` });
  await sales.tasks.create({ customerId, title: `Call ${who.name}`, dueDate: '2025-05-02' });
  await sales.tasks.create({ leadId, title: 'Send quote' });
  await sales.orders.createFromCart({ customerId, leadId, kind: 'quote' });
  // Pose data as a telemetry table might keep it: a chunk per session, no declared foreign key.
  for (const s of sessions) db.prepare('INSERT INTO pose_archive (session_id, t0, data) VALUES (?, ?, ?)').run(s, Date.now(), Buffer.from(`head pose of ${who.email}`));
  return { customerId, leadIds: [leadId], visitorIds, sessions };
}

function tablesWithReferences(): { table: string; column: string }[] {
  const db = env.deps.db;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return tables.flatMap((table) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((c) => REFERENCE_COLUMNS.includes(c)).map((column) => ({ table, column })),
  );
}

function rowCounts(): Record<string, number> {
  const db = env.deps.db;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/** Every text or blob value in the database that contains `needle`, as "table.column". */
function findAnywhere(needle: string): string[] {
  const db = env.deps.db;
  const hits: string[] = [];
  for (const table of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[]) {
    for (const column of db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]) {
      const n = db.prepare(`SELECT count(*) FROM "${table}" WHERE instr(CAST("${column}" AS BLOB), CAST(? AS BLOB)) > 0`).pluck().get(needle) as number;
      if (n > 0) hits.push(`${table}.${column}`);
    }
  }
  return hits;
}

beforeEach(() => {
  env.deps.db.exec(`
    -- Tables added later with no erase code and no foreign key: found by their reference columns.
    CREATE TABLE pose_archive (session_id TEXT NOT NULL, t0 INTEGER NOT NULL, data BLOB NOT NULL);
    CREATE TABLE product_daily (product_id TEXT NOT NULL, day TEXT NOT NULL, selects INTEGER NOT NULL);
    INSERT INTO product_daily VALUES ('fjord-sofa', '2025-05-01', 4);`);
});

describe('erasing a customer', () => {
  it('removes every row of the customer from every table that refers to visitors, sessions, customers or leads, and nothing else', async () => {
    const ana = await customerWithHistory(ANA, ['0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5']);
    const bo = await customerWithHistory(BO, ['9d6f3c1a-2b7e-4f10-8a3c-5e2d1f0a9b87', '2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6']);
    const admin = await env.staff('admin');
    const before = rowCounts();
    // Sanity: the customer's data really is spread over these tables before the erase.
    const anaIds: Record<string, (string | number)[]> = { visitor_id: ana.visitorIds, session_id: ana.sessions, customer_id: [ana.customerId], lead_id: ana.leadIds };
    const refs = tablesWithReferences();
    const holding = refs.filter(({ table, column }) => (env.deps.db.prepare(`SELECT count(*) FROM "${table}" WHERE "${column}" IN (${anaIds[column]!.map(() => '?').join(',')})`).pluck().get(...anaIds[column]!) as number) > 0);
    expect(holding.map((h) => h.table)).toEqual(expect.arrayContaining(['sessions', 'events', 'cart_items', 'wishlist_items', 'service_requests', 'leads', 'lead_products', 'notes', 'tasks', 'orders', 'pose_archive']));

    const result = await admin.customers.erase({ id: ana.customerId });
    expect(result.walCheckpointed).toBe(true);
    expect(result.deleted).toMatchObject({ customers: 1, visitors: 2, sessions: 3, events: 6, pose_archive: 3, notes: 2, tasks: 2, orders: 1, order_items: 2 });

    for (const { table, column } of refs) {
      const ids = anaIds[column]!;
      const left = env.deps.db.prepare(`SELECT count(*) FROM "${table}" WHERE "${column}" IN (${ids.map(() => '?').join(',')})`).pluck().get(...ids);
      expect(left, `${table}.${column} still holds the erased customer's rows`).toBe(0);
    }
    for (const needle of [ANA.email, ANA.name, ANA.phone.slice(3), 'Lima', ...ana.visitorIds, ...ana.sessions]) {
      expect(findAnywhere(needle), `"${needle}" is still stored`).toEqual([]);
    }
    // The other customer and the aggregates are untouched.
    const after = rowCounts();
    for (const table of ['product_daily', 'products', 'staff_users']) expect(after[table]).toBe(before[table]);
    expect(findAnywhere(BO.email).length).toBeGreaterThan(0);
    expect(env.deps.db.pragma('foreign_key_check')).toEqual([]);
    expect(env.deps.db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const table of ['sessions', 'events', 'pose_archive', 'leads', 'notes', 'tasks', 'orders']) expect(after[table], table).toBe(before[table]! / 2);
    expect(after.customers).toBe(1);
    expect(findAnywhere(bo.sessions[0]!).length).toBeGreaterThan(0);

    // Not even in the file's free pages or the write-ahead log.
    const file = path.join(env.dir, 'showroom.sqlite');
    for (const f of [file, `${file}-wal`].filter((f) => fs.existsSync(f))) {
      expect(fs.readFileSync(f).includes(Buffer.from(ANA.email)), `${path.basename(f)} still contains the email`).toBe(false);
    }
    const audit = await admin.audit.list({ entity: 'customer', entityId: String(ana.customerId) });
    expect(audit.items[0]).toMatchObject({ action: 'customer.erase', actorId: (await admin.staff.me()).id });
  });

  it('exports every row of one customer as JSON, and nobody else\'s', async () => {
    const ana = await customerWithHistory(ANA, ['0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5']);
    await customerWithHistory(BO, ['9d6f3c1a-2b7e-4f10-8a3c-5e2d1f0a9b87', '2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6']);
    const admin = await env.staff('admin');
    const data = await admin.customers.exportData({ id: ana.customerId });
    expect(data.format).toBe('showroom-customer-export/1');
    expect(data.tables.customers).toEqual([expect.objectContaining({ email: ANA.email, phone: ANA.phone })]);
    expect(data.tables.sessions!.map((s) => s.id).sort()).toEqual([...ana.sessions].sort());
    expect(data.tables.events).toHaveLength(6);
    expect(data.tables.pose_archive!.map((p) => Buffer.from(p.data as string, 'base64').toString())).toEqual(Array(3).fill(`head pose of ${ANA.email}`));
    expect(Object.keys(data.tables)).toEqual(expect.arrayContaining(['visitors', 'cart_items', 'wishlist_items', 'service_requests', 'leads', 'lead_products', 'notes', 'tasks', 'orders', 'order_items']));
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/bo\.holm|Bo Holm|token_hash/);
    expect((await admin.audit.list({ entity: 'customer' })).items[0]).toMatchObject({ action: 'customer.export' });
  });
});
