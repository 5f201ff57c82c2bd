// Vitest global setup of the node projects: bundles the server once so tests start it with plain `node`.
import path from 'node:path';
import { buildServerIfNeeded } from './buildServer';
import { SERVER_BUNDLE_ENV } from './server';

export default async function setup(): Promise<void> {
  const { serve } = await buildServerIfNeeded((line) => console.log(line));
  // Test workers start after global setup and inherit this environment.
  process.env[SERVER_BUNDLE_ENV] = path.dirname(serve);
}
