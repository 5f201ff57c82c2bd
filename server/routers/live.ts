// Live sessions: the showroom's presence beacons, the Live page's subscription, staff messages and the customer's inbox.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { hashToken } from '../auth/tokens';
import { uuidSchema } from '../contracts/ids';
import { lastEventIdSchema, presenceSchema, sendMessageSchema } from '../contracts/live';
import { pageLimit } from '../contracts/paging';
import { sendStaffMessage } from '../crm/staffMessages';
import { liveMessageHistory } from '../db/liveMessages';
import { userForLogin } from '../db/staff';
import { SessionRateLimiter } from '../ingest/rateLimit';
import { liveHubFor } from '../live/hub';
import { inboxStream, liveSessionsStream } from '../live/streams';
import { roleProcedure, router, STAFF_COOKIE, staffProcedure, visitorProcedure } from '../trpc';

/** Presence beacons per session: 4 a second sustained (the showroom sends 2), bursts of 8. */
export const presenceLimiter = new SessionRateLimiter({ requestsPerSecond: 4, requestBurst: 8, eventsPerSecond: 1, eventBurst: 1, maxSessions: 100_000 });

export const liveRouter = router({
  /**
   * The showroom's presence beacon (about twice a second while the visitor moves): head position,
   * heading and what they look at. Kept in the server's memory for the Live page, never stored.
   */
  presence: visitorProcedure.input(presenceSchema).mutation(({ ctx, input }) => {
    const decision = presenceLimiter.take(ctx.visitor.sessionId, 0, ctx.now());
    if (!decision.ok) {
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Too many presence updates for this session (at most 4 per second); retry after ${(decision.retryAfterMs / 1000).toFixed(1)} s` });
    }
    for (const id of [input.gazeProductId, input.selectedProductId]) {
      if (id !== null && !ctx.productIds.has(id)) throw new TRPCError({ code: 'BAD_REQUEST', message: `"${id}" is not a catalogue product` });
    }
    liveHubFor(ctx.db).presence(ctx.visitor.sessionId, input, ctx.now());
    return { ok: true };
  }),

  /**
   * Staff: the sessions active now, as a snapshot and then their changes and messages (SSE). The
   * stream outlives the request's login check, so it checks the login again every minute.
   */
  sessions: staffProcedure.subscription(({ ctx, signal }) => {
    const token = ctx.cookies.get(STAFF_COOKIE) ?? '';
    const stillAllowed = () => userForLogin(ctx.db, hashToken(token), ctx.now()) !== undefined;
    return liveSessionsStream(liveHubFor(ctx.db), ctx.now, signal, { stillAllowed });
  }),

  /** Sends a short message to a customer who is in the showroom now (or was in the last 30 minutes). */
  send: roleProcedure('sales', 'admin')
    .input(sendMessageSchema)
    .mutation(({ ctx, input }) => sendStaffMessage(ctx, input, ctx.staff)),

  /** Staff: the messages sent to a session, newest first, with when the customer saw and dismissed them. */
  history: staffProcedure
    .input(z.object({ sessionId: uuidSchema, limit: pageLimit(200, 50) }))
    .query(({ ctx, input }) => liveMessageHistory(ctx.db, input.sessionId, input.limit)),

  /**
   * The customer's inbox (SSE), for the holder of the session's token: messages after `lastEventId`
   * (the browser's last one; tRPC fills it in on reconnect), then new ones as staff send them.
   */
  inbox: visitorProcedure.input(z.object({ lastEventId: lastEventIdSchema })).subscription(({ ctx, input, signal }) =>
    inboxStream(ctx.db, liveHubFor(ctx.db), ctx.visitor.sessionId, Number(input.lastEventId ?? 0), signal),
  ),
});
