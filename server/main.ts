// Serves the API and the built client on one port (no build step): `npm start` and `npm run dev` run this.
import { CatalogError } from './catalog-loader';
import { ConfigError, loadConfig } from './config';
import { createLogger, lifecycleLogger } from './logger';
import { startServer } from './server';

/** LOG_LEVEL as far as it can be read before the configuration is checked (a bad value is reported at info). */
const earlyLevel = () => {
  const v = process.env.LOG_LEVEL;
  return v && ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v) ? (v as 'info') : 'info';
};

const log = createLogger(earlyLevel());
const life = lifecycleLogger(log);
try {
  const config = loadConfig();
  const server = await startServer(config, { logger: log });
  const c = server.catalog;
  life.info(
    { dbFile: config.dbFile, migrationsApplied: server.migrationsApplied, catalog: c },
    `Database ${config.dbFile} (migrations applied: ${server.migrationsApplied.join(', ') || 'none needed'}; ` +
      `catalogue: ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.deactivated} removed)`,
  );
  if (config.metrics) {
    life.info(
      server.metricsPort !== null
        ? `Metrics at http://${config.host}:${server.metricsPort}/metrics${config.metrics.token ? ' (Bearer token required)' : ''}`
        : `Metrics at ${server.url}/metrics (Bearer token required)`,
    );
  }
  life.info({ url: server.url }, `Showroom running at ${server.url}/  (staff dashboard: ${server.url}/staff)`);
  const stop = (signal: string) => {
    life.info({ signal }, `${signal}: shutting down`);
    server.close().then(
      () => log.flush(() => process.exit(0)),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        log.flush(() => process.exit(1));
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  if (err instanceof ConfigError || err instanceof CatalogError) log.fatal(err.message);
  else log.fatal({ err }, 'the server could not start');
  log.flush(() => process.exit(1));
}
