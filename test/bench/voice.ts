// `npm run bench:voice`: ms from the end of speech to the action, and the showroom's frame time while listening vs not (one run, ratio).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildClientIfNeeded } from '../../server/build-client';
import { waitForShowroom } from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import { canSpeak, speak } from '../voice/speech';
import { launchWithMicrophone, wavMs } from '../voice/voiceBrowser';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Silence after the phrase in the WAV, s: the end of speech is this long before the release. */
const TAIL_S = 0.4;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Frame intervals (ms) over `ms` of wall time, from requestAnimationFrame in the page. */
function frameTimes(page: Page, ms: number): Promise<number[]> {
  // A string, not a function: tsx wraps named functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${ms};
    const tick = (t) => { out.push(t - last); last = t; if (t < end) requestAnimationFrame(tick); else resolve(out.slice(1)); };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
}

if (!canSpeak()) {
  console.log('bench:voice needs espeak-ng and sox');
  process.exit(1);
}
await buildClientIfNeeded((line) => console.log(line));
const wav = speak('show me the oslo chair', 'en-us', path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-voice-')), 'oslo.wav'), TAIL_S);
const server = await startTestServer();
const browser = await launchWithMicrophone(wav);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.setDefaultTimeout(180_000);
  await page.goto(`${server.url}/`);
  await waitForShowroom(page, 180_000);
  const latencies: { actMs: number; decodeMs: number }[] = [];
  let listening: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await page.evaluate(() => window.showroomDebug!.teleport(0, 4));
    const before = await page.evaluate(() => window.showroomVoice?.timing().actedAt ?? 0);
    await page.keyboard.down('Space');
    await page.waitForFunction(() => window.showroomVoice?.status() === 'listening', undefined, { polling: 20 });
    // The phrase plays in real time: measure the frames while it does (the microphone is live and recording).
    const during = frameTimes(page, wavMs(wav));
    listening = listening.concat(await during);
    await page.keyboard.up('Space');
    await page.waitForFunction((b) => window.showroomVoice!.timing().actedAt > b, before, { polling: 10 });
    const t = await page.evaluate(() => window.showroomVoice!.timing());
    console.log(`round ${i + 1}: "${await page.evaluate(() => window.showroomVoice!.line())}"`);
    latencies.push({ actMs: t.actedAt - t.releasedAt + TAIL_S * 1000, decodeMs: t.decodeMs });
  }
  const idle = await frameTimes(page, 2000 * ROUNDS);
  const mL = median(listening);
  const mI = median(idle);
  console.log(`end of speech -> action: median ${median(latencies.map((l) => l.actMs)).toFixed(0)} ms (release -> action + ${TAIL_S * 1000} ms of trailing silence held); decode in the worker median ${median(latencies.map((l) => l.decodeMs)).toFixed(0)} ms`);
  console.log(`frame time: listening median ${mL.toFixed(1)} ms (${listening.length} frames), not listening ${mI.toFixed(1)} ms (${idle.length} frames), ratio ${(mL / mI).toFixed(2)}`);
} finally {
  await browser.close();
  await server.stop();
}
