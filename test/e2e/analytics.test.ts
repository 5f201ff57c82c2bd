// Analytics in a real browser: seeded visits over HTTP, the Analytics page draws its charts with the seeded numbers and
// exports its table; in the showroom the product panel offers "You may also like" and a press on it is logged.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSession, rng } from '../helpers/analyticsFixture';
import { clickAt, downloadText, settledScreenshot, steadyScreenPoint, watchPage } from '../helpers/browser';
import { storedEvents } from '../helpers/events';
import { decodePng, imageStats } from '../helpers/image';
import { root, runCli, startTestServer, type TestServer } from '../helpers/server';
import { httpClient } from '../helpers/trpcHttp';
import { injectIWER, waitForXRSession, waitFrames, xrClick, xrPressInScene, xrRemote, aimAt } from '../helpers/xr';
import { loadCatalogFile } from '../../server/catalog-loader';
import type { TelemetryEvent } from '../../server/contracts/events';
import { useSharedBrowser } from '../helpers/sharedBrowser';

const shared = useSharedBrowser();

let server: TestServer;
const shots = path.resolve('test-results/analytics');
const STAFF = { email: 'vic@example.com', password: 'analytics-test-pass' };
const sent: TelemetryEvent[][] = [];

/** Visits of today through session.start and session.ingest, as browsers would send them. */
async function seed() {
  const catalog = loadCatalogFile(path.join(root, 'assets'));
  const random = rng(11);
  const today = Math.floor(Date.now() / 86_400_000);
  const visits = Array.from({ length: 30 }, () => makeSession(catalog, today, random));
  // Three visitors who looked at the armchair and the Oslo chair: enough for the public list to show the pair.
  for (let i = 0; i < 3; i++) {
    const t = Date.now() - 60_000;
    const ev = (seq: number, productId: string) => ({ id: v7(), seq, ts: t + seq * 1000, type: 'dwell_end', input: 'gaze', productId, props: { durationMs: 2000 + i * 500 } });
    visits.push({ mode: 'desktop', startedAt: t, events: [ev(0, 'bergen-armchair'), ev(1, 'oslo-chair')] as TelemetryEvent[] });
  }
  for (const v of visits) {
    const c = httpClient(server.url);
    const auth = await c.session.start.mutate({ visitorId: crypto.randomUUID(), mode: v.mode });
    for (let o = 0; o < v.events.length; o += 100) await c.session.ingest.mutate({ ...auth, events: v.events.slice(o, o + 100) as never });
    sent.push(v.events);
  }
}

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startTestServer();
  const created = runCli(['user', 'add', '--email', STAFF.email, '--name', 'Vic', '--role', 'viewer', '--password-stdin'], { dataDir: server.dataDir, input: `${STAFF.password}\n` });
  expect(created.status).toBe(0);
  await seed();
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/** What the seeded visits should produce, counted from the events sent. */
function expected() {
  const looked = (e: TelemetryEvent) => e.type === 'dwell_end' || e.type === 'product_select';
  const sessions = sent.length;
  const lookedSessions = sent.filter((s) => s.some(looked)).length;
  const cartReached = sent.filter((s) => s.some(looked) && s.some((e) => e.type === 'inspect_start') && s.some((e) => e.type === 'variant_change') && s.some((e) => e.type === 'cart_add')).length;
  const viewsOf = (id: string) => sent.filter((s) => s.some((e) => looked(e) && e.productId === id)).length;
  return { sessions, lookedSessions, cartReached, viewsOf };
}

async function chartShot(page: Page, label: string) {
  const el = page.locator(`[data-chart="${label}"]`);
  await el.locator('svg').waitFor();
  const png = await el.screenshot({ path: path.join(shots, `${label.toLowerCase().replace(/ /g, '-')}.png`) });
  expect(imageStats(decodePng(png)).lumaStdDev, `${label} is drawn`).toBeGreaterThan(12);
  return el;
}

