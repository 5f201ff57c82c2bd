// A Chromium whose microphone plays a WAV file (fake capture), and holding push to talk for as long as the speech lasts.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser';
import { readWav } from './speech';

/** Launches Chromium with the showroom's headless flags and `wav` as the microphone (permission granted). */
export function launchWithMicrophone(wav: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Length of a WAV file's audio, ms. */
export function wavMs(file: string): number {
  const { pcm, sampleRate } = readWav(file);
  return (pcm.length / sampleRate) * 1000;
}

/**
 * Holds push to talk (`press`/`release`) while the fake microphone plays the phrase once: from the moment the page
 * shows it is listening, for the WAV's length (the file plays in real time from when the microphone opens).
 */
export async function sayWhileHolding(page: Page, wav: string, press: () => Promise<unknown>, release: () => Promise<unknown>): Promise<void> {
  await press();
  await page.waitForFunction(() => window.showroomVoice?.status() === 'listening', undefined, { timeout: 60_000, polling: 20 });
  await page.waitForTimeout(wavMs(wav));
  await release();
}
