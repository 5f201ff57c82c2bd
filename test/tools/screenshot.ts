// Takes a screenshot of a running showroom page: npx tsx test/tools/screenshot.ts <url> <out.png> [wait ms]
import { launchBrowser, watchPage } from '../helpers/browser';

const [url, out, wait = '6000'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: npx tsx test/tools/screenshot.ts <url> <out.png> [wait ms]');
  process.exit(2);
}
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const watch = watchPage(page, url);
await page.goto(url);
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out });
console.log(JSON.stringify(watch));
await browser.close();