describe('analytics page', () => {
  it('draws the funnel, device split, attention ranking and floor heatmap with the seeded numbers, and exports the table', { timeout: 60_000 }, async () => {
    const context = await shared.context({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Email').fill(STAFF.email);
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    const x = expected();

    await page.getByText(`Funnel · ${x.sessions} sessions`).waitFor();
    const funnel = await chartShot(page, 'Funnel');
    const funnelText = await funnel.locator('svg text').allTextContents();
    expect(funnelText).toContain(`${x.sessions} · 100%`);
    expect(funnelText).toContain(`${x.lookedSessions} · ${Math.round((x.lookedSessions / x.sessions) * 100)}%`);
    expect(funnelText.some((t) => t.startsWith(`${x.cartReached} · `))).toBe(true);
    await chartShot(page, 'Device split');
    const ranking = await chartShot(page, 'Attention ranking');
    const first = (await page.locator('table.analytics-products tbody tr').first().locator('td').nth(1).textContent())!;
    expect(await ranking.locator('svg text').allTextContents(), 'the ranking leads with the table\'s first product').toContain(first);
    const heat = await chartShot(page, 'Floor heatmap');
    expect(await heat.locator('svg path').count(), 'floor cells and stands are drawn').toBeGreaterThan(100);

    // The table: the armchair's sessions as seeded, and co-viewed products.
    const row = page.locator('tr[data-product="bergen-armchair"]');
    await expect.poll(async () => (await row.locator('td').nth(2).textContent())?.trim()).toBe(String(x.viewsOf('bergen-armchair')));
    await expect.poll(() => row.locator('td').last().textContent()).toContain('Oslo Chair');
    await page.screenshot({ path: path.join(shots, 'page.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, 'overview.png') });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const rows = parse(await downloadText(await download), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r['Product id'] === 'bergen-armchair')?.['Sessions that looked']).toBe(String(x.viewsOf('bergen-armchair')));
    expect(rows.length).toBe(await page.locator('table.analytics-products tbody tr').count());

    // A bad range is refused with the server's message.
    await page.getByLabel('From').fill('2026-01-10');
    await page.getByLabel('To', { exact: true }).fill('2024-01-05');
    await page.getByRole('alert').first().waitFor();
    expect(watch.foreign, 'no request left the app').toEqual([]);
    await context.close();
  });
});

describe('showroom: you may also like', () => {
  it('shows recommendations in the product panel; a press selects that product and is logged', { timeout: 150_000 }, async () => {
    const page = await shared.page({ viewport: { width: 1280, height: 720 } });
    page.setDefaultTimeout(60_000);
    const watch = watchPage(page, server.url);
    const recs = await httpClient(server.url).recommendations.forProduct.query({ productId: 'bergen-armchair', limit: 3 });
    expect(recs.items).toContainEqual({ productId: 'oslo-chair', reason: 'co-viewed' });
    const pick = recs.items[0]!.productId;
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => {
      const d = window.showroomDebug;
      return !!d && d.frames > 5 && d.models().total > 0 && d.models().loaded >= d.models().total;
    }, undefined, { timeout: 90_000 });
    expect(await page.evaluate(() => window.showroomDebug!.standBefore('bergen-armchair', 2.4, 0.3))).toBe(true);
    await page.waitForFunction(() => window.showroomDebug!.productScreenPoint('bergen-armchair') !== null);
    await settledScreenshot(page);
    const chair = (await page.evaluate(() => window.showroomDebug!.productScreenPoint('bergen-armchair')))!;
    await clickAt(page, chair);
    await page.waitForFunction(() => window.showroomDebug!.state().panel === 'product');

    // Wait for the entry to be drawn and to stop moving, then press it like a visitor.
    const name = `panel-also-${pick}`;
    const p = await steadyScreenPoint(page, name);
    expect(p, 'the "You may also like" entry is on screen').not.toBeNull();
    const shot = decodePng(await page.screenshot({ path: path.join(shots, 'panel-also-like.png') }));
    expect(imageStats(shot).lumaStdDev).toBeGreaterThan(10);
    await clickAt(page, p!);
    await page.waitForFunction((id) => window.showroomDebug!.state().selectedId === id, pick);
    await page.evaluate(() => window.showroomTelemetry!.flush());
    await expect
      .poll(() => storedEvents(server.dataDir).filter((e) => e.type === 'recommendation_click'), { timeout: 20_000, interval: 500 })
      .toEqual([expect.objectContaining({ productId: pick, input: 'mouse', props: { from: 'bergen-armchair', position: 1 } })]);
    await settledScreenshot(page, { path: path.join(shots, 'panel-after-press.png') });
    expect(watch.foreign, 'no request left the app').toEqual([]);
    expect(watch.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });

  it('in a headset shows them on a card beside the product panel; a controller press selects that product and is logged', { timeout: 180_000 }, async () => {
    const page = await shared.page({ viewport: { width: 960, height: 540 } });
    page.setDefaultTimeout(60_000);
    const watch = watchPage(page, server.url);
    const pick = (await httpClient(server.url).recommendations.forProduct.query({ productId: 'bergen-armchair', limit: 3 })).items[0]!.productId;
    await injectIWER(page);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (window.showroomDebug?.frames ?? 0) > 5, undefined, { timeout: 60_000 });
    const sessionId = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('showroom.session')!) as { sessionId: string }).sessionId);
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await waitForXRSession(page);

    // Stand before the armchair, aim the right controller at it and pull the trigger.
    const c = (await page.evaluate(() => window.showroomDebug!.productWorldCenter('bergen-armchair')))!;
    await page.evaluate(([x, z]) => window.showroomDebug!.teleport(x, z), [c.x, c.z + 1.4] as const);
    await waitFrames(page, 2);
    const chair = await page.evaluate((p) => window.showroomDebug!.worldToXROrigin(p), c);
    await xrRemote(page, 'look_at', { device: 'headset', target: chair });
    await aimAt(page, 'controller-right', chair);
    await page.waitForFunction(() => window.showroomDebug!.hoveredProduct() === 'bergen-armchair', undefined, { timeout: 30_000, polling: 50 });
    await xrClick(page, 'controller-right');
    await page.waitForFunction(() => window.showroomDebug!.state().panel === 'product', undefined, { timeout: 20_000 });

    // The recommendations are a card of their own, right of the panel and no lower than it.
    const entry = `panel-also-${pick}`;
    await page.waitForFunction((n) => window.showroomDebug!.objectWorldCenter(n) !== null, entry, { timeout: 20_000 });
    const [card, panel] = await page.evaluate(() => [window.showroomDebug!.objectWorldCenter('also-like-panel'), window.showroomDebug!.objectWorldCenter('product-panel')]);
    expect(card, 'a side card in the headset').not.toBeNull();
    // The panel's own buttons are laid out a frame or two after the card's: wait until a ray finds one.
    await page.waitForFunction(() => window.showroomDebug!.objectScreenPoint('panel-ask') !== null, undefined, { timeout: 20_000 });
    const head = await page.evaluate(() => window.showroomDebug!.viewerPosition());
    const bearing = (p: { x: number; z: number }) => Math.atan2(p.x - head.x, -(p.z - head.z));
    expect(bearing(card!) - bearing(panel!), 'the card sits right of the panel').toBeGreaterThan(0.2);
    await waitFrames(page, 3);
    const shot = decodePng(await page.screenshot({ path: path.join(shots, 'vr-also-like.png') }));
    expect(imageStats(shot).lumaStdDev).toBeGreaterThan(10);

    await xrPressInScene(page, 'controller-right', entry);
    await page.waitForFunction((id) => window.showroomDebug!.state().selectedId === id, pick, { timeout: 20_000 });
    await page.evaluate(() => window.showroomTelemetry!.flush());
    await expect
      .poll(() => storedEvents(server.dataDir).filter((e) => e.sessionId === sessionId && e.type === 'recommendation_click'), { timeout: 20_000, interval: 500 })
      .toEqual([expect.objectContaining({ productId: pick, input: 'controller', props: { from: 'bergen-armchair', position: 1 } })]);
    expect(watch.foreign, 'no request left the app').toEqual([]);
    await page.close();
  });
});
