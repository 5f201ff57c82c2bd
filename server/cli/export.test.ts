// `showroom export`: every dataset and format writes well-formed rows (the million-event memory test is export.slow.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestEnv } from '../../test/helpers/deps';
import { formulaStarts } from '../../test/fixtures/formulaText';
import { runCli } from '../../test/helpers/server';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('export', () => {
  it('writes customers, leads, sessions and events as valid CSV and NDJSON, to stdout or a file', async () => {
    const env = createTestEnv();
    dirs.push(env.dir);
    const visitor = env.anonymous();
    const auth = await visitor.session.start({ visitorId: '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', mode: 'vr' });
    await visitor.shop.addToCart({ ...auth, productId: 'oslo-chair', variantId: 'navy', quantity: 2 });
    await visitor.shop.requestContact({ ...auth, channel: 'form', name: 'Lima, Ana "AL"', email: 'ana@example.com' });
    env.deps.db.close(); // the folder stays for the command (removed after all tests)
    const dataDir = env.dir;

    const customersCsv = runCli(['export', 'customers', '--format', 'csv'], { dataDir });
    expect(customersCsv.status).toBe(0);
    expect(customersCsv.stdout.split('\n')[1]).toMatch(/^1,"Lima, Ana ""AL""",ana@example\.com,/);
    expect(customersCsv.stderr).toMatch(/Exported 1 customers rows as csv to standard output/);

    const leads = runCli(['export', 'leads', '--format', 'ndjson'], { dataDir });
    const lead = JSON.parse(leads.stdout.trim()) as Record<string, unknown>;
    expect(lead).toMatchObject({ customer_email: 'ana@example.com', stage: 'new', value: 498, currency: 'EUR' });
    expect(lead.products).toEqual([{ product_id: 'oslo-chair', variant_id: 'navy', reason: 'cart', quantity: 2, unit_price: 249 }]);

    const out = path.join(dataDir, 'sessions.ndjson');
    runCli(['export', 'sessions', '--format', 'ndjson', '--out', out, '--quiet'], { dataDir });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ id: auth.sessionId, customer_id: 1, mode: 'vr' });
    const future = runCli(['export', 'events', '--format', 'csv', '--since', '2999-01-01'], { dataDir });
    expect(future.stdout).toBe('id,session_id,visitor_id,seq,type,client_ts,server_ts,input,product_id,variant_id,props\n');
    expect(runCli(['export', 'events', '--format', 'csv', '--since', 'yesterday'], { dataDir }).stderr).toMatch(/expected a date like 2025-03-31/);
    expect(runCli(['export', 'orders', '--format', 'csv'], { dataDir }).stderr).toMatch(/Allowed choices are events, sessions, customers, leads/);
  });

  it('writes customer names that a spreadsheet would run as a formula inert, like the dashboard does', () => {
    const env = createTestEnv();
    dirs.push(env.dir);
    const insert = env.deps.db.prepare("INSERT INTO customers (name, email, company, source, created_at, updated_at) VALUES (?, ?, ?, 'showroom', 1, 1)");
    formulaStarts.forEach((name, i) => insert.run(name, `c${i}@example.com`, name));
    env.deps.db.close();
    const out = runCli(['export', 'customers', '--format', 'csv'], { dataDir: env.dir });
    expect(out.status).toBe(0);
    const rows = parse(out.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name)).toEqual(formulaStarts.map((n) => `'${n}`));
    expect(rows.map((r) => r.company)).toEqual(formulaStarts.map((n) => `'${n}`));
    expect(rows.map((r) => r.email)).toEqual(formulaStarts.map((_, i) => `c${i}@example.com`));
  });
});
