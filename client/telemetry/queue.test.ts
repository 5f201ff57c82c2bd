// The browser queue: capacity drops pose samples oldest first (then perf), never business events, and counts the drop.
import { describe, expect, it } from 'vitest';
import { poseEvent, select } from '../../test/helpers/telemetry';
import { EventQueue, estimateBytes } from './queue';

const perf = (seq: number) => ({ ...select(seq), type: 'perf' as const, productId: undefined, props: { windowMs: 30_000, frames: 1800, fps: 60, frameMsP50: 16, frameMsP95: 20, frameMsMax: 40, longFrames: 0 } });

describe('EventQueue', () => {
  it('drops the oldest pose chunks first, then perf reports, and never a business event', () => {
    const poseBytes = estimateBytes(poseEvent(0));
    const q = new EventQueue(poseBytes * 4 + 800);
    const business = [select(0), select(1), select(2)];
    q.push('s', business[0]!);
    q.push('s', perf(1));
    const poses = [poseEvent(2), poseEvent(3), poseEvent(4), poseEvent(5)];
    for (const p of poses) q.push('s', p);
    q.push('s', { ...business[1]!, seq: 6 });
    expect(q.takeDrops()).toBeNull();
    q.push('s', poseEvent(8)); // over capacity: the oldest pose goes
    const drops = q.takeDrops()!;
    expect(drops.events).toBe(1);
    expect(drops.poseSamples).toBe(20);
    const left = () => q.takeBatch(1000, Infinity).map((x) => x.event.seq);
    expect(left()).toEqual([0, 1, 3, 4, 5, 6, 8]);
    expect(left()).toContain(1); // the perf report survives while pose chunks remain

    // Flood with business events: every droppable event goes, business events stay whatever the size.
    for (let i = 0; i < 200; i++) q.push('s', select(100 + i));
    const seqs = left();
    expect(seqs.filter((s) => s >= 100)).toHaveLength(200);
    expect(seqs).toContain(0);
    for (const pose of [2, 3, 4, 5, 8]) expect(seqs).not.toContain(pose);
    expect(seqs).toContain(6);
    expect(seqs).not.toContain(1);
    expect(q.takeDrops()!.events).toBe(5);
    expect(q.bytes()).toBeGreaterThan(q.capacityBytes);
  });

  it('takes batches of one session in order within count and byte bounds, at least one event', () => {
    const q = new EventQueue();
    for (let i = 0; i < 5; i++) q.push('a', select(i));
    q.push('b', select(0));
    for (let i = 5; i < 8; i++) q.push('a', select(i));
    expect(q.takeBatch(4, Infinity).map((x) => [x.sessionId, x.event.seq])).toEqual([['a', 0], ['a', 1], ['a', 2], ['a', 3]]);
    expect(q.takeBatch(100, 1).map((x) => x.event.seq)).toEqual([0]);
    const all = q.takeBatch(100, Infinity);
    expect(all.map((x) => x.event.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    q.remove(all);
    expect(q.takeBatch(100, Infinity).map((x) => [x.sessionId, x.event.seq])).toEqual([['b', 0]]);
    expect(q.size()).toBe(1);
  });

  it('tracks what IndexedDB holds: removed stored events become deletes, failed writes are retried', () => {
    const q = new EventQueue();
    const a = q.push('s', select(0));
    q.push('s', select(1));
    const written = q.drainUnsaved();
    expect(written).toHaveLength(2);
    q.markSaved(written);
    q.remove([a]);
    expect(q.drainDeletes()).toEqual([['s', 0]]);
    const c = q.push('s', select(2));
    const attempt = q.drainUnsaved();
    expect(attempt).toEqual([c]);
    q.markUnsaved(attempt, [['s', 9]]);
    expect(q.drainUnsaved()).toEqual([c]);
    expect(q.drainDeletes()).toEqual([['s', 9]]);
    expect(q.unconfirmed().map((x) => x.event.seq)).toEqual([2]);
  });
});
