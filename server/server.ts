// Assembles a running server from a configuration: database, migrations, catalogue, HTTP app, metrics, scheduled
// backups, webhook delivery.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app';
import { startBackupSchedule, type BackupSchedule } from './backups/scheduler';
import { loadCatalogFile } from './catalog-loader';
import type { Config } from './config';
import type { AppDeps } from './context';
import { allProductIds, syncCatalog, type CatalogSyncResult } from './db/catalog';
import { startCheckpointer } from './db/checkpointer';
import { openDatabase } from './db/connection';
import { migrate } from './db/migrate';
import { outboxStats } from './db/webhooks';
import { registerGauge } from './metrics/registry';
import { startMetricsServer } from './metrics/route';
import { webhookSettings } from './webhooks/settings';
import { startWebhookWorker } from './webhooks/worker';

/** How long a shutdown waits for requests in flight before cutting open connections (SSE streams), ms. */
export const CLOSE_GRACE_MS = 2_000;

export interface RunningServer {
  app: FastifyInstance;
  deps: AppDeps;
  url: string;
  /** The port of the separate metrics server (METRICS_PORT), or null when /metrics is not served apart. */
  metricsPort: number | null;
  /** Scheduled backups, or null when SHOWROOM_BACKUP_DIR is unset. */
  backups: BackupSchedule | null;
  migrationsApplied: number[];
  catalog: CatalogSyncResult;
  close(): Promise<void>;
}

/** The size of `file`, bytes, or 0 when there is none. */
const fileSize = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** Opens the database, migrates it, loads the catalogue, and listens; `logger` (server/logger.ts) gets every log line. */
export async function startServer(config: Config, opts: { logger?: Logger } = {}): Promise<RunningServer> {
  const catalogFile = loadCatalogFile(config.assetsDir);
  const hookSettings = webhookSettings();
  const db = openDatabase(config.dbFile);
  const cleanups: (() => void | Promise<unknown>)[] = [];
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
    const m = config.metrics;
    let backups: BackupSchedule | null = null;
    const app = await buildApp({
      deps,
      clientDir: config.clientDir,
      assetsDir: config.assetsDir,
      logger: opts.logger,
      metrics: m && m.port === null ? { token: m.token } : undefined,
      lastBackup: config.backups ? () => backups?.last() ?? null : undefined,
      https: config.tls ? { cert: fs.readFileSync(config.tls.cert), key: fs.readFileSync(config.tls.key) } : null,
    });
    cleanups.push(() => app.close());
    await app.listen({ port: config.port, host: config.host });
    // Checkpoint the WAL off the request path: a checkpoint's fsync would otherwise stall ingest.
    const checkpointer = startCheckpointer(db, config.dbFile, 500, (message) => app.log.error(message));
    cleanups.push(() => checkpointer.stop());
    const startedAt = Date.now();
    for (const remove of [
      registerGauge({ name: 'showroom_up', help: 'Whether the server answers (1); Prometheus\'s own `up` says whether it could be scraped', read: () => 1 }),
      registerGauge({ name: 'showroom_uptime_seconds', help: 'Seconds since the server started listening', read: () => (Date.now() - startedAt) / 1000 }),
      registerGauge({ name: 'showroom_sqlite_wal_bytes', help: 'Size of the SQLite write-ahead log file (checkpointed every 500 ms; grows when checkpoints fall behind)', read: () => fileSize(`${config.dbFile}-wal`) }),
      registerGauge({ name: 'showroom_sqlite_db_bytes', help: 'Size of the SQLite database file', read: () => fileSize(config.dbFile) }),
    ]) cleanups.push(remove);
    let metricsPort: number | null = null;
    if (m && m.port !== null) {
      const metricsServer = await startMetricsServer({ host: config.host, port: m.port, token: m.token, logger: app.log as Logger });
      cleanups.push(() => metricsServer.app.close());
      metricsPort = metricsServer.port;
    }
    if (config.backups) {
      backups = startBackupSchedule({ dbFile: config.dbFile, ...config.backups, log: app.log as Logger });
      const schedule = backups;
      cleanups.push(() => schedule.stop());
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `${config.tls ? 'https' : 'http'}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
    // Sends the webhook outbox (server/webhooks/worker.ts); rows a killed process held are taken over when their lease ends.
    const webhooks = startWebhookWorker({ ...deps, settings: hookSettings, baseUrl: hookSettings.publicUrl ?? url, warn: (d, m) => app.log.warn(d, m) });
    cleanups.push(() => webhooks.stop());
    for (const remove of [
      registerGauge({ name: 'showroom_webhook_outbox_depth', help: 'Webhook deliveries waiting to be sent (pending or being retried)', read: () => outboxStats(db).depth }),
      registerGauge({ name: 'showroom_webhook_outbox_failed', help: 'Webhook deliveries that failed for good (resend them from the dashboard or the CLI)', read: () => outboxStats(db).failed }),
    ]) cleanups.push(remove);
    return {
      app,
      deps,
      url,
      metricsPort,
      backups,
      migrationsApplied,
      catalog,
      async close() {
        // Open SSE streams (each showroom tab's message inbox, each Live page) never go idle, so Fastify's close
        // would wait for them forever: after a grace period for requests in flight, cut every connection (the
        // browsers' event sources reconnect to the next process and resume after their last message id).
        const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        try {
          // Newest first: backups and the metrics server stop before the app, the checkpointer, the database.
          for (const cleanup of cleanups.reverse()) await cleanup();
        } finally {
          clearTimeout(cut);
        }
        db.close();
      },
    };
  } catch (err) {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
    db.close();
    throw err;
  }
}
