// Every device through emulation: VR controllers and hands (IWER), thumbstick movement, and a gamepad.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, holdFor, waitForWalk, watchPage } from '../helpers/browser';
import { storedEvents } from '../helpers/events';
import { startTestServer, type TestServer } from '../helpers/server';
import { aimAt, injectIWER, waitForXRSession, waitFrames, xrClick, xrRemote } from '../helpers/xr';
import { useSharedBrowser } from '../helpers/sharedBrowser';

const shared = useSharedBrowser();

let server: TestServer;
const shots = path.resolve('test-results');
/** Products in the front row, with open aisle before them. */
const PRODUCT = 'oslo-chair';

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

type Vec = { x: number; y: number; z: number };
const sessionOf = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('showroom.session')!).sessionId as string);
const viewer = (page: Page) => page.evaluate(() => window.showroomDebug!.viewerPosition());
const distance = (a: Vec, b: Vec) => Math.hypot(a.x - b.x, a.z - b.z);

/** Waits until the session has an event matching `match`, and returns it. */
async function eventOf(sessionId: string, match: (e: ReturnType<typeof storedEvents>[number]) => boolean) {
  let found: ReturnType<typeof storedEvents>[number] | undefined;
  const deadline = Date.now() + 20_000;
  while (!found && Date.now() < deadline) {
    found = storedEvents(server.dataDir).find((e) => e.sessionId === sessionId && match(e));
    if (!found) await new Promise((r) => setTimeout(r, 500));
  }
  if (!found) {
    const seen = storedEvents(server.dataDir)
      .filter((e) => e.sessionId === sessionId)
      .map((e) => `${e.seq}:${e.type}/${e.input}/${e.productId ?? ''}`);
    expect.fail(`no matching event; the session has: ${seen.join(', ')}`);
  }
  return found;
}

/** Waits until a pointer rests on the product (so a click now will land on it). */
async function waitForHover(page: Page, id: string, hand: 'left' | 'right' = 'right') {
  await page.waitForFunction((p) => window.showroomDebug!.hoveredProduct() === p, id, { timeout: 30_000, polling: 50 }).catch(async (e: unknown) => {
    // Say what the pointer is on instead, and whether an open panel is in the way.
    const seen = await page.evaluate((h) => {
      const d = window.showroomDebug!;
      return { hovered: d.hoveredProduct(), ray: d.xrRay(h), panelInTheWay: d.xrRayHits(h, 'product-panel-anchor') };
    }, hand);
    throw new Error(`the pointer did not rest on ${id}: ${JSON.stringify(seen)}`, { cause: e });
  });
}

async function openShowroom(page: Page) {
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => (window.showroomDebug?.frames ?? 0) > 5, undefined, { timeout: 60_000 });
}

/** Stands the visitor 1.4 m in front of the product and returns its centre in the XR origin's frame. */
async function approach(page: Page, id: string): Promise<Vec> {
  const c = (await page.evaluate((i) => window.showroomDebug!.productWorldCenter(i), id))!;
  await page.evaluate(([x, z]) => window.showroomDebug!.teleport(x, z), [c.x, c.z + 1.4] as const);
  await waitFrames(page, 2);
  return page.evaluate((p) => window.showroomDebug!.worldToXROrigin(p), c);
}

