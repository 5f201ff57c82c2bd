// Voice commands in a real browser: Chromium's fake microphone says "add it to my cart" with a product open, on a
// screen (hold Space) and in an emulated headset (hold B on the right controller); a voice cart_add reaches the database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, watchPage, waitForShowroom } from '../helpers/browser';
import { storedEvents } from '../helpers/events';
import { startTestServer, type TestServer } from '../helpers/server';
import { injectIWER, waitForXRSession } from '../helpers/xr';
import { canSpeak, speak } from '../voice/speech';
import { launchWithMicrophone, sayWhileHolding } from '../voice/voiceBrowser';

const speech = canSpeak();
if (!speech) console.log('SKIPPED voice browser test: espeak-ng or sox is not installed (CI installs them)');
const shots = path.resolve('test-results');

describe.skipIf(!speech)('voice commands in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let wav: string;
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    // 1.5 s of silence each side: the fake microphone plays the file in a loop from when it opens, and a slow XR frame
    // may start or end the listening up to a second late; the silence takes that lag instead of a word.
    wav = speak('add it to my cart', 'en-us', path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'voice-e2e-')), 'cart.wav'), 1.5);
    server = await startTestServer();
    browser = await launchWithMicrophone(wav);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const voiceCartAdds = (productId: string) => storedEvents(server.dataDir).filter((e) => e.type === 'cart_add' && e.input === 'voice' && e.productId === productId);

  async function openShowroom(page: Page) {
    page.setDefaultTimeout(60_000);
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/`);
    await waitForShowroom(page, 180_000);
    return watch;
  }

  it('on a screen: hold Space, say "add it to my cart"; the open product is added with input voice', { timeout: 300_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const watch = await openShowroom(page);
    expect(await page.evaluate(() => window.showroomDebug!.standBefore('oslo-chair', 2.4, 0.3))).toBe(true);
    await page.waitForFunction(() => window.showroomDebug!.productScreenPoint('oslo-chair') !== null);
    await clickAt(page, (await page.evaluate(() => window.showroomDebug!.productScreenPoint('oslo-chair')))!);
    await page.waitForFunction(() => window.showroomDebug!.objectScreenPoint('panel-add-to-cart') !== null);

    await page.keyboard.down('Space');
    await page.getByText('audio never leaves it').waitFor();
    await page.getByText('Listening…').waitFor();
    await page.screenshot({ path: path.join(shots, 'voice-1-listening.png') });
    await sayWhileHolding(page, wav, async () => undefined, () => page.keyboard.up('Space'));
    await page.getByText("Said 'add it to my cart'").first().waitFor();
    await page.screenshot({ path: path.join(shots, 'voice-2-understood.png') });
    await page.waitForFunction(() => window.showroomVoice!.timing().actedAt > 0);
    await page.evaluate(() => window.showroomTelemetry!.flush());

    expect(voiceCartAdds('oslo-chair')).toHaveLength(1);
    const said = storedEvents(server.dataDir).filter((e) => e.type === 'voice_command');
    expect(said.at(-1)).toMatchObject({ input: 'voice', productId: 'oslo-chair', props: { phrase: 'add it to my cart', understood: true } });
    expect(Number(said.at(-1)!.props.confidence)).toBeGreaterThan(0.5);
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('in a headset (IWER): hold B on the right controller, say "add it to my cart"', { timeout: 300_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await injectIWER(page);
    const watch = await openShowroom(page);
    expect(await page.evaluate(() => window.showroomDebug!.standBefore('fjord-sofa', 2.4, 0.3))).toBe(true);
    await page.waitForFunction(() => window.showroomDebug!.productScreenPoint('fjord-sofa') !== null);
    await clickAt(page, (await page.evaluate(() => window.showroomDebug!.productScreenPoint('fjord-sofa')))!);
    await page.waitForFunction(() => window.showroomDebug!.objectScreenPoint('panel-add-to-cart') !== null);
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await waitForXRSession(page);

    const b = (v: number) => page.evaluate(`window.iwerDevice.controllers.right.updateButtonValue('b-button', ${v})`);
    await sayWhileHolding(page, wav, () => b(1), () => b(0));
    // XR frames are slow here: the press may be read a frame after the microphone opened, so the first word can be
    // clipped ("add to my cart"); the grammar's optional words take either.
    await page.waitForFunction(() => window.showroomVoice!.timing().actedAt > 0);
    await page.evaluate(() => window.showroomTelemetry!.flush());
    await expect.poll(() => voiceCartAdds('fjord-sofa').length, { timeout: 30_000 }).toBe(1);
    const said = storedEvents(server.dataDir).filter((e) => e.type === 'voice_command');
    expect(said.at(-1)).toMatchObject({ input: 'voice', productId: 'fjord-sofa', props: { understood: true } });
    expect(String(said.at(-1)!.props.phrase)).toMatch(/^add (it )?to (my )?cart$/);
    expect(watch.foreign).toEqual([]);
    await page.close();
  });
});
