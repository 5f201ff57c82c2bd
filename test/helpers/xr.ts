// WebXR emulation for browser tests: Meta's IWER runtime injected before the page loads, driven remotely.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { waitFrames } from './browser';

const require = createRequire(import.meta.url);

declare global {
  interface Window {
    iwerDevice?: {
      remote: { dispatch(method: string, params?: Record<string, unknown>): Promise<unknown> };
      activeSession?: unknown;
    };
    IWER?: { XRDevice: new (config: unknown) => NonNullable<Window['iwerDevice']> & { installRuntime(o: object): void }; metaQuest3: unknown };
  }
}

/** Installs an emulated Meta Quest 3 as `navigator.xr` (forceInstall: Chromium already has a native one). */
export async function injectIWER(page: Page): Promise<void> {
  await page.addInitScript({ path: require.resolve('iwer/build/iwer.min.js') });
  await page.addInitScript(() => {
    const device = new window.IWER!.XRDevice(window.IWER!.metaQuest3);
    device.installRuntime({ forceInstall: true });
    window.iwerDevice = device;
  });
}

/** Calls IWER's remote-control API in the page (e.g. 'look_at', 'select', 'set_gamepad_state'). */
export function xrRemote(page: Page, method: string, params: Record<string, unknown> = {}): Promise<unknown> {
  return page.evaluate(([m, p]) => window.iwerDevice!.remote.dispatch(m, p), [method, params] as const);
}

/** Resolves once an immersive session is running in the page. */
export async function waitForXRSession(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.iwerDevice?.activeSession), undefined, { timeout: 30_000, polling: 50 });
}

export { waitFrames };

/**
 * Presses and releases select (trigger, or pinch with `hand-*`) exactly one rendered frame apart, straight on the
 * emulated device (the remote-control queue would add a frame of latency to each step).
 */
export async function xrClick(page: Page, device: 'controller-left' | 'controller-right' | 'hand-left' | 'hand-right'): Promise<void> {
  const [kind, hand] = device.split('-') as ['controller' | 'hand', string];
  // A string, not a function: test transpilers may wrap named functions in helpers the page does not have.
  const set = (v: number) =>
    kind === 'controller' ? `window.iwerDevice.controllers.${hand}.updateButtonValue('trigger', ${v})` : `window.iwerDevice.hands.${hand}.updatePinchValue(${v})`;
  const nextFrame = `new Promise((resolve) => { const start = window.showroomDebug.frames;
    (function check() { if (window.showroomDebug.frames > start) resolve(); else setTimeout(check, 2); })(); })`;
  await page.evaluate(`(async () => { ${set(1)}; await ${nextFrame}; ${set(0)}; await ${nextFrame}; })()`);
}

type Vec3 = { x: number; y: number; z: number };

/**
 * Points a controller's or hand's target ray at `target` (XR origin frame, metres). IWER's look_at turns the grip,
 * and a Quest controller's ray leaves the grip at an angle, so the ray the page sees is measured and corrected once.
 */
export async function aimAt(page: Page, device: 'controller-left' | 'controller-right' | 'hand-left' | 'hand-right', target: Vec3): Promise<void> {
  const { Quaternion, Vector3 } = await import('three');
  const hand: 'left' | 'right' = device.endsWith('left') ? 'left' : 'right';
  const kind = device.startsWith('hand') ? 'hand' : 'controller';
  // Right after a switch between controllers and hands the session may not list the new source yet: wait for it.
  await page
    .waitForFunction(([h, k]) => window.showroomDebug!.xrRay(h)?.kind === k, [hand, kind] as const, { timeout: 15_000, polling: 50 })
    .catch(() => {
      throw new Error(`no XR ${kind} ray for the ${hand} hand`);
    });
  await xrRemote(page, 'look_at', { device, target });
  await waitFrames(page, 2);
  const ray = await page.evaluate((h) => window.showroomDebug!.xrRay(h), hand);
  if (!ray || ray.kind !== kind) throw new Error(`no XR ${kind} ray for the ${hand} hand`);
  const { orientation: o } = (await xrRemote(page, 'get_transform', { device })) as { orientation: { x: number; y: number; z: number; w: number } };
  const want = new Vector3(target.x - ray.origin[0], target.y - ray.origin[1], target.z - ray.origin[2]).normalize();
  const fix = new Quaternion().setFromUnitVectors(new Vector3(...ray.direction), want);
  const q = fix.multiply(new Quaternion(o.x, o.y, o.z, o.w));
  await xrRemote(page, 'set_transform', { device, orientation: { x: q.x, y: q.y, z: q.z, w: q.w } });
  await waitFrames(page, 2);
}

/** The world centre (metres) of a named in-scene element once it has stopped moving (panels follow the head lazily), or null. */
export async function steadyWorldCenter(page: Page, name: string): Promise<Vec3 | null> {
  let p: Vec3 | null = null;
  for (let i = 0; i < 60; i++) {
    const q = await page.evaluate((n) => window.showroomDebug!.objectWorldCenter(n), name);
    if (q && p && Math.hypot(q.x - p.x, q.y - p.y, q.z - p.z) < 0.005) return q;
    p = q;
    await waitFrames(page, 2);
  }
  return p;
}

/**
 * Presses a named in-scene button with a controller or hand ray, as a visitor would: waits for the button to stand
 * still, aims at it, waits until the ray hovers a button, and pulls the trigger (pinches). Throws if the ray never
 * lands on it.
 */
export async function xrPressInScene(page: Page, device: 'controller-left' | 'controller-right' | 'hand-left' | 'hand-right', name: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const world = await steadyWorldCenter(page, name);
    if (!world) throw new Error(`${name} is not in the scene`);
    const target = await page.evaluate((p) => window.showroomDebug!.worldToXROrigin(p), world);
    await aimAt(page, device, target);
    const hand: 'left' | 'right' = device.endsWith('left') ? 'left' : 'right';
    // The ray must rest on the button itself (not the panel around it) and a pointer must be over in-scene UI.
    const hovered = await page
      .waitForFunction(([h, n]) => window.showroomDebug!.xrRayHits(h, n) && window.showroomDebug!.state().uiHover > 0, [hand, name] as const, { timeout: 10_000, polling: 50 })
      .then(() => true, () => false);
    if (hovered) return xrClick(page, device);
  }
  throw new Error(`the ${device} ray never came to rest on ${name}`);
}