describe('VR headset (IWER, Meta Quest 3)', () => {
  it('enters VR, selects with the controller ray, grabs with squeeze, moves with the thumbstick, selects with a pinch', { timeout: 240_000 }, async () => {
    const page = await shared.page({ viewport: { width: 960, height: 540 } });
    const watch = watchPage(page, server.url);
    await page.addInitScript(() => localStorage.setItem('showroom.xr-preferences', JSON.stringify({ move: 'glide', turn: 'snap' })));
    await injectIWER(page);
    await openShowroom(page);
    const sessionId = await sessionOf(page);

    await page.getByRole('button', { name: 'Enter VR' }).click();
    await waitForXRSession(page);
    const mode = await eventOf(sessionId, (e) => e.type === 'mode_change' && e.props.mode === 'vr');
    expect(mode.props.profile).toBe('meta-quest-touch-plus');

    // Controller ray: aim the right controller at the product and pull the trigger.
    const target = await approach(page, PRODUCT);
    await xrRemote(page, 'look_at', { device: 'headset', target });
    await aimAt(page, 'controller-right', target);
    await waitForHover(page, PRODUCT);
    await page.screenshot({ path: path.join(shots, 'vr-mode.png') });
    await xrClick(page, 'controller-right');
    const select = await eventOf(sessionId, (e) => e.type === 'product_select' && e.input === 'controller');
    expect(select.productId).toBe(PRODUCT);

    // Squeeze with the controller inside the product: grab, hold, release.
    await xrRemote(page, 'set_transform', { device: 'controller-right', position: target });
    await waitFrames(page, 2);
    await xrRemote(page, 'set_gamepad_state', { device: 'controller-right', buttons: [{ index: 1, value: 1 }] });
    await holdFor(page, 400);
    await xrRemote(page, 'set_gamepad_state', { device: 'controller-right', buttons: [{ index: 1, value: 0 }] });
    await eventOf(sessionId, (e) => e.type === 'grab_start' && e.productId === PRODUCT && e.input === 'controller');
    const grabEnd = await eventOf(sessionId, (e) => e.type === 'grab_end' && e.productId === PRODUCT);
    expect(grabEnd.props.durationMs).toBeGreaterThan(300);

    // Glide: the left stick pushed forward moves the viewer.
    const before = await viewer(page);
    await xrRemote(page, 'set_gamepad_state', { device: 'controller-left', axes: [{ index: 1, value: -1 }] });
    await waitForWalk(page, before, 0.6);
    await xrRemote(page, 'set_gamepad_state', { device: 'controller-left', axes: [{ index: 1, value: 0 }] });
    await waitFrames(page, 2);
    const afterGlide = await viewer(page);
    expect(distance(before, afterGlide)).toBeGreaterThan(0.5);

    // Y switches to teleport; forward then release jumps to where the arc lands.
    await xrRemote(page, 'set_gamepad_state', { device: 'controller-left', buttons: [{ index: 4, value: 1 }] });
    await waitFrames(page, 2);
    await xrRemote(page, 'set_gamepad_state', { device: 'controller-left', buttons: [{ index: 4, value: 0 }] });
    // Aim back at the open aisle the visitor came along (a walkable landing spot).
    const aisle = await page.evaluate((p) => window.showroomDebug!.worldToXROrigin(p), { x: afterGlide.x, y: 0, z: afterGlide.z + 2.5 });
    await aimAt(page, 'controller-left', aisle);
    await xrRemote(page, 'set_gamepad_state', { device: 'controller-left', axes: [{ index: 1, value: -1 }] });
    await waitFrames(page, 3);
    await xrRemote(page, 'set_gamepad_state', { device: 'controller-left', axes: [{ index: 1, value: 0 }] });
    const teleport = await eventOf(sessionId, (e) => e.type === 'teleport' && e.input === 'controller');
    const landing = { x: teleport.props.toX as number, y: 0, z: teleport.props.toZ as number };
    expect(teleport.props.method).toBe('arc');
    await expect.poll(async () => distance(await viewer(page), landing), { timeout: 5_000 }).toBeLessThan(0.5);

    // Hands: a pinch aimed at the product selects it. The left hand: the open panel floats right of the gaze, where
    // a right-hand ray to the product may pass through it.
    await xrRemote(page, 'set_input_mode', { mode: 'hand' });
    const handTarget = await approach(page, 'kiri-dresser');
    await xrRemote(page, 'look_at', { device: 'headset', target: handTarget });
    await aimAt(page, 'hand-left', handTarget);
    await waitForHover(page, 'kiri-dresser', 'left');
    await xrClick(page, 'hand-left');
    const pinch = await eventOf(sessionId, (e) => e.type === 'product_select' && e.input === 'hand');
    expect(pinch.productId).toBe('kiri-dresser');

    expect(watch.foreign).toEqual([]);
    await page.close();
  });
});

