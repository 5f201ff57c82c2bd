// The HTTP server: tRPC at /trpc, the built client at / and /staff, catalogue assets, /healthz, /metrics.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { BackupResult } from './backups/scheduler';
import { createContextFactory, type AppDeps } from './context';
import { schemaVersion } from './db/migrate';
import { MAX_BATCH_EVENTS } from './contracts/events';
import { ingestRoute } from './ingest/httpRoute';
import { RateLimitedError } from './ingest/rateLimit';
import { installRequestMetrics } from './metrics/http';
import { countRefusedBatch } from './metrics/ingest';
import { startProcessMetrics } from './metrics/registry';
import { metricsRoute } from './metrics/route';
import { instrumentSqlite } from './metrics/sqliteTime';
import { appRouter, type AppRouter } from './routers/_app';
import { internalErrorMessage } from './trpc';

export interface AppOptions {
  deps: AppDeps;
  /** Folder of the built client (index.html, staff/index.html, static/). */
  clientDir: string;
  /** Folder of catalogue assets, served at /assets/. */
  assetsDir: string;
  /** The server's logger (server/logger.ts); none: no logging (tests). */
  logger?: Logger;
  /** Serve GET /metrics on this app's port, with this Bearer token (null: no token). Left out: no /metrics here. */
  metrics?: { token: string | null };
  /** The last scheduled backup's outcome, shown on /healthz; left out when backups are not scheduled. */
  lastBackup?: () => BackupResult | null;
  https?: { cert: Buffer; key: Buffer } | null;
  /** Serve POST /trpc/session.ingest with the lean route (the default); false leaves it all to tRPC (tests compare the two). */
  leanIngest?: boolean;
}

/** Largest request body accepted, in bytes (an event batch is at most 500 events and 1 MB). */
export const BODY_LIMIT = 1024 * 1024;

/** A backup outcome as /healthz shows it: the file's name (not the server's folder layout), time, result, size and duration. */
function publicBackup(b: BackupResult) {
  return { at: b.at, file: path.basename(b.file), ok: b.ok, bytes: b.bytes, durationMs: b.durationMs, ...(b.error ? { error: b.error } : {}) };
}

/** Builds the Fastify app; call `listen` on the result. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    // One log line per request would drown the log under event ingest; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 5000 },
    // A random id per request: in every log line about it, in the X-Request-Id header and in a 500's message.
    genReqId: () => randomUUID(),
    ...(opts.https ? { https: opts.https } : {}),
  } as FastifyServerOptions);

  // Request metrics on every route (numbers kept in JS, read when /metrics is scraped: server/metrics/).
  startProcessMetrics();
  instrumentSqlite(opts.deps.db);
  installRequestMetrics(app, Object.keys(appRouter._def.procedures));
  // No line per request (ingest would drown the log), but a failed one at debug: its id, path (no query) and status.
  app.addHook('onResponse', (req, reply, done) => {
    if (reply.statusCode >= 400) req.log.debug({ req, res: reply, ms: Math.round(performance.now() - req.metricsArrivedAt) }, 'request failed');
    done();
  });

  // Telemetry: navigator.sendBeacon can only send text/plain; ingest reads such a body as JSON. Only the exact,
  // unbatched ingest path: nothing else (a batch naming another procedure) may ride this rewrite.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.method === 'POST' && req.url === '/trpc/session.ingest' && /^text\/plain\b/i.test(req.headers['content-type'] ?? '')) {
      req.raw.headers['content-type'] = 'application/json';
    }
  });
  // A body over the limit is refused before parsing, with a message a client can act on; a failure inside the
  // server is logged with the request id and answered with that id only.
  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, req, reply) => {
    if (err.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const status = err.statusCode ?? 500;
      if (status < 500) return reply.code(status).send({ statusCode: status, code: err.code, message: err.message });
      req.log.error({ err }, 'request failed');
      return reply.code(status).send({ statusCode: status, message: internalErrorMessage(req.id), requestId: req.id });
    }
    if (req.url.startsWith('/trpc/session.ingest')) countRefusedBatch('too_large', 0);
    const message = `The request body is larger than ${BODY_LIMIT} bytes; send at most ${MAX_BATCH_EVENTS} events and 1 MiB per batch`;
    return reply.code(413).send(
      req.url.startsWith('/trpc/') ? { error: { message, code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } } : { message },
    );
  });

  await app.register(fastifyCookie);
  const trpcOptions = {
    router: appRouter,
    createContext: createContextFactory(opts.deps),
    responseMeta({ errors }) {
      const limited = errors.find((e) => e.cause instanceof RateLimitedError)?.cause as RateLimitedError | undefined;
      return limited ? { headers: { 'retry-after': String(Math.max(1, Math.ceil(limited.retryAfterMs / 1000))) } } : {};
    },
    onError({ error, path: procedure, req }) {
      // The request's own logger, so the line carries its request id; never the input (it holds personal data).
      if (error.code === 'INTERNAL_SERVER_ERROR') (req.log ?? app.log).error({ err: error.cause ?? error, procedure }, 'procedure failed');
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'data:', 'blob:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // The showroom is also served over plain HTTP on a LAN; never upgrade or pin HTTPS from here.
    strictTransportSecurity: opts.https ? undefined : false,
    crossOriginEmbedderPolicy: false,
    // One framing policy: none (CSP frame-ancestors 'none' above, and DENY for browsers without CSP 2).
    xFrameOptions: { action: 'deny' },
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });

  // Event ingest, the hot path, beside tRPC at the same URL (server/ingest/httpRoute.ts).
  if (opts.leanIngest !== false) await app.register(ingestRoute, { deps: opts.deps, trpcOptions });
  await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions });

  if (opts.metrics) await app.register(metricsRoute, { token: opts.metrics.token });

  app.get('/healthz', async (req, reply) => {
    try {
      opts.deps.db.prepare('SELECT 1').get();
      const backup = opts.lastBackup?.();
      return { status: 'ok', schemaVersion: schemaVersion(opts.deps.db), ...(opts.lastBackup ? { backup: backup ? publicBackup(backup) : null } : {}) };
    } catch (err) {
      req.log.error({ err }, 'health check failed');
      return reply.code(503).send({ status: 'error', message: internalErrorMessage(req.id) });
    }
  });

  await app.register(fastifyStatic, {
    root: opts.assetsDir,
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    maxAge: '1h',
  });

  const hasClient = fs.existsSync(path.join(opts.clientDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: opts.clientDir,
      prefix: '/',
      index: false,
      wildcard: true,
      setHeaders(res, file) {
        // Vite puts content-hashed bundles in static/: they never change under the same name.
        if (file.includes(`${path.sep}static${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
    app.get('/', (_req, reply) => reply.sendFile('index.html'));
    app.get('/staff', (_req, reply) => reply.sendFile('staff/index.html'));
    app.get('/staff/*', (_req, reply) => reply.sendFile('staff/index.html'));
  } else {
    const notBuilt = (_req: unknown, reply: { code: (n: number) => { type: (t: string) => { send: (s: string) => void } } }) =>
      reply.code(503).type('text/plain').send('The client is not built. Run `npm start` (which builds it) or `npm run build`.');
    app.get('/', notBuilt);
    app.get('/staff', notBuilt);
  }

  return app;
}
