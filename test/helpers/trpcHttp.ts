// A typed tRPC client over real HTTP for browser tests: a visitor's showroom calls, or a logged-in staff member with a cookie.
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/routers/_app';

export type HttpClient = ReturnType<typeof createTRPCClient<AppRouter>>;

/**
 * A client that keeps the cookies the server sets (like a browser would) and sends the app's own
 * Origin, so staff mutations pass the cross-site check.
 */
export function httpClient(baseUrl: string): HttpClient {
  const cookies = new Map<string, string>();
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/trpc`,
        headers: () => ({ origin: baseUrl, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') }),
        fetch: async (url, init) => {
          const res = await fetch(url, init as RequestInit);
          for (const c of res.headers.getSetCookie()) {
            const [pair] = c.split(';');
            const [k, v] = pair!.split('=') as [string, string];
            if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) cookies.delete(k);
            else cookies.set(k, v);
          }
          return res;
        },
      }),
    ],
  });
}

/** A staff client logged in with `email` and `password`. */
export async function staffClient(baseUrl: string, email: string, password: string): Promise<HttpClient> {
  const client = httpClient(baseUrl);
  await client.staff.login.mutate({ email, password });
  return client;
}
