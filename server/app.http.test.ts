// The HTTP layer against a real server: a 500 tells nothing internal, framing is denied, staff mutations need this site's Origin, the beacon rewrite is exact.
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestServer, type TestServer } from '../test/helpers/server';

let server: TestServer;
const ADMIN = { email: 'root@example.com', password: 'a long admin password' };
let cookie = '';

beforeAll(async () => {
  server = await startTestServer();
  const r = runCli(['user', 'add', '--email', ADMIN.email, '--role', 'admin', '--password-stdin'], { dataDir: server.dataDir, input: `${ADMIN.password}\n` });
  expect(r.status).toBe(0);
  const login = await fetch(`${server.url}/trpc/staff.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(() => server?.stop());

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, 'showroom.sqlite'));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const staffEmails = () => withDb((db) => db.prepare('SELECT email FROM staff_users ORDER BY id').pluck().all() as string[]);

async function post(url: string, body: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}${url}`, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text(), requestId: res.headers.get('x-request-id') };
}

const newUser = (email: string) => ({ email, name: 'Mallory', role: 'admin', password: 'a long enough password' });

describe('a failure inside the server', () => {
  it('answers 500 with a generic message and the request id, and logs the real error under that id', async () => {
    const start = await post('/trpc/session.start', JSON.stringify({ visitorId: crypto.randomUUID(), mode: 'desktop' }), { 'content-type': 'application/json' });
    const { sessionId, token } = (JSON.parse(start.text) as { result: { data: { sessionId: string; token: string } } }).result.data;
    withDb((db) => db.exec(`CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk quota on shard seven'); END`));
    try {
      const event = { id: uuidv7(), seq: 0, ts: Date.now(), type: 'dwell_start', input: 'gaze', productId: 'oslo-chair' };
      const answer = await post('/trpc/session.ingest', JSON.stringify({ sessionId, token, events: [event] }), { 'content-type': 'application/json' });
      expect(answer.status).toBe(500);
      expect(answer.requestId ?? '').toMatch(/^[0-9a-f-]{36}$/);
      const body = JSON.parse(answer.text) as { error: { message: string; data: Record<string, unknown> } };
      expect(body.error.message).toBe(`Something went wrong on the server; quote request id ${answer.requestId} when reporting it`);
      expect(body.error.data).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, requestId: answer.requestId });
      expect(answer.text).not.toMatch(/quota|shard|sqlite|events|INSERT|constraint|at \w+ \(|node:/i);
      // The server writes the line as it answers; its output reaches this process a moment later.
      await expect.poll(() => server.output().includes('disk quota on shard seven'), { timeout: 10_000 }).toBe(true);
      const logged = server.output().split('\n').find((l) => l.includes('disk quota on shard seven'));
      expect(logged).toContain(answer.requestId);
    } finally {
      withDb((db) => db.exec('DROP TRIGGER refuse_events'));
    }
  });
});

describe('security headers', () => {
  it('deny framing with one policy: frame-ancestors none and X-Frame-Options DENY', async () => {
    for (const url of ['/healthz', '/', '/trpc/catalog.get']) {
      const res = await fetch(`${server.url}${url}`);
      await res.arrayBuffer();
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
      expect(res.headers.get('content-security-policy'), url).toMatch(/(^|;)frame-ancestors 'none'(;|$)/);
    }
  });
});

describe('staff mutations need a request from this site', () => {
  it('refuses a batched call riding the text/plain beacon rewrite, with or without an Origin', async () => {
    const before = staffEmails();
    const batch = (email: string) => JSON.stringify({ 0: { sessionId: crypto.randomUUID(), token: 'x'.repeat(43), events: [] }, 1: newUser(email) });
    const bare = await post('/trpc/session.ingest,users.create?batch=1', batch('beacon@evil.example'), { 'content-type': 'text/plain;charset=UTF-8', cookie });
    expect(bare.status).not.toBe(200);
    expect(bare.status).toBeLessThan(500);
    const own = await post('/trpc/session.ingest,users.create?batch=1', batch('beacon2@evil.example'), { 'content-type': 'text/plain;charset=UTF-8', cookie, origin: server.url });
    expect(own.status).not.toBe(200);
    expect(own.status).toBeLessThan(500);
    const query = await post('/trpc/session.ingest?x=1', JSON.stringify(newUser('q@evil.example')), { 'content-type': 'text/plain', cookie });
    expect(query.status).toBeLessThan(500);
    expect(staffEmails()).toEqual(before);
  });

  it('refuses a staff mutation with neither Origin nor Sec-Fetch-Site, or with a foreign one, with 403', async () => {
    const create = (email: string, headers: Record<string, string>) => post('/trpc/users.create', JSON.stringify(newUser(email)), { 'content-type': 'application/json', cookie, ...headers });
    const missing = await create('none@evil.example', {});
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.text).error.message).toBe("Staff changes must come from this site's pages: the request has neither an Origin nor a Sec-Fetch-Site header");
    const crossSite = await create('cross@evil.example', { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.text).error.message).toBe('Requests from another site (Sec-Fetch-Site: cross-site) are not allowed');
    const foreign = await create('foreign@evil.example', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' });
    expect(foreign.status).toBe(403);
    const login = await post('/trpc/staff.login', JSON.stringify(ADMIN), { 'content-type': 'application/json' });
    expect(login.status).toBe(403);
    expect(staffEmails()).toEqual([ADMIN.email]);

    // What a browser on the dashboard sends: its Origin, or (for some same-origin requests) only Sec-Fetch-Site.
    expect((await create('withorigin@example.com', { origin: server.url })).status).toBe(200);
    expect((await create('fetchsite@example.com', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(staffEmails()).toEqual([ADMIN.email, 'withorigin@example.com', 'fetchsite@example.com']);
  });

  it('still takes a beacon (text/plain, no Origin) at the exact ingest path', async () => {
    const start = await post('/trpc/session.start', JSON.stringify({ visitorId: crypto.randomUUID(), mode: 'desktop' }), { 'content-type': 'application/json' });
    const { sessionId, token } = (JSON.parse(start.text) as { result: { data: { sessionId: string; token: string } } }).result.data;
    const event = { id: uuidv7(), seq: 0, ts: Date.now(), type: 'dwell_start', input: 'gaze', productId: 'oslo-chair' };
    const beacon = await post('/trpc/session.ingest', JSON.stringify({ sessionId, token, events: [event] }), { 'content-type': 'text/plain;charset=UTF-8' });
    expect(beacon.status).toBe(200);
    expect(JSON.parse(beacon.text).result.data).toEqual({ accepted: 1, duplicates: 0 });
  });
});
