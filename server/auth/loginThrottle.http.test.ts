// Failed staff logins over real HTTP from several client addresses: an attacker cannot lock the owner out, and each limit answers 429 with Retry-After.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestServer, type TestServer } from '../../test/helpers/server';
import { LOGIN_LIMITS } from './loginThrottle';

let server: TestServer;
const PASSWORD = 'the owner knows this one';
const accounts = ['ana@example.com', 'bo@example.com', 'cy@example.com'];

beforeAll(async () => {
  server = await startTestServer();
  for (const email of accounts) {
    const r = runCli(['user', 'add', '--email', email, '--role', 'sales', '--password-stdin'], { dataDir: server.dataDir, input: `${PASSWORD}\n` });
    expect(r.status).toBe(0);
  }
}, 60_000);
afterAll(() => server?.stop());

interface Answer {
  status: number;
  message: string;
  retryAfter: number | null;
}

/** POSTs staff.login from the loopback address `from` (127.0.0.x: each one a different client to the server). */
function login(from: string, email: string, password: string): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, path: '/trpc/staff.login', method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', origin: server.url } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { error?: { message: string } };
          const retry = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, message: parsed.error?.message ?? '', retryAfter: retry === undefined ? null : Number(retry) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const fail = (from: string, email: string, i = 0) => login(from, email, `wrong guess ${i}`);

describe('login throttling', () => {
  it('50 failures from an attacker address do not stop the owner from their address; the attacker gets 429 with Retry-After', { timeout: 120_000 }, async () => {
    const [email] = accounts as [string];
    expect((await login('127.0.0.3', email, PASSWORD)).status).toBe(200);
    const answers: Answer[] = [];
    for (let i = 0; i < 50; i++) answers.push(await fail('127.0.0.2', email, i));
    const pair = LOGIN_LIMITS.perAccountAndAddress.failures;
    expect(answers.slice(0, pair).map((a) => a.status)).toEqual(Array(pair).fill(401));
    expect(new Set(answers.slice(pair).map((a) => a.status))).toEqual(new Set([429]));
    const blocked = answers.at(-1)!;
    expect(blocked.message).toBe('Too many failed logins for this account from this address; try again in 15 minutes');
    expect(blocked.retryAfter).toBeGreaterThan(14 * 60);
    expect(blocked.retryAfter).toBeLessThanOrEqual(15 * 60);
    // Even the right password is refused from the attacker's address until the wait is over.
    expect((await login('127.0.0.2', email, PASSWORD)).status).toBe(429);

    expect((await login('127.0.0.3', email, PASSWORD)).status).toBe(200);
    expect((await login('127.0.0.4', email, PASSWORD)).status, 'a new address is not locked out by one attacker').toBe(200);
  });

  it('an attack on one account from many addresses slows new addresses to one try a minute, and the owner still logs in from a known one', { timeout: 120_000 }, async () => {
    const email = accounts[1]!;
    expect((await login('127.0.0.9', email, PASSWORD)).status).toBe(200);
    const pair = LOGIN_LIMITS.perAccountAndAddress.failures;
    // Exactly the account-wide limit, spread over addresses so that none reaches its own limit.
    for (let n = 0; n < LOGIN_LIMITS.perAccount.failures; n++) {
      expect((await fail(`127.0.1.${1 + Math.floor(n / (pair - 1))}`, email, n)).status).toBe(401);
    }
    expect((await login('127.0.0.9', email, PASSWORD)).status, 'the owner from a known address').toBe(200);

    expect((await fail('127.0.2.1', email)).status, 'a new address gets its first try').toBe(401);
    const slowed = await fail('127.0.2.1', email, 1);
    expect(slowed.status).toBe(429);
    expect(slowed.message).toMatch(/^Too many failed logins for this account; from an address not used with it before, try once a minute \(next in \d+ s\)$/);
    expect(slowed.retryAfter).toBeGreaterThan(0);
    expect(slowed.retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.newAddressDelaySeconds);
    expect((await login('127.0.2.2', email, PASSWORD)).status, 'the owner from a new address, first try').toBe(200);
  });

  it('many failures from one address against many accounts block that address, except for accounts that logged in from it before', { timeout: 180_000 }, async () => {
    const email = accounts[2]!;
    expect((await login('127.0.3.1', email, PASSWORD)).status).toBe(200);
    const limit = LOGIN_LIMITS.perAddress.failures;
    for (let i = 0; i < limit; i++) expect((await fail('127.0.3.1', `nobody${i}@example.com`)).status).toBe(401);
    const blocked = await fail('127.0.3.1', 'someone.else@example.com');
    expect(blocked.status).toBe(429);
    expect(blocked.message).toBe('Too many failed logins from this address; try again in 15 minutes');
    expect(blocked.retryAfter).toBeGreaterThan(14 * 60);
    expect((await login('127.0.3.1', email, PASSWORD)).status, 'an account known at this address').toBe(200);
    expect((await login('127.0.3.2', accounts[0]!, PASSWORD)).status, 'other addresses are not affected').toBe(200);
  });
});
