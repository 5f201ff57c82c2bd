// `npm start`: build the client when its sources changed, then run the server (server/main.ts).
import { buildClientIfNeeded } from './build-client';
import { ConfigError, loadConfig } from './config';
import { createLogger, lifecycleLogger } from './logger';

const log = createLogger('info');
try {
  loadConfig(); // fail on a bad variable before spending time on a build
  await buildClientIfNeeded((line) => lifecycleLogger(log).info(line));
} catch (err) {
  if (err instanceof ConfigError) log.fatal(err.message);
  else log.fatal({ err }, 'the client could not be built');
  log.flush(() => process.exit(1));
  await new Promise(() => undefined); // wait here for the exit
}
await import('./main');
