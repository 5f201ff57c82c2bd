// `npm start`: build the client when its sources changed, then run the server (server/main.ts).
import { buildClientIfNeeded } from './build-client';
import { ConfigError, loadConfig } from './config';

try {
  loadConfig(); // fail on a bad variable before spending time on a build
  await buildClientIfNeeded();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
await import('./main');
