// Exploration: enter VR with IWER, aim, select, and report frame rate and pointer events.
import { launchBrowser, watchPage } from '../helpers/browser';
import { injectIWER, waitForXRSession, xrClick, xrRemote } from '../helpers/xr';

const url = process.argv[2]!;
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
const watch = watchPage(page, url);
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
await injectIWER(page);
await page.goto(url);
await page.waitForFunction(() => (window.showroomDebug?.frames ?? 0) > 5, undefined, { timeout: 60000 });
await page.getByRole('button', { name: 'Enter VR' }).click();
await waitForXRSession(page);
await page.waitForTimeout(2000);
const f0 = await page.evaluate(() => window.showroomDebug!.frames);
await page.waitForTimeout(2000);
const f1 = await page.evaluate(() => window.showroomDebug!.frames);
console.log('fps in VR', (f1 - f0) / 2);
const c = (await page.evaluate(() => window.showroomDebug!.productWorldCenter('bergen-armchair')))!;
await page.evaluate(([x, z]) => window.showroomDebug!.teleport(x, z), [c.x, c.z + 1.4] as const);
await page.waitForTimeout(500);
const t = await page.evaluate((p) => window.showroomDebug!.worldToXROrigin(p), c);
await xrRemote(page, 'look_at', { device: 'headset', target: t });
await xrRemote(page, 'look_at', { device: 'controller-right', target: t });
await page.waitForTimeout(1000);
await page.evaluate(() => {
  const o = window.showroomDebug as unknown as { scene?: unknown };
  void o;
});
const t0 = Date.now(); await xrClick(page, 'controller-right'); console.log('click took', Date.now() - t0);
await page.waitForTimeout(3000);
console.log(JSON.stringify(watch));
await browser.close();
