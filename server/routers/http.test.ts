// Staff security over real HTTP: cookie attributes and cross-site mutations refused with 403 (login limits: server/auth/loginThrottle.http.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestServer, type TestServer } from '../../test/helpers/server';

let server: TestServer;
const ADMIN = { email: 'root@example.com', password: 'a long admin password' };

beforeAll(async () => {
  server = await startTestServer();
  const r = runCli(['user', 'add', '--email', ADMIN.email, '--role', 'admin', '--password-stdin'], { dataDir: server.dataDir, input: `${ADMIN.password}\n` });
  expect(r.status).toBe(0);
});
afterAll(() => server?.stop());

async function post(procedure: string, input: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
  const body = (await res.json()) as { error?: { message: string } };
  return { status: res.status, message: body.error?.message, cookie: res.headers.get('set-cookie'), retryAfter: res.headers.get('retry-after') };
}

describe('staff over HTTP', () => {
  it('sets an httpOnly SameSite=Strict cookie with an expiry, and refuses mutations from another site with 403', async () => {
    const self = { origin: server.url };
    expect((await post('staff.login', ADMIN, { origin: 'https://evil.example' })).status).toBe(403);
    const login = await post('staff.login', ADMIN, self);
    expect(login.status).toBe(200);
    expect(login.cookie).toMatch(/^showroom_staff=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = login.cookie!.split(';')[0]!;

    const forged = await post('customers.create', { email: 'forged@example.com' }, { cookie, origin: 'https://evil.example' });
    expect(forged).toMatchObject({ status: 403, message: 'Requests from https://evil.example are not allowed' });
    const erase = await post('customers.erase', { id: 1 }, { cookie, origin: 'null' });
    expect(erase.status).toBe(403);
    const real = await post('customers.create', { email: 'real@example.com' }, { cookie, ...self });
    expect(real.status).toBe(200);
    const list = await fetch(`${server.url}/trpc/customers.list?input=${encodeURIComponent('{}')}`, { headers: { cookie } });
    expect(((await list.json()) as { result: { data: { items: { email: string }[] } } }).result.data.items.map((c) => c.email)).toEqual(['real@example.com']);
  });
});
