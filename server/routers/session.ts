// Customer session procedures: start a session and ingest its event batches.
import { TRPCError } from '@trpc/server';
import { v7 as uuidv7 } from 'uuid';
import { hashToken, newToken } from '../auth/tokens';
import { ingestBatchSchema, MAX_BATCH_EVENTS, sessionStartSchema, type IngestResult } from '../contracts/events';
import { createSession } from '../db/sessions';
import { RateLimitedError, SessionRateLimiter } from '../ingest/rateLimit';
import { storeBatch } from '../ingest/store';
import { publicProcedure, router, visitorProcedure } from '../trpc';

/** Per-session ingest limits, shared by every request this process serves. */
export const ingestLimiter = new SessionRateLimiter();

/**
 * Before the batch is parsed: more than MAX_BATCH_EVENTS events is 413, a session sending faster
 * than its rate limit is 429 with the wait in the message (and the Retry-After header).
 */
const ingestLimits = visitorProcedure.use(async ({ ctx, getRawInput, next }) => {
  const raw = (await getRawInput()) as { events?: unknown } | null;
  const n = raw && Array.isArray(raw.events) ? raw.events.length : 0;
  if (n > MAX_BATCH_EVENTS) {
    throw new TRPCError({
      code: 'PAYLOAD_TOO_LARGE',
      message: `events: a batch holds at most ${MAX_BATCH_EVENTS} events, this one has ${n}; send it in smaller batches`,
    });
  }
  const decision = ingestLimiter.take(ctx.visitor.sessionId, n, ctx.now());
  if (!decision.ok) {
    const o = ingestLimiter.options;
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message:
        `Too many events for this session (at most ${o.requestsPerSecond} batches and ${o.eventsPerSecond} events per second); ` +
        `retry after ${(decision.retryAfterMs / 1000).toFixed(1)} s`,
      cause: new RateLimitedError(decision.retryAfterMs),
    });
  }
  return next();
});

export const sessionRouter = router({
  /**
   * Starts a customer session. The returned token is the only way to write to it; the browser keeps
   * it with its event queue and never shares it.
   */
  start: publicProcedure.input(sessionStartSchema).mutation(({ ctx, input }) => {
    const id = uuidv7();
    const token = newToken();
    createSession(ctx.db, {
      id,
      visitorId: input.visitorId,
      tokenHash: hashToken(token),
      mode: input.mode,
      userAgent: (input.userAgent ?? ctx.userAgent).slice(0, 400),
      now: ctx.now(),
    });
    return { sessionId: id, token };
  }),

  /**
   * Stores a batch of events for one session, all or nothing, in one transaction with the session's
   * and products' rollups. Events already stored (same id) are skipped, so a retry is harmless. A
   * batch with any invalid event is refused whole (400), naming each bad event's index and field, so
   * the browser can drop exactly those and resend the rest.
   */
  ingest: ingestLimits.input(ingestBatchSchema).mutation(({ ctx, input }): Promise<IngestResult> => storeBatch(ctx, input)),
});
