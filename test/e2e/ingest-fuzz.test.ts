// Over 1,000 malformed ingest requests against the real server: never a 5xx, always answering, nothing from a refused batch written.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventInput } from '../../server/contracts/events';
import { mixedEvent } from '../bench/eventMix';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { openDb } from '../helpers/telemetryPage';
import { poseEvent } from '../helpers/telemetry';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.kill();
});

function seeded(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const random = seeded(20261121);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const int = (n: number) => Math.floor(random() * n);

interface Session {
  sessionId: string;
  token: string;
  nextSeq: number;
}

interface Request {
  kind: string;
  path?: string;
  method?: string;
  contentType?: string | null;
  body?: string | Buffer;
  /** Event ids in the body: stored if and only if the answer is 200. */
  ids: string[];
}

const wrongValues: unknown[] = ['', 'x'.repeat(100_000), -1, 1.5, 1e308, -1e308, true, false, null, [], {}, [1, 2], { $gt: 1 }, 'NaN', '\u0000', '💥'.repeat(2000), '<script>alert(1)</script>', "'; DROP TABLE events; --"];
const fields = ['id', 'seq', 'ts', 'type', 'input', 'productId', 'variantId', 'props'];

function validEvents(s: Session, n: number): EventInput[] {
  return Array.from({ length: n }, () => {
    const seq = s.nextSeq++;
    return random() < 0.15 ? poseEvent(seq, 1 + int(30), random() < 0.5) : mixedEvent(seq, Date.now() - int(60_000));
  });
}

/** Mutates one event so that the contract must refuse it. */
function breakEvent(e: Record<string, unknown>): void {
  const props = (e.props ?? {}) as Record<string, unknown>;
  switch (int(12)) {
    case 0: delete e[pick(['id', 'seq', 'ts', 'type', 'input'])]; break;
    case 1: e[pick(fields)] = pick(wrongValues.filter((v) => typeof v !== 'string' || v.length > 64 || v === '')); break;
    case 2: e.type = pick(['hack', 'DWELL_END', '', 'constructor', '__proto__', 'x'.repeat(300)]); break;
    case 3: e.ts = pick([Date.now() + 7 * 86_400_000, 0, -5, 1e15, Date.UTC(2020, 0, 1)]); break;
    case 4: e.seq = pick([-1, 2 ** 40, 0.5, Number.MAX_SAFE_INTEGER]); break;
    case 5: e.productId = pick(['no-such-chair', 'Oslo-Chair', '../../etc/passwd', 'a'.repeat(65), ' oslo-chair']); break;
    case 6: e.props = { ...props, [pick(['secret', '__proto__x', 'durationMs2', 'sql'])]: pick(wrongValues) }; break;
    case 7: e.props = pick(['props', 42, [], null]); break;
    case 8: e.id = pick([uuidv7().toUpperCase(), '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', uuidv7().slice(0, 30), `${uuidv7()} `]); break;
    case 9: e.input = pick(['telepathy', 'MOUSE', '', 7]); break;
    case 10: {
      // A pose chunk whose bytes do not say what its fields say.
      e.type = 'pose';
      e.props = { format: 1, mode: 'vr', startTs: Date.now() - 1000, samples: 3, data: pick(['AAAA', '!!!!', 'QUJD', 'A'.repeat(4000), '']) };
      break;
    }
    default: {
      let deep: Record<string, unknown> = {};
      const root = deep;
      for (let i = 0; i < 500; i++) deep = (deep.a = {}) as Record<string, unknown>;
      e.props = root;
    }
  }
}

function ingest(kind: string, body: unknown, ids: string[], contentType = 'application/json'): Request {
  return { kind, body: JSON.stringify(body), contentType, ids };
}

/** One request of a randomly chosen malformed kind. */
function malformed(s: Session, other: Session): Request {
  const events = validEvents(s, 1 + int(20)) as unknown as Record<string, unknown>[];
  const ids = events.map((e) => e.id as string);
  const auth = { sessionId: s.sessionId, token: s.token };
  switch (int(14)) {
    case 0:
    case 1:
    case 2:
    case 3: {
      for (let k = 0; k <= int(3); k++) breakEvent(pick(events));
      return ingest('mutated event', { ...auth, events }, ids);
    }
    case 4: {
      const text = JSON.stringify({ ...auth, events });
      const cut = text.slice(0, int(text.length));
      const variants = [cut, text.replace(/"ts":\d+/, '"ts":1e309'), `${text}}`, text.replace(/,/g, (m) => (random() < 0.01 ? ';' : m)), '', 'null', '[]', '"events"', '{'.repeat(10_000)];
      return { kind: 'broken json', body: pick(variants), contentType: 'application/json', ids };
    }
    case 5: return { kind: 'random bytes', body: Buffer.from(Array.from({ length: int(4096) }, () => int(256))), contentType: 'application/json', ids };
    case 6: return ingest('wrong shape', pick([{ ...auth, events: events[0] }, { ...auth, events: 'all' }, { ...auth, events: [] }, { ...auth }, [auth], 42, { ...auth, events: [[...events]] }]), ids);
    case 7: return ingest('no or bad token', pick([{ sessionId: s.sessionId, events }, { ...auth, token: '' }, { ...auth, token: 'x'.repeat(43) }, { ...auth, token: 'x'.repeat(5000) }, { ...auth, token: 12345 }]), ids);
    case 8: return ingest("another session's token", { sessionId: s.sessionId, token: other.token, events }, ids);
    case 9: return ingest('unknown or malformed session', { ...auth, sessionId: pick([uuidv7(), 'session', '', s.sessionId.toUpperCase()]) }, ids);
    case 10: {
      const contentType = pick([null, 'text/html', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']);
      return { kind: 'content type', body: JSON.stringify({ ...auth, events }), contentType, ids };
    }
    case 11: return { kind: 'wrong method or path', method: pick(['GET', 'PUT', 'DELETE']), path: pick(['/trpc/session.ingest', '/trpc/session.nope', '/trpc/session.ingest?input=%7B%7D', '/trpc/%E0%A4%A']), body: undefined, contentType: null, ids: [] };
    case 12: return { kind: 'batched garbage', path: '/trpc/session.ingest,session.ingest?batch=1', body: JSON.stringify({ 0: { ...auth, events: 'x' }, 1: null }), contentType: 'application/json', ids: [] };
    default: {
      const bad = { ...auth, events: [...events, ...validEvents(s, 501 - events.length)] };
      return ingest('over 500 events', bad, (bad.events as { id: string }[]).map((e) => e.id));
    }
  }
}

async function send(r: Request): Promise<number> {
  const headers: Record<string, string> = {};
  if (r.contentType) headers['content-type'] = r.contentType;
  const res = await fetch(server.url + (r.path ?? '/trpc/session.ingest'), { method: r.method ?? 'POST', headers, body: r.body as BodyInit | undefined });
  await res.arrayBuffer();
  return res.status;
}

async function startSession(): Promise<Session> {
  const res = await fetch(`${server.url}/trpc/session.start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId: crypto.randomUUID(), mode: 'vr' }) });
  const { sessionId, token } = ((await res.json()) as { result: { data: { sessionId: string; token: string } } }).result.data;
  return { sessionId, token, nextSeq: 0 };
}

describe('ingest fuzzing', () => {
  it('answers over 1,000 malformed requests with 4xx, keeps serving, and writes nothing from a refused batch', { timeout: 90_000 }, async () => {
    const sessions = await Promise.all(Array.from({ length: 60 }, startSession));
    const accepted = new Set<string>();
    const refusedIds: string[] = [];
    const statuses = new Map<string, Map<number, number>>();
    let malformedCount = 0;
    let validCount = 0;
    const record = (r: Request, status: number) => {
      const byKind = statuses.get(r.kind) ?? new Map<number, number>();
      byKind.set(status, (byKind.get(status) ?? 0) + 1);
      statuses.set(r.kind, byKind);
      if (status === 200) r.ids.forEach((id) => accepted.add(id));
      else refusedIds.push(...r.ids);
    };

    for (let i = 0; i < 1200; i++) {
      const s = sessions[i % sessions.length]!;
      const r = malformed(s, sessions[(i + 1) % sessions.length]!);
      const status = await send(r);
      expect(status, `${r.kind} answered ${status}`).toBeLessThan(500);
      record(r, status);
      if (status >= 400) malformedCount++;
      if (i % 10 === 0) {
        // A good batch between the bad ones: the server still takes valid events.
        const good = { kind: 'valid', body: JSON.stringify({ sessionId: s.sessionId, token: s.token, events: validEvents(s, 5) }), contentType: i % 20 === 0 ? 'text/plain;charset=UTF-8' : 'application/json', ids: [] as string[] };
        good.ids = (JSON.parse(good.body as string) as { events: { id: string }[] }).events.map((e) => e.id);
        const st = await send(good);
        expect(st, 'a valid batch (JSON or text/plain) is stored').toBe(200);
        record(good, st);
        validCount++;
      }
      if (i % 100 === 99) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    }
    // Bodies over the 1 MiB limit are refused with 413 before they are parsed.
    for (let k = 0; k < 2; k++) {
      const s = sessions[k]!;
      const big: Request = { kind: 'over 1 MiB', body: JSON.stringify({ sessionId: s.sessionId, token: s.token, events: validEvents(s, 400).map((e) => ({ ...e, variantId: undefined, pad: 'x'.repeat(2800) })) }), contentType: 'application/json', ids: [] };
      const st = await send(big);
      expect(st).toBe(413);
      record(big, st);
      malformedCount++;
    }

    expect(malformedCount).toBeGreaterThanOrEqual(1000);
    expect(validCount).toBe(120);
    const kinds = [...statuses.entries()].map(([k, m]) => `${k}: ${[...m.entries()].map(([st, n]) => `${n}x${st}`).join(' ')}`);
    console.log(`fuzz answers by kind:\n  ${kinds.join('\n  ')}`);

    const db = openDb(server.dataDir);
    try {
      const ids = sessions.map((s) => s.sessionId);
      const marks = ids.map(() => '?').join(',');
      const stored = new Set(db.prepare(`SELECT id FROM events WHERE session_id IN (${marks}) UNION ALL SELECT id FROM pose_chunks WHERE session_id IN (${marks})`).pluck().all(...ids, ...ids) as string[]);
      expect(stored.size).toBe(accepted.size);
      expect([...accepted].filter((id) => !stored.has(id))).toEqual([]);
      expect(refusedIds.filter((id) => stored.has(id) && !accepted.has(id))).toEqual([]);
      // Rollups agree with what is stored: nothing half-written.
      const off = db
        .prepare(
          `SELECT s.id FROM sessions s WHERE s.id IN (${marks}) AND (s.event_count != (SELECT count(*) FROM events e WHERE e.session_id = s.id)
             OR s.pose_samples != (SELECT COALESCE(sum(samples), 0) FROM pose_chunks p WHERE p.session_id = s.id)
             OR s.dwell_ms != (SELECT COALESCE(sum(duration_ms), 0) FROM events e WHERE e.session_id = s.id AND e.type = 'dwell_end'))`,
        )
        .all(...ids);
      expect(off).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    expect(((await (await fetch(`${server.url}/healthz`)).json()) as { status: string }).status).toBe('ok');
    expect(server.output()).not.toMatch(/procedure failed|"level":50/);
  });

  it('explains a refused batch in words a developer can act on', { timeout: 30_000 }, async () => {
    const s = await startSession();
    const res = await fetch(`${server.url}/trpc/session.ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: s.sessionId, token: s.token, events: Array.from({ length: 501 }, (_, i) => mixedEvent(i, Date.now())) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('events: a batch holds at most 500 events, this one has 501; send it in smaller batches');
    const big = await fetch(`${server.url}/trpc/session.ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toBe('The request body is larger than 1048576 bytes; send at most 500 events and 1 MiB per batch');
    // 40 requests at once: the burst of 20 passes, the rest are told when to come back.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${server.url}/trpc/session.ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sessionId: s.sessionId, token: s.token, events: [mixedEvent(1000 + i, Date.now())] }),
        }),
      ),
    );
    const last = answers.find((a) => a.status === 429);
    expect(last, 'some requests were over the rate').toBeDefined();
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(20);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as { error: { message: string } }).error.message).toMatch(/^Too many events for this session .*; retry after \d\.\d s$/);
  });
});
