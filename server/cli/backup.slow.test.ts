// `showroom backup` while the real server ingests events (slow project): the copy is intact, consistent, and holds every acknowledged event; restore brings it back.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync, startTestServer, tempDir, type TestServer } from '../../test/helpers/server';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

async function trpc<T>(url: string, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${url}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${procedure} answered ${res.status}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** One browser sending batches of events as fast as the server acknowledges them; records when each id was acknowledged. */
async function ingestLoop(url: string, visitorId: string, acked: { id: string; at: number }[], stop: { now: boolean }) {
  const { sessionId, token } = await trpc<{ sessionId: string; token: string }>(url, 'session.start', { visitorId, mode: 'desktop' });
  let seq = 0;
  while (!stop.now) {
    const ts = Date.now();
    const events = Array.from({ length: 200 }, () => ({ id: uuidv7(), seq: seq++, ts, type: 'product_select', input: 'mouse', productId: 'fjord-sofa', props: {} }));
    let r: { accepted: number } | null = null;
    while (!r) {
      try {
        r = await trpc<{ accepted: number }>(url, 'session.ingest', { sessionId, token, events });
      } catch (err) {
        // The per-session rate limit (429) says when to come back; anything else fails the test.
        if (!/answered 429/.test((err as Error).message)) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(r.accepted).toBe(200);
    const at = Date.now();
    for (const e of events) acked.push({ id: e.id, at });
  }
}

describe('backup under load', () => {
  it('backs up a consistent copy while events are written, refuses to restore under a running server, restores when stopped', async () => {
    const server = await startTestServer();
    servers.push(server);
    const acked: { id: string; at: number }[] = [];
    const stop = { now: false };
    const loops = [
      ingestLoop(server.url, '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', acked, stop),
      ingestLoop(server.url, '9d6f3c1a-2b7e-4f10-8a3c-5e2d1f0a9b87', acked, stop),
    ];
    while (acked.length < 20_000) await new Promise((r) => setTimeout(r, 50));

    const backupFile = path.join(tempDir(), 'showroom-backup.sqlite');
    const started = Date.now();
    const backup = await runCliAsync(['backup', backupFile], server.dataDir);
    const finished = Date.now();
    const ackedBefore = acked.filter((a) => a.at < started).length;
    const ackedDuring = acked.filter((a) => a.at >= started && a.at <= finished).length;
    await new Promise((r) => setTimeout(r, 300));
    const refused = await runCliAsync(['restore', backupFile], server.dataDir);
    stop.now = true;
    await Promise.all(loops);

    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up .* integrity ok/);
    expect(ackedDuring, 'events kept being acknowledged while the backup ran').toBeGreaterThan(0);
    console.log(`backup: ${ackedBefore} events acknowledged before it started, ${ackedDuring} while it ran`);

    const copy = new Database(backupFile, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(copy.prepare('SELECT id FROM events').pluck().all() as string[]);
      const missing = acked.filter((a) => a.at < started && !stored.has(a.id));
      expect(missing.length, 'acknowledged events missing from the backup').toBe(0);
      // One snapshot: every session's counter matches its events, written in the same transactions.
      const drift = copy.prepare('SELECT s.id FROM sessions s WHERE s.event_count <> (SELECT count(*) FROM events e WHERE e.session_id = s.id)').all();
      expect(drift).toEqual([]);
    } finally {
      copy.close();
    }

    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is in use \(is the server running\?\)\. Stop the server, then restore\./);

    await server.stop();
    const restored = runCli(['restore', backupFile], { dataDir: server.dataDir });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^Restored .* The previous database is kept as .*before-restore-/);
    expect(fs.readdirSync(server.dataDir).some((f) => f.includes('.before-restore-'))).toBe(true);
    const again = await startTestServer({ dataDir: server.dataDir });
    servers.push(again);
    const health = (await (await fetch(`${again.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const db = new Database(path.join(server.dataDir, 'showroom.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBeGreaterThanOrEqual(ackedBefore);
    } finally {
      db.close();
    }
  });
});
