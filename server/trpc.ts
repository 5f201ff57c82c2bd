// tRPC building blocks: the router factory and the public and staff procedures.
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { hashToken, tokenMatches } from './auth/tokens';
import type { Context } from './context';
import { describeZodError } from './contracts/errors';
import { sessionAuthSchema } from './contracts/shop';
import { sessionForWrite } from './db/sessions';
import { type Role, userForLogin } from './db/staff';

export const STAFF_COOKIE = 'showroom_staff';

const t = initTRPC.context<Context>().create({
  // Subscriptions over SSE: a ping every 10 s keeps proxies from closing a quiet stream, and the
  // browser reconnects (resuming after its last tracked id) when it hears nothing for 25 s.
  sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 25_000 } },
  errorFormatter({ shape, error, ctx }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    // A failure inside the server says nothing about it (SQL, tables, Node internals): the log has it, under this id.
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      const requestId = ctx?.requestId || 'unknown';
      return { ...shape, message: internalErrorMessage(requestId), data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, requestId } };
    }
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        issues: zod ? zod.issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message })) : undefined,
      },
    };
  },
});

/** What a caller is told when the server fails: no detail, the request id to quote. */
export function internalErrorMessage(requestId: string): string {
  return `Something went wrong on the server; quote request id ${requestId} when reporting it`;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Replaces zod's JSON dump with a readable message naming each bad field. */
const readableInputErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ZodError) {
    result.error.message = describeZodError(result.error.cause);
  }
  return result;
});

export const publicProcedure = t.procedure.use(readableInputErrors);

/** Sec-Fetch-Site values a browser sends for a request made by this site's own pages. */
const OWN_SITE = new Set(['same-origin', 'same-site']);

/**
 * Refuses a mutation not sent by this site's pages (the SameSite cookie is the first line): an Origin
 * header must be the server's own origin; without one, Sec-Fetch-Site must say same-origin or same-site.
 * A request over HTTP with neither header is refused too (browsers send Origin on every POST).
 */
const sameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  if (ctx.origin !== undefined) {
    if (ctx.origin !== ctx.selfOrigin) throw new TRPCError({ code: 'FORBIDDEN', message: `Requests from ${ctx.origin} are not allowed` });
  } else if (ctx.fetchSite !== undefined) {
    if (!OWN_SITE.has(ctx.fetchSite)) throw new TRPCError({ code: 'FORBIDDEN', message: `Requests from another site (Sec-Fetch-Site: ${ctx.fetchSite}) are not allowed` });
  } else if (ctx.viaHttp) {
    throw new TRPCError({ code: 'FORBIDDEN', message: "Staff changes must come from this site's pages: the request has neither an Origin nor a Sec-Fetch-Site header" });
  }
  return next();
});

/** A public procedure that refuses mutations from another site's page (the staff login). */
export const sameOriginProcedure = publicProcedure.use(sameOrigin);

/** A procedure that needs a logged-in staff member; `ctx.staff` is the user. */
export const staffProcedure = publicProcedure.use(sameOrigin).use(({ ctx, next }) => {
  const token = ctx.cookies.get(STAFF_COOKIE);
  const staff = token ? userForLogin(ctx.db, hashToken(token), ctx.now()) : undefined;
  if (!staff) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in as staff to do this' });
  return next({ ctx: { staff } });
});

/** A staff procedure limited to the given roles. */
export const roleProcedure = (...allowed: Role[]) =>
  staffProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.staff.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${allowed.join(' or ')} role; you are ${ctx.staff.role}` });
    }
    return next();
  });

/**
 * A procedure acting for the customer's browser: the input carries `sessionId` and `token`, and
 * `ctx.visitor` is the session's visitor. A wrong token is FORBIDDEN.
 */
export const visitorProcedure = publicProcedure.input(sessionAuthSchema).use(({ ctx, input, next }) => {
  const session = sessionForWrite(ctx.db, input.sessionId);
  if (!session || !tokenMatches(input.token, session.tokenHash)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'token: does not match this session; start a new session' });
  }
  return next({ ctx: { visitor: { sessionId: input.sessionId, visitorId: session.visitorId } } });
});
