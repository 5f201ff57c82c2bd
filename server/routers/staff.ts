// Staff procedures: log in and out, who am I, sessions and their events.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { loginThrottleFor } from '../auth/loginThrottle';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../auth/password';
import { hashToken, newToken } from '../auth/tokens';
import { uuidSchema } from '../contracts/ids';
import { pageLimit } from '../contracts/paging';
import { sessionListSchema } from '../contracts/sessions';
import { sessionPage, sessionWithEvents } from '../crm/sessionViews';
import { createLogin, deleteLogin, findUserForLogin } from '../db/staff';
import { router, sameOriginProcedure, STAFF_COOKIE, staffProcedure } from '../trpc';

const LOGIN_TTL_SECONDS = 12 * 60 * 60;

export const staffRouter = router({
  /**
   * Checks the email and password and sets the httpOnly login cookie. Failed attempts are limited
   * per (account, address), per account and per address (429 with the time to wait); another site's page is refused.
   */
  login: sameOriginProcedure
    .input(z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const throttle = loginThrottleFor(ctx.db);
      await throttle.check(ctx.ip, input.email);
      const user = findUserForLogin(ctx.db, input.email);
      const ok = await verifyPassword(input.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok || user.disabled) {
        await throttle.failed(ctx.ip, input.email);
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong email or password' });
      }
      await throttle.succeeded(ctx.ip, input.email);
      const token = newToken();
      const now = ctx.now();
      createLogin(ctx.db, { tokenHash: hashToken(token), userId: user.id, now, expiresAt: now + LOGIN_TTL_SECONDS * 1000 });
      ctx.cookies.set(STAFF_COOKIE, token, { maxAgeSeconds: LOGIN_TTL_SECONDS });
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    }),

  logout: staffProcedure.mutation(({ ctx }) => {
    const token = ctx.cookies.get(STAFF_COOKIE);
    if (token) deleteLogin(ctx.db, hashToken(token));
    ctx.cookies.clear(STAFF_COOKIE);
    return { ok: true };
  }),

  me: staffProcedure.query(({ ctx }) => ({ id: ctx.staff.id, email: ctx.staff.email, name: ctx.staff.name, role: ctx.staff.role })),

  /**
   * Sessions newest first, a page at a time, filtered by start time, customer, product, device mode, contact
   * request and duration; each with its modes, products, cart value and the customer's lead stage.
   */
  sessions: staffProcedure.input(sessionListSchema).query(({ ctx, input }) => sessionPage(ctx, input, ctx.staff)),

  /** One session and its events in sequence order. */
  session: staffProcedure
    .input(z.object({ id: uuidSchema, afterSeq: z.number().int().min(-1).optional(), limit: pageLimit(5000, 1000) }))
    .query(({ ctx, input }) => sessionWithEvents(ctx.db, input)),
});
