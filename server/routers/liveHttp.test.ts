// Live subscriptions over real HTTP: SSE streams arrive event by event (not held by compression), refusals, resuming with Last-Event-ID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestServer, type TestServer } from '../../test/helpers/server';

let server: TestServer;
const SALES = { email: 'sam@example.com', password: 'a long sales password' };
let cookie = '';

beforeAll(async () => {
  server = await startTestServer();
  const r = runCli(['user', 'add', '--email', SALES.email, '--name', 'Sam', '--role', 'sales', '--password-stdin'], { dataDir: server.dataDir, input: `${SALES.password}\n` });
  expect(r.status).toBe(0);
  const login = await post('staff.login', SALES);
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
}, 60_000);
afterAll(() => server?.stop());

async function post(procedure: string, input: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify(input),
  });
  return Object.assign(res, { json: (await res.json()) as { result?: { data: unknown }; error?: { message: string } } });
}

/** An SSE stream as a browser opens it (gzip and brotli accepted), read event by event with the time each arrived. */
async function openStream(procedure: string, input: unknown, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const url = `${server.url}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  const res = await fetch(url, { headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br', ...headers }, signal: abort.signal });
  const events: { id?: string; event?: string; data: string; at: number }[] = [];
  let waiters: (() => void)[] = [];
  if (res.ok && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buf = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buf += decoder.decode(chunk, { stream: true });
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const e: { id?: string; event?: string; data: string; at: number } = { data: '', at: Date.now() };
            for (const line of block.split('\n')) {
              const [k, ...v] = line.split(':');
              const value = v.join(':').trimStart();
              if (k === 'data') e.data += value;
              else if (k === 'id') e.id = value;
              else if (k === 'event') e.event = value;
            }
            if (e.data || e.event) events.push(e);
            waiters.forEach((w) => w());
            waiters = [];
          }
        }
      } catch {
        /* aborted */
      }
    })();
  }
  /** The next data event after `from` (index) whose data matches `match`. */
  const next = async (match: (data: string) => boolean, from = 0, ms = 3000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = events.slice(from).find((e) => e.event !== 'ping' && e.event !== 'connected' && e.data && match(e.data));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching event in ${ms} ms; got ${JSON.stringify(events.map((e) => e.data.slice(0, 120)))}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
  };
  /** The error event a refused stream starts with; fails if any data came first. */
  const refusal = async () => {
    const e = await next(() => true);
    expect(e.event).toBe('serialized-error');
    return JSON.parse(e.data) as { message: string; data: { code: string } };
  };
  return { res, events, next, refusal, close: () => abort.abort() };
}

async function startSession() {
  const r = await post('session.start', { visitorId: crypto.randomUUID(), mode: 'vr' });
  return r.json.result!.data as { sessionId: string; token: string };
}

describe('live sessions over SSE', () => {
  it('streams a presence change to staff within a fraction of a second, uncompressed, and refuses anonymous callers', async () => {
    // SSE answers 200 and then a `serialized-error` event (what httpSubscriptionLink reads), with no data before it.
    const anon = await openStream('live.sessions', undefined);
    const refusal = await anon.refusal();
    expect(refusal).toMatchObject({ data: { code: 'UNAUTHORIZED' }, message: 'Log in as staff to do this' });
    anon.close();

    const visitor = await startSession();
    const stream = await openStream('live.sessions', undefined, { cookie });
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.res.headers.get('content-encoding')).toBeNull();
    await stream.next((d) => d.includes('"snapshot"'));

    const sentAt = Date.now();
    const beacon = await post('live.presence', { ...visitor, mode: 'vr', x: 2.25, y: 1.5, z: -0.75, yaw: 1, gazeProductId: 'oslo-chair' });
    expect(beacon.status).toBe(200);
    const change = await stream.next((d) => d.includes(visitor.sessionId) && d.includes('2.25'));
    expect(change.at - sentAt).toBeLessThan(1000);
    expect(JSON.parse(change.data)).toMatchObject({ kind: 'changes', sessions: [{ sessionId: visitor.sessionId, mode: 'vr', position: { x: 2.25, z: -0.75 }, gazeProductId: 'oslo-chair' }] });
    stream.close();
  });

  it('delivers staff messages to the inbox as they are sent, resumes after Last-Event-ID, and refuses a wrong or other session token', async () => {
    const visitor = await startSession();
    const other = await startSession();
    const wrong = await openStream('live.inbox', { sessionId: visitor.sessionId, token: other.token });
    expect(await wrong.refusal()).toMatchObject({ data: { code: 'FORBIDDEN' } });
    wrong.close();

    const first = await post('live.send', { sessionId: visitor.sessionId, text: 'Welcome! Ask me anything.' }, { cookie });
    expect(first.status).toBe(200);
    const firstId = (first.json.result!.data as { id: number }).id;

    const inbox = await openStream('live.inbox', visitor);
    expect(inbox.res.status).toBe(200);
    expect(inbox.res.headers.get('content-encoding')).toBeNull();
    const stored = await inbox.next((d) => d.includes('Welcome!'));
    expect(stored.id).toBe(String(firstId));

    const sentAt = Date.now();
    await post('live.send', { sessionId: visitor.sessionId, text: 'The sofa you look at comes in green too.' }, { cookie });
    const live = await inbox.next((d) => d.includes('green too'));
    expect(live.at - sentAt).toBeLessThan(1000);
    expect(JSON.parse(live.data)).toMatchObject({ senderName: 'Sam', body: 'The sofa you look at comes in green too.' });
    inbox.close();

    // A message sent while the browser is away arrives when it reconnects with the last id it had.
    await post('live.send', { sessionId: visitor.sessionId, text: 'Sent while you were away.' }, { cookie });
    const again = await openStream('live.inbox', visitor, { 'last-event-id': live.id! });
    const resumed = await again.next(() => true);
    expect(resumed.data).toContain('Sent while you were away.');
    expect(again.events.some((e) => e.data.includes('Welcome!') || e.data.includes('green too'))).toBe(false);
    again.close();

    // The other session's own inbox never sees these.
    const theirs = await openStream('live.inbox', other);
    await expect(theirs.next((d) => d.includes('"body"'), 0, 500)).rejects.toThrow(/no matching event/);
    theirs.close();
  });

  it('shuts down on SIGTERM while browsers hold streams open, cutting them so they reconnect to the next process', async () => {
    const own = await startTestServer();
    const visitorRes = await fetch(`${own.url}/trpc/session.start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: own.url },
      body: JSON.stringify({ visitorId: crypto.randomUUID(), mode: 'desktop' }),
    });
    const visitor = ((await visitorRes.json()) as { result: { data: { sessionId: string; token: string } } }).result.data;
    const res = await fetch(`${own.url}/trpc/live.inbox?input=${encodeURIComponent(JSON.stringify(visitor))}`, { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    const ended = (async () => {
      try {
        while (!(await reader.read()).done);
        return 'ended';
      } catch {
        return 'cut';
      }
    })();
    await own.stop('SIGTERM');
    expect(own.proc.exitCode, own.output()).toBe(0);
    expect(own.output()).toMatch(/SIGTERM: shutting down/);
    expect(['ended', 'cut']).toContain(await ended);
  });
});
