// The shopping flow in a real browser on the real server: select, switch variant (pixels change colour), inspect,
// add to cart, wishlist, edit the cart, ask a salesperson; every step reaches the database in order.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, pressInScene, settledScreenshot, watchPage, waitForShowroom } from '../helpers/browser';
import { decodePng, hueShare, imageStats } from '../helpers/image';
import { runCli, startTestServer, type TestServer } from '../helpers/server';
import { useSharedBrowser } from '../helpers/sharedBrowser';

const shared = useSharedBrowser();

let server: TestServer;
const shots = path.resolve('test-results');
const STAFF = { email: 'sam@example.com', password: 'showroom-test-pass-2' };

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startTestServer();
  const created = runCli(['user', 'add', '--email', STAFF.email, '--name', 'Sam', '--role', 'sales', '--password-stdin'], { dataDir: server.dataDir, input: `${STAFF.password}\n` });
  expect(created.status).toBe(0);
});

afterAll(async () => {
  await server?.stop();
});

/** The session's events as staff see them (login over HTTP, then staff.session). */
async function staffEvents(sessionId: string): Promise<{ seq: number; type: string; productId: string | null; variantId: string | null; props: Record<string, unknown> }[]> {
  const login = await fetch(`${server.url}/trpc/staff.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(STAFF) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await fetch(`${server.url}/trpc/staff.session?input=${encodeURIComponent(JSON.stringify({ id: sessionId, limit: 500 }))}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: { events: { seq: number; type: string; productId: string | null; variantId: string | null; props: Record<string, unknown> }[] } } };
  return body.result.data.events;
}

