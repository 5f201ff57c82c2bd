// Serves the API and the built client on one port (no build step): `npm start` and `npm run dev` run this.
import { CatalogError } from './catalog-loader';
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';

try {
  const config = loadConfig();
  const server = await startServer(config, { logger: true });
  const c = server.catalog;
  console.log(
    `Database ${config.dbFile} (migrations applied: ${server.migrationsApplied.join(', ') || 'none needed'}; ` +
      `catalogue: ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.deactivated} removed)`,
  );
  console.log(`Showroom running at ${server.url}/  (staff dashboard: ${server.url}/staff)`);
  const stop = (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof CatalogError ? err.message : err);
  process.exit(1);
}
