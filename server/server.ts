// Assembles a running server from a configuration: database, migrations, catalogue, HTTP app, webhook delivery.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loadCatalogFile } from './catalog-loader';
import type { Config } from './config';
import type { AppDeps } from './context';
import { allProductIds, syncCatalog, type CatalogSyncResult } from './db/catalog';
import { startCheckpointer } from './db/checkpointer';
import { openDatabase } from './db/connection';
import { migrate } from './db/migrate';
import { webhookSettings } from './webhooks/settings';
import { startWebhookWorker } from './webhooks/worker';

/** How long a shutdown waits for requests in flight before cutting open connections (SSE streams), ms. */
export const CLOSE_GRACE_MS = 2_000;

export interface RunningServer {
  app: FastifyInstance;
  deps: AppDeps;
  url: string;
  migrationsApplied: number[];
  catalog: CatalogSyncResult;
  close(): Promise<void>;
}

/** Opens the database, migrates it, loads the catalogue, and listens. */
export async function startServer(config: Config, opts: { logger?: boolean } = {}): Promise<RunningServer> {
  const catalogFile = loadCatalogFile(config.assetsDir);
  const hookSettings = webhookSettings();
  const db = openDatabase(config.dbFile);
  try {
    const migrationsApplied = migrate(db);
    const catalog = syncCatalog(db, catalogFile);
    const deps: AppDeps = {
      db,
      catalog: catalogFile,
      productIds: allProductIds(db),
      secureCookies: config.tls !== null,
      now: Date.now,
    };
    const app = await buildApp({
      deps,
      clientDir: config.clientDir,
      assetsDir: config.assetsDir,
      logger: opts.logger ? { level: config.logLevel } : false,
      https: config.tls ? { cert: fs.readFileSync(config.tls.cert), key: fs.readFileSync(config.tls.key) } : null,
    });
    await app.listen({ port: config.port, host: config.host });
    // Checkpoint the WAL off the request path: a checkpoint's fsync would otherwise stall ingest.
    const checkpointer = startCheckpointer(db, config.dbFile, 500, (m) => app.log.error(m));
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `${config.tls ? 'https' : 'http'}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
    // Sends the webhook outbox (server/webhooks/worker.ts); rows a killed process held are taken over when their lease ends.
    const webhooks = startWebhookWorker({ ...deps, settings: hookSettings, baseUrl: hookSettings.publicUrl ?? url, warn: (d, m) => app.log.warn(d, m) });
    return {
      app,
      deps,
      url,
      migrationsApplied,
      catalog,
      async close() {
        // Open SSE streams (each showroom tab's message inbox, each Live page) never go idle, so Fastify's close
        // would wait for them forever: after a grace period for requests in flight, cut every connection (the
        // browsers' event sources reconnect to the next process and resume after their last message id).
        const closing = app.close();
        const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        await closing.finally(() => clearTimeout(cut));
        await webhooks.stop();
        await checkpointer.stop();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