describe('showroom shopping flow', () => {
  it('selects, recolours, inspects, adds to cart and wishlist, edits the cart and asks for a salesperson, all logged in order', { timeout: 360_000 }, async () => {
    const page = await shared.page({ viewport: { width: 1280, height: 720 } });
    // SwiftShader on two shared cores: a frame can take a while.
    page.setDefaultTimeout(60_000);
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/`);
    await waitForShowroom(page);
    expect(await page.evaluate(() => window.showroomDebug!.firstFrameAt)).toBeGreaterThan(0);

    const room = decodePng(await page.screenshot({ path: path.join(shots, 'flow-0-room.png') }));
    expect(imageStats(room).lumaStdDev, 'the room is drawn, not a flat colour').toBeGreaterThan(10);

    expect(await page.evaluate(() => window.showroomDebug!.standBefore('bergen-armchair', 2.4, 0.3))).toBe(true);
    await page.waitForFunction(() => window.showroomDebug!.productScreenPoint('bergen-armchair') !== null, undefined, { timeout: 10_000 });
    await settledScreenshot(page);
    const chair = (await page.evaluate(() => window.showroomDebug!.productScreenPoint('bergen-armchair')))!;
    expect(chair, 'the armchair is in view').not.toBeNull();
    const before = decodePng(await page.screenshot({ path: path.join(shots, 'flow-1-moss.png') }));
    expect(hueShare(before, chair.x, chair.y, 10, '#4f6b3a'), 'moss-green armchair').toBeGreaterThan(0.3);

    // Hover, then select with a real click.
    await page.mouse.move(chair.x, chair.y);
    await page.waitForFunction(() => window.showroomDebug!.state().hoveredId === 'bergen-armchair');
    await clickAt(page, chair);
    await page.waitForFunction(() => window.showroomDebug!.state().panel === 'product');

    // Switch to cognac leather: the armchair's pixels turn from green to brown.
    await pressInScene(page, 'swatch-cognac');
    await page.waitForFunction(() => window.showroomDebug!.state().variantId === 'cognac');
    const after = decodePng(await settledScreenshot(page, { path: path.join(shots, 'flow-2-cognac.png') }));
    expect(hueShare(after, chair.x, chair.y, 10, '#4f6b3a'), 'no moss green left').toBeLessThan(0.1);
    expect(hueShare(after, chair.x, chair.y, 10, '#8a4b22'), 'cognac brown now').toBeGreaterThan(0.3);

    // Inspect: the product floats ahead; dragging it (pointer capture) turns it.
    await pressInScene(page, 'panel-inspect');
    await page.waitForFunction(() => window.showroomDebug!.state().inspecting);
    const turned0 = decodePng(await settledScreenshot(page));
    const held = (await page.evaluate(() => window.showroomDebug!.objectScreenPoint('inspect-bergen-armchair')))!;
    await page.mouse.move(held.x, held.y);
    await page.mouse.down();
    for (let i = 1; i <= 4; i++) await page.mouse.move(held.x + i * 40, held.y);
    await page.mouse.up();
    const turned1 = decodePng(await settledScreenshot(page, { path: path.join(shots, 'flow-3-inspect.png') }));
    let changed = 0;
    for (let y = held.y - 60; y <= held.y + 60; y += 6) for (let x = held.x - 60; x <= held.x + 60; x += 6) if (turned0.at(x, y).some((c, k) => Math.abs(c - turned1.at(x, y)[k]!) > 24)) changed++;
    expect(changed, 'the drag turned the inspected product').toBeGreaterThan(20);
    expect(await page.evaluate(() => window.showroomDebug!.state().panel), 'dragging does not close the panel').toBe('product');
    await pressInScene(page, 'panel-inspect');
    await page.waitForFunction(() => !window.showroomDebug!.state().inspecting);

    // Cart and wishlist, saved on the server.
    await pressInScene(page, 'panel-add-to-cart');
    await page.getByRole('button', { name: 'Cart 1 · Wishlist 0' }).waitFor();
    await pressInScene(page, 'panel-wishlist');
    await page.getByRole('button', { name: 'Cart 1 · Wishlist 1' }).waitFor();

    // Review and edit the cart in its in-scene view: one more, then remove the line.
    await page.getByRole('button', { name: 'Cart 1 · Wishlist 1' }).click();
    await page.waitForFunction(() => window.showroomDebug!.state().panel === 'bag');
    await settledScreenshot(page, { path: path.join(shots, 'flow-4-cart.png') });
    await pressInScene(page, 'cart-more-bergen-armchair-cognac');
    await page.getByRole('button', { name: 'Cart 2 · Wishlist 1' }).waitFor();
    await pressInScene(page, 'cart-remove-bergen-armchair-cognac');
    await page.getByRole('button', { name: 'Cart 0 · Wishlist 1' }).waitFor();

    // Ask a salesperson from the product panel: a short form on desktop that explains what it needs.
    const chairAgain = (await page.evaluate(() => window.showroomDebug!.productScreenPoint('bergen-armchair')))!;
    await clickAt(page, chairAgain);
    await page.waitForFunction(() => window.showroomDebug!.state().panel === 'product');
    await pressInScene(page, 'panel-ask');
    const form = page.getByRole('dialog', { name: 'Ask a salesperson' });
    await form.waitFor();
    await form.getByLabel('Name').fill('Ada Lund');
    await form.getByRole('button', { name: 'Send request' }).click();
    await form.getByRole('alert').filter({ hasText: 'email address or a phone number' }).waitFor();
    await form.getByLabel('Email').fill('ada@example.com');
    await form.getByLabel('Message').fill('Is the cognac leather in stock?');
    await page.screenshot({ path: path.join(shots, 'flow-5-form.png') });
    await form.getByRole('button', { name: 'Send request' }).click();
    await form.waitFor({ state: 'detached' });

    const sessionId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('showroom.session')!).sessionId as string);
    const wanted: [string, Record<string, unknown>?][] = [
      ['product_hover_start'],
      ['product_select'],
      ['variant_change', { from: 'moss' }],
      ['inspect_start'],
      ['inspect_end'],
      ['cart_add', { quantity: 1 }],
      ['wishlist_add'],
      ['cart_add', { quantity: 1 }],
      ['cart_remove', { quantity: 2 }],
      ['product_select'],
      ['contact_request', { channel: 'form' }],
    ];
    // Delivery batches every couple of seconds: poll until the last one has arrived.
    await expect.poll(async () => (await staffEvents(sessionId)).some((e) => e.type === 'contact_request'), { timeout: 20_000, interval: 1000 }).toBe(true);
    const events = (await staffEvents(sessionId)).filter((e) => e.productId === 'bergen-armchair' && !e.type.startsWith('product_hover_end'));
    let at = 0;
    for (const [type, props] of wanted) {
      const i = events.findIndex((e, k) => k >= at && e.type === type);
      expect(i, `${type} after position ${at} in ${events.map((e) => e.type).join(', ')}`).toBeGreaterThanOrEqual(0);
      if (props) expect(events[i]!.props).toMatchObject(props);
      at = i + 1;
    }
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events.find((e) => e.type === 'variant_change')!.variantId).toBe('cognac');
    expect(events.find((e) => e.type === 'inspect_end')!.props.durationMs as number).toBeGreaterThan(0);

    // The cart and wishlist outlive the page: a reload in the same browser shows them again.
    await page.reload();
    await waitForShowroom(page);
    await page.getByRole('button', { name: 'Cart 0 · Wishlist 1' }).waitFor();

    expect(watch.foreign, 'no request left the app').toEqual([]);
    expect(watch.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
