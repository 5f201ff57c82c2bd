// Group commit: batches of one event-loop turn share a commit, yet each stays all or nothing and settles only once durable.
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { select, dwellEnd } from '../../test/helpers/telemetry';
import { openDatabase } from '../db/connection';
import { createSession } from '../db/sessions';
import { BatchWriter } from './batchWriter';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

function session(): string {
  const id = uuidv7();
  createSession(env.deps.db, { id, visitorId: crypto.randomUUID(), tokenHash: Buffer.alloc(32), mode: 'desktop', userAgent: '', now: Date.now() });
  return id;
}

describe('BatchWriter', () => {
  it('writes batches queued in one turn, each visible to another connection once its promise resolves', async () => {
    const writer = new BatchWriter(env.deps.db);
    const [a, b] = [session(), session()];
    const pending = [writer.write(a, [select(0), dwellEnd(1, 'oslo-chair', 700)], Date.now()), writer.write(b, [select(0)], Date.now())];
    // Nothing is written before the turn ends.
    expect(env.deps.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
    const results = await Promise.all(pending);
    expect(results.map((r) => r.accepted)).toEqual([2, 1]);
    const reader = openDatabase(path.join(env.dir, 'showroom.sqlite'));
    try {
      expect(reader.prepare('SELECT count(*) FROM events').pluck().get()).toBe(3);
      expect(reader.prepare('SELECT event_count FROM sessions WHERE id = ?').pluck().get(a)).toBe(2);
    } finally {
      reader.close();
    }
  });

  it('rolls back only the batch that fails, with its rollups, and rejects only its caller', async () => {
    const writer = new BatchWriter(env.deps.db);
    const good = session();
    const broken = uuidv7(); // no such session: its events break the foreign key
    const ok = writer.write(good, [select(0)], Date.now());
    const bad = writer.write(broken, [select(0), select(1)], Date.now());
    const later = writer.write(good, [select(1)], Date.now());
    await expect(bad).rejects.toThrow(/FOREIGN KEY/);
    expect((await ok).accepted).toBe(1);
    expect((await later).accepted).toBe(1);
    expect(env.deps.db.prepare('SELECT count(*) FROM events WHERE session_id = ?').pluck().get(broken)).toBe(0);
    expect(env.deps.db.prepare('SELECT count(*) FROM session_products WHERE session_id = ?').pluck().get(broken)).toBe(0);
    expect(env.deps.db.prepare('SELECT event_count FROM sessions WHERE id = ?').pluck().get(good)).toBe(2);
  });
});
