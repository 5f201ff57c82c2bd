// tRPC context: an inner part built from plain values (used by tests) and the HTTP adapter's outer part.
import type {} from '@fastify/cookie';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { Catalog } from './contracts/catalog';
import type { DB } from './db/connection';

/** What the server holds for its whole life and shares with every request. */
export interface AppDeps {
  db: DB;
  catalog: Catalog;
  /** Ids of every product ever loaded, for validating event references. */
  productIds: Set<string>;
  /** Whether the staff cookie must be marked Secure (the server speaks HTTPS). */
  secureCookies: boolean;
  now: () => number;
}

export interface CookieOptions {
  maxAgeSeconds: number;
}

/** The request's cookies, readable and settable, without tying the routers to an HTTP library. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, opts: CookieOptions): void;
  clear(name: string): void;
}

export interface RequestMeta {
  cookies: CookieJar;
  /** The client address, for rate limits and the audit log. */
  ip: string;
  userAgent: string;
  /** The request's Origin header, if any, and the origin the server was reached at. */
  origin: string | undefined;
  selfOrigin: string | undefined;
  /** The browser's Sec-Fetch-Site header (`same-origin`, `same-site`, `cross-site`, `none`), if any. */
  fetchSite: string | undefined;
  /** Whether the call came over HTTP (a test's direct caller is not a browser and has no headers to check). */
  viaHttp: boolean;
  /** The request's id: in the log lines about it and in a 500's message. */
  requestId: string;
}

export type Context = AppDeps & RequestMeta;

/** Builds a context from plain values: what tests call with an in-memory cookie jar. */
export function createInnerContext(deps: AppDeps, meta: Partial<RequestMeta> = {}): Context {
  return {
    ...deps,
    cookies: meta.cookies ?? memoryCookieJar(),
    ip: meta.ip ?? '127.0.0.1',
    userAgent: meta.userAgent ?? '',
    origin: meta.origin,
    selfOrigin: meta.selfOrigin,
    fetchSite: meta.fetchSite,
    viaHttp: meta.viaHttp ?? false,
    requestId: meta.requestId ?? '',
  };
}

/** A cookie jar kept in memory: one per simulated browser in tests. */
export function memoryCookieJar(initial: Record<string, string> = {}): CookieJar & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (name) => values.get(name),
    set: (name, value) => void values.set(name, value),
    clear: (name) => void values.delete(name),
  };
}

/** Builds the context for one HTTP request handled by the Fastify adapter. */
export function createContextFactory(deps: AppDeps) {
  return ({ req, res }: CreateFastifyContextOptions): Context => {
    const cookieBase = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.secureCookies };
    const host = req.headers.host;
    return createInnerContext(deps, {
      cookies: {
        get: (name) => req.cookies[name],
        set: (name, value, opts) => void res.setCookie(name, value, { ...cookieBase, maxAge: opts.maxAgeSeconds }),
        clear: (name) => void res.clearCookie(name, cookieBase),
      },
      ip: req.ip,
      userAgent: String(req.headers['user-agent'] ?? ''),
      origin: typeof req.headers.origin === 'string' ? req.headers.origin : undefined,
      selfOrigin: host ? `${req.protocol}://${host}` : undefined,
      fetchSite: typeof req.headers['sec-fetch-site'] === 'string' ? req.headers['sec-fetch-site'] : undefined,
      viaHttp: true,
      requestId: req.id,
    });
  };
}
