// Global setup of the browser tests: builds the client and the server bundle when stale, launches one Chromium for all files.
import type { TestProject } from 'vitest/node';
import { buildClientIfNeeded } from '../../server/build-client';
import { launchBrowserServer } from '../helpers/browser';
import serverSetup from '../helpers/global-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Playwright's WebSocket endpoint of the Chromium shared by every browser test file. */
    chromiumWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildClientIfNeeded((line) => console.log(line));
  await serverSetup();
  const chromium = await launchBrowserServer();
  project.provide('chromiumWsEndpoint', chromium.wsEndpoint());
  return () => chromium.close();
}
