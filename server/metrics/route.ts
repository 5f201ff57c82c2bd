// GET /metrics in the Prometheus text format: behind a Bearer token on the main port, or on a port of its own.
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import { metricsText } from './registry';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the Authorization header carries `Bearer <token>` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}

/** Serves GET /metrics; with `token`, only to requests that present it (401 otherwise). */
export const metricsRoute: FastifyPluginAsync<{ token: string | null }> = async (app, opts) => {
  app.get('/metrics', { helmet: false, compress: false } as never, async (req, reply) => {
    if (opts.token !== null && !bearerMatches(req.headers.authorization, opts.token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="showroom metrics"').send({ message: 'Send the metrics token as Authorization: Bearer <SHOWROOM_METRICS_TOKEN>' });
    }
    const { body, contentType } = await metricsText();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
};

/** Starts a separate HTTP server with only GET /metrics on `host`:`port` (0: a free port); resolves with it and its port. */
export async function startMetricsServer(opts: { host: string; port: number; token: string | null; logger: Logger }): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify({ loggerInstance: opts.logger.child({ server: 'metrics' }) as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }) });
  await app.register(metricsRoute, { token: opts.token });
  await app.listen({ host: opts.host, port: opts.port });
  const address = app.server.address();
  return { app, port: typeof address === 'object' && address ? address.port : opts.port };
}
