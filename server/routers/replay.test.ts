// Replay procedures against a real SQLite file: pose chunks come back whole and in order across pages, attention per product.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { dwellEnd, poseEvent, select } from '../../test/helpers/telemetry';
import { fromBase64 } from '../contracts/base64';
import { decodePoseChunk } from '../contracts/pose';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

async function sessionWithPoses(chunks: number) {
  const visitor = env.anonymous();
  const auth = await visitor.session.start({ visitorId: '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', mode: 'vr' });
  const poses = Array.from({ length: chunks }, (_, i) => poseEvent(i + 2, 20, true));
  await visitor.session.ingest({ ...auth, events: [select(0, 'oslo-chair'), dwellEnd(1, 'fjord-sofa', 4200), ...poses] });
  return { sessionId: auth.sessionId, poses };
}

describe('replay.poses', () => {
  it('returns every chunk once, in time order, across pages, with the bytes the browser sent', async () => {
    const { sessionId, poses } = await sessionWithPoses(7);
    const staff = await env.staff('viewer');
    const seen: number[] = [];
    let cursor: { startTs: number; seq: number } | null = null;
    let pages = 0;
    do {
      const page = await staff.replay.poses({ id: sessionId, limit: 3, cursor });
      for (const c of page.chunks) {
        seen.push(c.seq);
        const sent = poses.find((p) => p.seq === c.seq)!;
        expect(c.data).toBe(sent.props.data);
        expect(c.startTs).toBe(sent.props.startTs);
        expect(c.samples).toBe(20);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(poses.map((p) => p.seq));
    const first = await staff.replay.poses({ id: sessionId });
    const decoded = decodePoseChunk(fromBase64(first.chunks[0]!.data)!);
    expect(decoded.samples).toHaveLength(20);
    expect(decoded.samples[0]!.left).toBeDefined();
    expect(decoded.samples[0]!.head!.py).toBeCloseTo(1.6, 2);
  });

  it('answers 404 for an unknown session and 400 for a bad cursor', async () => {
    const staff = await env.staff('sales');
    await expect(staff.replay.poses({ id: '0190f5a4-0000-7000-8000-000000000000' })).rejects.toThrow('No session 0190f5a4-0000-7000-8000-000000000000');
    const { sessionId } = await sessionWithPoses(1);
    await expect(staff.replay.poses({ id: sessionId, cursor: { startTs: -5, seq: 0 } })).rejects.toThrow(/cursor\.startTs/);
  });
});

describe('replay.attention', () => {
  it('ranks the session’s products by dwell time', async () => {
    const { sessionId } = await sessionWithPoses(1);
    const staff = await env.staff('admin');
    const rows = await staff.replay.attention({ id: sessionId });
    expect(rows.map((r) => [r.productId, r.dwellMs, r.selectCount])).toEqual([
      ['fjord-sofa', 4200, 0],
      ['oslo-chair', 0, 1],
    ]);
  });
});
