// Scheduled backups on the real server: verified files every period, rotation, /healthz and metrics, --verify, and a restore.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startTestServer, tempDir, type TestServer } from '../../test/helpers/server';
import { listBackups } from './scheduler';

const TOKEN = 'metrics-secret-0123456789';
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

interface Health {
  status: string;
  backup?: { at: string; file: string; ok: boolean; bytes: number; durationMs: number } | null;
}
const health = async (url: string) => (await (await fetch(`${url}/healthz`)).json()) as Health;

/** Polls `check` every 100 ms until it returns a value, for at most `ms`. */
async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startSession(url: string, visitorId: string): Promise<string> {
  const res = await fetch(`${url}/trpc/session.start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId, mode: 'desktop' }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { sessionId: string } } }).result.data.sessionId;
}

const sessionIds = (dbFile: string) => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT id FROM sessions').pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('scheduled backups', () => {
  it('writes a checked backup every period, keeps the newest KEEP, reports the last on /healthz and in metrics', async () => {
    const backupDir = path.join(tempDir(), 'backups');
    const server = await startTestServer({ env: { SHOWROOM_BACKUP_DIR: backupDir, SHOWROOM_BACKUP_EVERY: '1s', SHOWROOM_BACKUP_KEEP: '2', SHOWROOM_METRICS_TOKEN: TOKEN } });
    servers.push(server);
    const okCount = async () => {
      const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      return Number(/^showroom_backups_total\{result="ok"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    };
    await until(async () => ((await okCount()) >= 4 ? true : undefined));

    const h = await health(server.url);
    expect(h.status).toBe('ok');
    expect(h.backup).toMatchObject({ ok: true, file: expect.stringMatching(/^showroom-.*\.sqlite$/) });
    expect(h.backup!.bytes).toBeGreaterThan(0);
    expect(Date.parse(h.backup!.at)).toBeGreaterThan(Date.now() - 10_000);
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(text).toMatch(/^showroom_backup_last_ok 1$/m);
    expect(Number(/^showroom_backup_last_size_bytes (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(Number(/^showroom_backup_last_success_timestamp_seconds ([\d.e+]+)$/m.exec(text)?.[1])).toBeGreaterThan(Date.now() / 1000 - 10);

    // Stopped, so that no backup is written or rotated away while the files are checked.
    await server.stop();
    const files = listBackups(backupDir);
    expect(files.map((f) => path.basename(f.file))).toEqual(fs.readdirSync(backupDir).sort());
    expect(files).toHaveLength(2);
    expect(files[1]!.at - files[0]!.at).toBeGreaterThanOrEqual(1_000);
    for (const f of files) {
      const v = runCli(['backup', '--verify', f.file], { dataDir: server.dataDir });
      expect(v.stderr).toBe('');
      expect(v.status).toBe(0);
      expect(v.stdout).toMatch(/is a sound Showroom backup: schema version \d+, .* MiB, integrity ok/);
    }
  });

  it('--verify fails with a plain message on a damaged copy and on a file that is not a backup', () => {
    const dataDir = tempDir();
    runCli(['migrate'], { dataDir });
    const good = path.join(dataDir, 'good.sqlite');
    expect(runCli(['backup', good], { dataDir }).status).toBe(0);
    expect(runCli(['backup', '--verify', good], { dataDir }).status).toBe(0);

    // Overwrite the middle of the file: the schema page stays readable, the b-tree pages behind it do not.
    const damaged = path.join(dataDir, 'damaged.sqlite');
    const bytes = fs.readFileSync(good);
    const pageSize = bytes.readUInt16BE(16);
    for (let p = 2; p * pageSize < bytes.length; p += 2) bytes.fill(0x5a, p * pageSize + 8, p * pageSize + pageSize - 8);
    fs.writeFileSync(damaged, bytes);
    const bad = runCli(['backup', '--verify', damaged], { dataDir });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: The backup .*damaged\.sqlite (is damaged \(PRAGMA integrity_check: |is not a readable SQLite database)/);

    const text = path.join(dataDir, 'notes.txt');
    fs.writeFileSync(text, 'not a database');
    expect(runCli(['backup', '--verify', text], { dataDir }).stderr).toMatch(/^error: The backup .*notes\.txt is not a readable SQLite database/);
    expect(runCli(['backup', '--verify', path.join(dataDir, 'missing.sqlite')], { dataDir }).stderr).toMatch(/^error: There is no file .*missing\.sqlite/);
  });

  it('restores: a scheduled backup copied into a new data folder starts a server with the data as at the backup', async () => {
    const backupDir = path.join(tempDir(), 'backups');
    const first = await startTestServer({ env: { SHOWROOM_BACKUP_DIR: backupDir, SHOWROOM_BACKUP_EVERY: '1s', SHOWROOM_BACKUP_KEEP: '3' } });
    servers.push(first);
    const before = await startSession(first.url, crypto.randomUUID());
    const madeAfter = Date.now();
    // A backup that began after the session was stored (its file name is its start time).
    const backup = await until(async () => {
      const h = await health(first.url);
      const started = listBackups(backupDir).find((b) => path.basename(b.file) === h.backup?.file)?.at ?? 0;
      return h.backup?.ok && started > madeAfter ? h.backup : undefined;
    });
    await first.stop();
    // Change the data after the backup.
    const again = await startTestServer({ dataDir: first.dataDir });
    servers.push(again);
    const later = await startSession(again.url, crypto.randomUUID());
    await again.stop();
    expect(sessionIds(path.join(first.dataDir, 'showroom.sqlite'))).toEqual(expect.arrayContaining([before, later]));

    const restoredDir = tempDir();
    const r = runCli(['restore', path.join(backupDir, backup.file)], { dataDir: restoredDir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Restored /);
    const restored = await startTestServer({ dataDir: restoredDir });
    servers.push(restored);
    expect((await health(restored.url)).status).toBe('ok');
    const ids = sessionIds(path.join(restoredDir, 'showroom.sqlite'));
    expect(ids).toContain(before);
    expect(ids).not.toContain(later);
  });
});
