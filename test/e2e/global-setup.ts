// Builds the client once before the browser tests (skipped when the build is current).
import { buildClientIfNeeded } from '../../server/build-client';

export default async function setup(): Promise<void> {
  await buildClientIfNeeded((line) => console.log(line));
}
