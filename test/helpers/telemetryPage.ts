// Browser-side helpers for telemetry tests: wait for the page's recorder, aim the centre of view at a product, read the database.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';

/** Waits until the showroom renders and telemetry has a session; returns its id. */
export async function readySession(page: Page): Promise<string> {
  await page.waitForFunction(() => (window.showroomDebug?.frames ?? 0) > 3 && !!window.showroomTelemetry?.stats().sessionId && !!window.showroomTelemetry.probe, undefined, {
    timeout: 90_000,
  });
  return page.evaluate(() => window.showroomTelemetry!.stats().sessionId!);
}

/** Tracks `n` product_select events through the page's own track(). */
export async function trackSelects(page: Page, n: number, productId = 'oslo-chair'): Promise<void> {
  await page.evaluate(
    ({ n, productId }) => {
      for (let i = 0; i < n; i++) window.showroomTelemetry!.track({ type: 'product_select', input: 'mouse', productId });
    },
    { n, productId },
  );
}

/**
 * Turns the desktop view (pointer lock + mouse motion) until the centre ray rests on `productId`,
 * correcting with what each move did; returns false if the product never came under the crosshair.
 */
export async function aimAt(page: Page, productId: string): Promise<boolean> {
  const size = page.viewportSize()!;
  const centre = { x: size.width / 2, y: size.height / 2 };
  if (!(await page.evaluate(() => document.pointerLockElement !== null))) {
    await page.mouse.move(centre.x, centre.y);
    await page.keyboard.press('KeyM'); // M starts mouse look (pointer lock)
    await page.waitForFunction(() => document.pointerLockElement !== null, undefined, { timeout: 10_000 });
  }
  let cursor = { ...centre };
  let gain = 1;
  for (let i = 0; i < 12; i++) {
    const onIt = await page.evaluate((id) => window.showroomTelemetry!.probe!.stats().gazeProductId === id, productId);
    if (onIt) return true;
    const p = await page.evaluate((id) => window.showroomDebug!.productScreenPoint(id), productId);
    if (!p) return false;
    const dx = (p.x - centre.x) * gain;
    const dy = (p.y - centre.y) * gain;
    cursor = { x: cursor.x + dx, y: cursor.y + dy };
    await page.mouse.move(cursor.x, cursor.y, { steps: 4 });
    // Wait for a few frames so the camera and the gaze sample catch up.
    const frames = await page.evaluate(() => window.showroomDebug!.frames);
    await page.waitForFunction((f) => window.showroomDebug!.frames > f + 3, frames, { timeout: 20_000 });
    const q = await page.evaluate((id) => window.showroomDebug!.productScreenPoint(id), productId);
    if (q) {
      const wanted = Math.hypot(p.x - centre.x, p.y - centre.y);
      const moved = Math.hypot(q.x - p.x, q.y - p.y);
      if (wanted > 4 && moved > 1) gain = Math.min(4, Math.max(0.25, gain * (wanted / moved)));
    }
  }
  return page.evaluate((id) => window.showroomTelemetry!.probe!.stats().gazeProductId === id, productId);
}

/** A read-only handle on the server's database file (WAL: sees every committed batch). */
export function openDb(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, 'showroom.sqlite'), { readonly: true, fileMustExist: true });
}
