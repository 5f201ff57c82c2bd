// No personal data in the logs: pino redaction and serializers, and the whole output of a real server that was used and refused requests.
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startTestServer, tempDir, type TestServer } from '../test/helpers/server';
import { createLogger } from './logger';

const EMAIL = 'ottilie.quarterman@example.org';
const NAME = 'Ottilie Quarterman';
const STAFF_EMAIL = 'wilhelmina.staff@example.org';
const PASSWORD = 'correct-horse-battery-staple-42';
const METRICS_TOKEN = 'metrics-secret-0123456789';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe('logger', () => {
  it('redacts credentials and personal fields, drops URL queries, masks emails in error messages', () => {
    let out = '';
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((out += chunk.toString()), done()) });
    const log = createLogger('info', sink);
    log.info({ req: { method: 'GET', url: `/trpc/customers.list?input=${encodeURIComponent(JSON.stringify({ search: EMAIL }))}`, headers: { cookie: 'showroom_staff=abc', authorization: `Bearer ${METRICS_TOKEN}` } } }, 'seen');
    log.info({ user: { email: EMAIL, name: NAME, password: PASSWORD, token: METRICS_TOKEN }, email: EMAIL, input: { name: NAME } }, 'fields');
    log.error({ err: new Error(`A customer with the email ${EMAIL} already exists`) }, 'failed');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]!.req).toEqual({ method: 'GET', url: '/trpc/customers.list' });
    expect((lines[1]!.user as Record<string, string>).email).toBe('[redacted]');
    expect((lines[2]!.err as { message: string }).message).toBe('A customer with the email [email] already exists');
    for (const secret of [EMAIL, NAME, PASSWORD, METRICS_TOKEN, 'showroom_staff=abc']) expect(out).not.toContain(secret);
  });

  it('a real server, logged in to, creating a customer and refusing requests, logs none of their personal data', async () => {
    const dataDir = tempDir();
    const added = runCli(['user', 'add', '--email', STAFF_EMAIL, '--name', 'Wilhelmina Staff', '--password-stdin'], { dataDir, input: PASSWORD });
    expect(added.status, added.stderr).toBe(0);
    const server = await startTestServer({ dataDir, env: { LOG_LEVEL: 'debug', SHOWROOM_METRICS_TOKEN: METRICS_TOKEN } });
    servers.push(server);
    const url = server.url;
    const call = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, ...headers }, body: JSON.stringify(input) });

    const login = await call('staff.login', { email: STAFF_EMAIL, password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const staffToken = cookie.split('=')[1]!;
    expect(staffToken.length).toBeGreaterThan(10);
    const customer = { name: NAME, email: EMAIL, consentContact: true, consentTracking: false };
    expect((await call('customers.create', customer, { cookie })).status).toBe(200);

    // Refused requests, each carrying the personal data somewhere a careless log line would print it.
    expect((await call('customers.create', customer, { cookie })).status).toBe(409);
    expect((await call('staff.login', { email: EMAIL, password: `${PASSWORD}-wrong` })).status).toBe(401);
    const query = encodeURIComponent(JSON.stringify({ search: EMAIL, limit: -5 }));
    expect((await fetch(`${url}/trpc/customers.list?input=${query}`, { headers: { cookie } })).status).toBe(400);
    expect((await fetch(`${url}/trpc/customers.create`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: url }, body: `{"name":"${NAME}","email":"${EMAIL}"` })).status).toBe(400);
    expect((await fetch(`${url}/trpc/session.ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events: [], note: EMAIL.repeat(40_000) }) })).status).toBe(413);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${PASSWORD}` } })).status).toBe(401);
    expect((await fetch(`${url}/trpc/staff.me`, { headers: { cookie: `showroom_staff=${staffToken}x` } })).status).toBe(401);
    await server.stop();

    const output = server.output();
    // The refused requests were logged (at debug), each with its request id, method, path and status.
    const failed = output
      .split('\n')
      .filter((l) => l.includes('"request failed"'))
      .map((l) => JSON.parse(l) as { reqId: string; req: { url: string }; res: { statusCode: number } });
    expect(failed.map((l) => l.res.statusCode).sort()).toEqual([400, 400, 401, 401, 401, 409, 413]);
    expect(failed.every((l) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(l.reqId))).toBe(true);
    expect(failed.map((l) => l.req.url)).toContain('/trpc/customers.list');
    for (const secret of [EMAIL, NAME, STAFF_EMAIL, 'Wilhelmina Staff', PASSWORD, staffToken, METRICS_TOKEN, encodeURIComponent(EMAIL)]) {
      expect(output.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
    // Every line is JSON from the one logger.
    for (const line of output.trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
  });
});
