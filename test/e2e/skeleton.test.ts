// End to end on the real server: the showroom renders products, a click is logged, staff see it after login.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, settledScreenshot, watchPage, waitForShowroom } from '../helpers/browser';
import { decodePng, hueShare, imageStats } from '../helpers/image';
import { runCli, startTestServer, type TestServer } from '../helpers/server';
import { useSharedBrowser } from '../helpers/sharedBrowser';

const shared = useSharedBrowser();

let server: TestServer;
const shots = path.resolve('test-results');
const STAFF = { email: 'ana@example.com', password: 'showroom-test-pass' };

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startTestServer();
  const created = runCli(['user', 'add', '--email', STAFF.email, '--name', 'Ana', '--role', 'sales', '--password-stdin'], {
    dataDir: server.dataDir,
    input: `${STAFF.password}\n`,
  });
  expect(created.stderr).toBe('');
  expect(created.stdout).toMatch(/Created sales ana@example.com/);
});

afterAll(async () => {
  await server?.stop();
});

describe('walking skeleton', () => {
  it('renders the showroom with products, logs a product click, and shows it to staff', { timeout: 120_000 }, async () => {
    const page = await shared.page({ viewport: { width: 1280, height: 720 } });
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/`);
    await waitForShowroom(page);
    // Stand in the seating zone with the armchair in view.
    expect(await page.evaluate(() => window.showroomDebug!.standBefore('bergen-armchair', 2.6, 0.25))).toBe(true);
    await page.waitForFunction(() => window.showroomDebug!.productScreenPoint('bergen-armchair') !== null, undefined, { timeout: 10_000 });
    const shot = decodePng(await settledScreenshot(page, { path: path.join(shots, 'showroom.png') }));
    const stats = imageStats(shot);
    expect(stats.lumaStdDev, 'the picture has contrast, not one flat colour').toBeGreaterThan(12);
    expect(stats.distinctColours).toBeGreaterThan(40);

    // The Bergen armchair's moss-green default shows where the scene says it is.
    const chair = await page.evaluate(() => window.showroomDebug!.productScreenPoint('bergen-armchair'));
    expect(chair, 'the armchair is in view').not.toBeNull();
    expect(hueShare(shot, chair!.x, chair!.y, 6, '#4f6b3a')).toBeGreaterThan(0.3);

    await clickAt(page, chair!);
    // The product panel opens in the scene (it is drawn by WebGL, so the debug handle reports it).
    await page.waitForFunction(() => window.showroomDebug!.state().panel === 'product', undefined, { timeout: 15_000 });
    expect(await page.evaluate(() => window.showroomDebug!.state().selectedId)).toBe('bergen-armchair');
    await page.waitForFunction(() => window.showroomDebug!.objectScreenPoint('panel-add-to-cart') !== null, undefined, { timeout: 30_000, polling: 500 });
    await page.screenshot({ path: path.join(shots, 'showroom-panel.png') });

    const sessionId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('showroom.session')!).sessionId as string);

    const staff = await shared.page({ viewport: { width: 1280, height: 800 } });
    const staffWatch = watchPage(staff, server.url);
    await staff.goto(`${server.url}/staff`);
    await staff.getByLabel('Email').fill(STAFF.email);
    await staff.getByLabel('Password').fill('wrong password!');
    await staff.getByRole('button', { name: 'Log in' }).click();
    await staff.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    await staff.getByLabel('Password').fill(STAFF.password);
    await staff.getByRole('button', { name: 'Log in' }).click();
    await staff.getByRole('heading', { name: 'Sessions' }).waitFor();
    await staff.locator(`a[href="/staff/sessions/${sessionId}"]`).click();
    const row = staff.getByRole('row').filter({ hasText: 'product_select' });
    await expect.poll(async () => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).toContain('bergen-armchair');
    expect(await row.textContent()).toContain('mouse');
    await staff.screenshot({ path: path.join(shots, 'staff-session.png') });

    expect(watch.foreign).toEqual([]);
    expect(staffWatch.foreign).toEqual([]);
    expect(watch.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  it('sends staff pages nothing without a login', { timeout: 30_000 }, async () => {
    const res = await fetch(`${server.url}/trpc/staff.sessions?input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Log in as staff to do this');
  });

  it('gives a malformed ingest over HTTP a 400 that names the field', { timeout: 30_000 }, async () => {
    const start = await fetch(`${server.url}/trpc/session.start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId: '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', mode: 'desktop' }),
    });
    const { sessionId, token } = ((await start.json()) as { result: { data: { sessionId: string; token: string } } }).result.data;
    const res = await fetch(`${server.url}/trpc/session.ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, token, events: [{ id: 'x', seq: 0, ts: Date.now(), type: 'product_select', input: 'mouse', productId: 'oslo-chair' }] }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^events\[0\]\.id: must be a lower-case UUID version 7/);
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });
});
