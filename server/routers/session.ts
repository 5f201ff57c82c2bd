// Customer session procedures: start a session and ingest its event batches.
import { TRPCError } from '@trpc/server';
import { v7 as uuidv7 } from 'uuid';
import { hashToken, newToken } from '../auth/tokens';
import { ingestBatchSchema, sessionStartSchema } from '../contracts/events';
import { insertBatch } from '../db/events';
import { createSession } from '../db/sessions';
import { publicProcedure, router, visitorProcedure } from '../trpc';

export const sessionRouter = router({
  /**
   * Starts a customer session. The returned token is the only way to write to it; the browser keeps
   * it in memory and never shares it.
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
   * Stores a batch of events for one session, all or nothing. Events already stored (same id) are
   * skipped, so a retry is harmless. A batch with any invalid event is refused whole, with the
   * event's index and field in the message.
   */
  ingest: visitorProcedure.input(ingestBatchSchema).mutation(({ ctx, input }) => {
    input.events.forEach((e, i) => {
      if (e.productId !== undefined && !ctx.productIds.has(e.productId)) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `events[${i}].productId: "${e.productId}" is not a catalogue product` });
      }
    });
    const accepted = insertBatch(ctx.db, input.sessionId, input.events, ctx.now());
    return { accepted, duplicates: input.events.length - accepted };
  }),
});
