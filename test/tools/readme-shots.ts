// Takes the README's screenshots (desktop showroom with a product panel, VR in an emulated Quest 3) against a fresh server:
// npx tsx test/tools/readme-shots.ts [out dir]   (default assets/docs)
import path from 'node:path';
import { launchBrowser, waitForShowroom } from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import { aimAt, injectIWER, waitForXRSession, waitFrames, xrClick, xrRemote } from '../helpers/xr';

const out = path.resolve(process.argv[2] ?? 'assets/docs');
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const desk = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await desk.goto(`${server.url}/?render=full`);
  await waitForShowroom(desk, 300_000);
  await desk.evaluate(() => window.showroomDebug!.standBefore('bergen-armchair', 2.4, 0.3));
  await waitFrames(desk, 3);
  const p = (await desk.evaluate(() => window.showroomDebug!.productScreenPoint('bergen-armchair')))!;
  await desk.mouse.click(p.x, p.y);
  await desk.waitForFunction(() => window.showroomDebug!.state().panel === 'product', undefined, { timeout: 60_000, polling: 100 });
  await waitFrames(desk, 20);
  await desk.screenshot({ path: path.join(out, 'showroom.png') });
  await desk.close();

  const vr = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await injectIWER(vr);
  await vr.goto(`${server.url}/?render=full`);
  await waitForShowroom(vr, 300_000);
  await vr.getByRole('button', { name: 'Enter VR' }).click();
  await waitForXRSession(vr);
  const c = (await vr.evaluate(() => window.showroomDebug!.productWorldCenter('oslo-chair')))!;
  await vr.evaluate(([x, z]) => window.showroomDebug!.teleport(x, z), [c.x, c.z + 1.4] as const);
  await waitFrames(vr, 3);
  const t = await vr.evaluate((q) => window.showroomDebug!.worldToXROrigin(q), c);
  await xrRemote(vr, 'look_at', { device: 'headset', target: t });
  await aimAt(vr, 'controller-right', t);
  await vr.waitForFunction(() => window.showroomDebug!.hoveredProduct() === 'oslo-chair', undefined, { timeout: 60_000, polling: 100 });
  // A loaded machine can stretch a trigger press past the click threshold: press again until the panel opens.
  for (let attempt = 1; ; attempt++) {
    await xrClick(vr, 'controller-right');
    const opened = await vr
      .waitForFunction(() => window.showroomDebug!.state().panel === 'product', undefined, { timeout: 10_000, polling: 100 })
      .then(() => true, () => false);
    if (opened) break;
    if (attempt === 5) {
      await vr.screenshot({ path: path.join(out, 'vr-failed.png') });
      throw new Error(`the product panel did not open in VR: ${JSON.stringify(await vr.evaluate('[window.showroomDebug.state(), window.showroomDebug.hoveredProduct()]'))}`);
    }
  }
  // Lift the head a little so the panel and the controllers both sit in the picture.
  await xrRemote(vr, 'look_at', { device: 'headset', target: { x: t.x + 0.3, y: t.y + 0.35, z: t.z } });
  await waitFrames(vr, 20);
  await vr.screenshot({ path: path.join(out, 'vr-mode.png') });
  console.log(`Wrote ${path.join(out, 'showroom.png')} and ${path.join(out, 'vr-mode.png')}`);
} finally {
  await browser.close();
  await server.stop();
}
