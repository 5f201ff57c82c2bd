// The IndexedDB event store over fake-indexeddb: what survives a reopen, the upgrade from the first version, dead letters and their bound.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../server/contracts/events';
import { EventStore, MAX_DEAD_LETTERS } from './eventStore';

let dbCount = 0;
const freshName = () => `event-store-test-${++dbCount}`;
const event = (seq: number): EventInput => ({ id: `0190a0b0-0000-7000-8000-${String(seq).padStart(12, '0')}`, seq, ts: 1_700_000_000_000 + seq, type: 'product_select', input: 'mouse', productId: 'oslo-chair', props: {} });
const put = (sessionId: string, seq: number) => ({ sessionId, seq, event: event(seq) });
const meta = (sessionId: string, nextSeq: number) => ({ sessionId, token: 't'.repeat(32), nextSeq, lastActive: 1_700_000_000_000 });

describe('EventStore', () => {
  it('keeps events and session metadata across a close and reopen, and deletes exactly what it is told', async () => {
    const name = freshName();
    const a = (await EventStore.open(name))!;
    await a.write([put('s1', 0), put('s1', 1), put('s1', 2), put('s2', 0)], [], [meta('s1', 3), meta('s2', 1)]);
    await a.write([], [['s1', 1]], [meta('s1', 3)]);
    a.close();
    const b = (await EventStore.open(name))!;
    const s1 = await b.load('s1');
    expect(s1.events.map((e) => e.seq)).toEqual([0, 2]);
    expect(s1.events[1]!.event).toEqual(event(2));
    expect(s1.meta?.nextSeq).toBe(3);
    expect((await b.sessions()).map((m) => m.sessionId).sort()).toEqual(['s1', 's2']);
    await b.deleteSession('s1');
    expect((await b.load('s1')).events).toEqual([]);
    expect((await b.load('s2')).events.map((e) => e.seq)).toEqual([0]);
    b.close();
  });

  it('opens a database of the first version (no dead letters) without losing its queued events', async () => {
    const name = freshName();
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('events', { keyPath: ['sessionId', 'seq'] });
      req.result.createObjectStore('sessions', { keyPath: 'sessionId' });
      req.transaction!.objectStore('events').put(put('old', 7));
    };
    await new Promise((resolve, reject) => {
      req.onsuccess = resolve;
      req.onerror = reject;
    });
    req.result.close();
    const store = (await EventStore.open(name))!;
    expect((await store.load('old')).events.map((e) => e.seq)).toEqual([7]);
    await store.deadLetter([{ ...put('old', 7), reason: '500: boom', at: 1 }]);
    expect((await store.load('old')).events).toEqual([]);
    expect(await store.deadLetters()).toEqual([{ ...put('old', 7), reason: '500: boom', at: 1 }]);
    store.close();
  });

  it(`keeps at most ${MAX_DEAD_LETTERS} dead letters, dropping the oldest sessions' first`, async () => {
    const store = (await EventStore.open(freshName()))!;
    const letters = (sessionId: string, n: number) => Array.from({ length: n }, (_, i) => ({ ...put(sessionId, i), reason: 'x', at: i }));
    await store.deadLetter(letters('0190-a', 10));
    await store.deadLetter(letters('0190-b', MAX_DEAD_LETTERS - 5));
    const kept = await store.deadLetters();
    expect(kept).toHaveLength(MAX_DEAD_LETTERS);
    expect(kept.filter((d) => d.sessionId === '0190-a').map((d) => d.seq)).toEqual([5, 6, 7, 8, 9]);
    store.close();
  });
});
