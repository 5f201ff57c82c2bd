// POST /trpc/session.ingest without the tRPC request pipeline: the same contract, checks and answers, a fraction of the CPU.
import type {} from '@fastify/compress';
import type {} from '@fastify/helmet';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { fastifyRequestHandler, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { getErrorShape, getHTTPStatusCode, getTRPCErrorFromUnknown } from '@trpc/server/unstable-core-do-not-import';
import { tokenMatches } from '../auth/tokens';
import { ingestBatchSchema, MAX_BATCH_EVENTS } from '../contracts/events';
import { sessionForWrite } from '../db/sessions';
import type { Context } from '../context';
import { countRefusedBatch, type RefusalReason } from '../metrics/ingest';
import type { AppRouter } from '../routers/_app';
import { ingestLimiter } from '../routers/session';
import { storeBatch, unknownProductsMessage, type IngestDeps } from './store';

export const INGEST_ROUTE = '/trpc/session.ingest';
const PROCEDURE = 'session.ingest';

export interface IngestRouteOptions {
  deps: IngestDeps;
  /** The options the tRPC plugin serves /trpc with: any request this route does not answer itself goes to them. */
  trpcOptions: FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
}

/**
 * Serves the common case of `session.ingest` (a well-formed batch with a valid token, known products and room in
 * the session's rate limit) directly: one JSON.parse, one zod parse with the contract's own schema, the token
 * check, the rate limit, the write. Every other request (bad JSON, a refused batch, a wrong token, over 500
 * events, rate limited, tRPC's batch form, another content type) is handed, untouched, to the tRPC handler, which
 * answers exactly as before: this route decides before it changes anything (the rate limiter takes nothing from a
 * request it hands on), so those answers and their side effects are tRPC's own. The route skips the security
 * headers and compression (an ingest answer is a few bytes of JSON that no browser renders); request bodies are
 * still decompressed as everywhere else.
 */
export const ingestRoute: FastifyPluginAsync<IngestRouteOptions> = async (app, opts) => {
  const { deps, trpcOptions } = opts;
  // The same body parsers as the tRPC plugin's scope, so a request handed on is what tRPC would have received.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.removeContentTypeParser('multipart/form-data');
  app.addContentTypeParser('multipart/form-data', {}, (_req, body, done) => done(null, body));

  const viaTrpc = (req: FastifyRequest, reply: FastifyReply) => fastifyRequestHandler({ ...trpcOptions, req, res: reply, path: PROCEDURE });
  /** Hands a batch this route refuses to tRPC (which answers it), counting it under `reason`. */
  const refuse = (reason: RefusalReason, eventCount: number, req: FastifyRequest, reply: FastifyReply) => {
    countRefusedBatch(reason, eventCount);
    return viaTrpc(req, reply);
  };

  app.post(INGEST_ROUTE, { helmet: false, compress: false }, async (req, reply) => {
    if (typeof req.body !== 'string' || req.url.includes('?') || !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return viaTrpc(req, reply);
    let raw: unknown;
    try {
      raw = JSON.parse(req.body);
    } catch {
      return refuse('invalid_json', 0, req, reply);
    }
    const events = (raw as { events?: unknown } | null)?.events;
    const count = Array.isArray(events) ? events.length : 0;
    if (count > MAX_BATCH_EVENTS) return refuse('too_many_events', count, req, reply);
    const parsed = ingestBatchSchema.safeParse(raw);
    if (!parsed.success) return refuse('invalid', count, req, reply);
    const input = parsed.data;
    const session = sessionForWrite(deps.db, input.sessionId);
    if (!session || !tokenMatches(input.token, session.tokenHash)) return refuse('token', count, req, reply);
    if (unknownProductsMessage(deps.productIds, input.events) !== null) return refuse('unknown_product', count, req, reply);
    if (!ingestLimiter.take(input.sessionId, input.events.length, deps.now()).ok) return refuse('rate_limited', count, req, reply);
    let body: string;
    const waitFrom = performance.now();
    try {
      body = JSON.stringify({ result: { data: await storeBatch(deps, input) } });
      // The wait on the database is the group commit's: from queueing the batch to its transaction's commit.
      req.metricsDbWaitMs = performance.now() - waitFrom;
    } catch (cause) {
      // A failed write: answered and reported (trpcOptions.onError logs it) as the tRPC handler would.
      const error = getTRPCErrorFromUnknown(cause);
      // The error formatter reads only the request id from the context (the 500 names it, the log has the cause).
      const ctx = { requestId: req.id } as Context;
      trpcOptions.onError?.({ error, type: 'mutation', path: PROCEDURE, input, ctx, req });
      const shape = getErrorShape({ config: trpcOptions.router._def._config, error, type: 'mutation', path: PROCEDURE, input, ctx });
      reply.code(getHTTPStatusCode({ error: shape }));
      body = JSON.stringify({ error: shape });
    }
    // A Buffer, so Fastify sends the content type exactly as tRPC does (no charset added).
    return reply.header('vary', 'trpc-accept, accept').header('content-type', 'application/json').header('x-content-type-options', 'nosniff').send(Buffer.from(body));
  });
};