describe('AR (IWER, Meta Quest 3 passthrough)', () => {
  it('places the selected product on the floor where the customer looks, and logs ar_place', { timeout: 180_000 }, async () => {
    const page = await shared.page({ viewport: { width: 960, height: 540 } });
    const watch = watchPage(page, server.url);
    await injectIWER(page);
    await openShowroom(page);
    const sessionId = await sessionOf(page);
    await approach(page, 'fjord-sofa');
    await page.evaluate(() => window.showroomDebug!.faceProduct('fjord-sofa'));
    await waitFrames(page, 2);
    const point = (await page.evaluate(() => window.showroomDebug!.productScreenPoint('fjord-sofa')))!;
    await clickAt(page, point);
    await eventOf(sessionId, (e) => e.type === 'product_select' && e.productId === 'fjord-sofa');

    await page.getByRole('button', { name: 'Enter AR' }).click();
    await waitForXRSession(page);
    await eventOf(sessionId, (e) => e.type === 'mode_change' && e.props.mode === 'ar');
    const spot = { x: 0.3, y: 0, z: -1.8 };
    await xrRemote(page, 'look_at', { device: 'headset', target: spot });
    await waitFrames(page, 3);
    await xrClick(page, 'controller-right');
    const place = await eventOf(sessionId, (e) => e.type === 'ar_place');
    expect(place.productId).toBe('fjord-sofa');
    expect(Math.hypot((place.props.x as number) - spot.x, (place.props.z as number) - spot.z)).toBeLessThan(0.15);
    await page.screenshot({ path: path.join(shots, 'ar-mode.png') });
    expect(watch.foreign).toEqual([]);
    await page.close();
  });
});

describe('gamepad', () => {
  it('moves with the left stick, selects with A, cycles variants with the D-pad, closes with B', { timeout: 180_000 }, async () => {
    const page = await shared.page({ viewport: { width: 960, height: 540 } });
    const watch = watchPage(page, server.url);
    await page.addInitScript(() => {
      const buttons = Array.from({ length: 17 }, () => ({ pressed: false, touched: false, value: 0 }));
      const pad = { id: 'Test pad (STANDARD GAMEPAD)', index: 0, connected: true, mapping: 'standard', timestamp: 0, axes: [0, 0, 0, 0], buttons };
      (window as unknown as { testPad: typeof pad }).testPad = pad;
      navigator.getGamepads = () => [pad as unknown as Gamepad, null, null, null];
    });
    await openShowroom(page);
    const sessionId = await sessionOf(page);
    await page.evaluate(() => {
      const e = new Event('gamepadconnected');
      Object.defineProperty(e, 'gamepad', { value: (window as unknown as { testPad: unknown }).testPad });
      window.dispatchEvent(e);
    });
    await page.getByRole('status').filter({ hasText: 'Gamepad connected' }).waitFor();
    await eventOf(sessionId, (e) => e.type === 'gamepad_connected');

    const setPad = (fn: string) => page.evaluate(fn);
    const before = await viewer(page);
    await setPad('window.testPad.axes[1] = -1');
    await waitForWalk(page, before, 0.6);
    await setPad('window.testPad.axes[1] = 0');
    expect(distance(before, await viewer(page))).toBeGreaterThan(0.5);

    const press = async (index: number) => {
      await setPad(`window.testPad.buttons[${index}].pressed = true`);
      await waitFrames(page, 1);
      await setPad(`window.testPad.buttons[${index}].pressed = false`);
      await waitFrames(page, 1);
    };
    await approach(page, PRODUCT);
    await page.evaluate((id) => window.showroomDebug!.faceProduct(id), PRODUCT);
    await waitFrames(page, 3);
    await press(0);
    const select = await eventOf(sessionId, (e) => e.type === 'product_select' && e.input === 'gamepad');
    expect(select.productId).toBe(PRODUCT);
    await press(15);
    const variant = await eventOf(sessionId, (e) => e.type === 'variant_change' && e.input === 'gamepad');
    expect(variant.productId).toBe(PRODUCT);
    await press(1);
    await eventOf(sessionId, (e) => e.type === 'panel_close' && e.input === 'gamepad');
    expect(watch.foreign).toEqual([]);
    await page.close();
  });
});
