// The pose chunk codec: precision after quantisation, byte sizes, a 30-minute session's size, malformed chunks.
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { eventSchema } from './events';
import { checkPoseChunk, decodePoseChunk, packQuaternion, PoseChunkWriter, unpackQuaternion, type Pose } from './pose';
import { decodeBase64, fromBase64, toBase64 } from './base64';

function randomPose(rand: () => number): Pose {
  const [a, b, c, d] = [rand() - 0.5, rand() - 0.5, rand() - 0.5, rand() - 0.5];
  const n = Math.hypot(a, b, c, d);
  return { px: (rand() - 0.5) * 20, py: rand() * 2, pz: (rand() - 0.5) * 20, qx: a / n, qy: b / n, qz: c / n, qw: d / n };
}

function seeded(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Angle between two rotations, degrees. */
function angleDeg(p: Pose, q: Pose): number {
  const dot = Math.abs(p.qx * q.qx + p.qy * q.qy + p.qz * q.qz + p.qw * q.qw);
  return (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI;
}

describe('pose codec', () => {
  it('keeps rotations within a quarter degree through 32-bit smallest-three packing', () => {
    const rand = seeded(7);
    const out: Pose = { px: 0, py: 0, pz: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
    let worst = 0;
    for (let i = 0; i < 5000; i++) {
      const p = randomPose(rand);
      unpackQuaternion(packQuaternion(p.qx, p.qy, p.qz, p.qw), out);
      worst = Math.max(worst, angleDeg(p, out));
    }
    expect(worst).toBeLessThan(0.25);
    expect(worst).toBeGreaterThan(0); // it is quantised, not stored exactly
  });

  it('round-trips samples with positions within 0.5 mm and times exact', () => {
    const rand = seeded(3);
    const w = new PoseChunkWriter();
    const written: { t: number; head: Pose; left: Pose; right: Pose }[] = [];
    const centre = randomPose(rand);
    for (let i = 0; i < 20; i++) {
      const jitter = (p: Pose) => ({ ...p, px: centre.px + rand() - 0.5, py: centre.py + rand() - 0.5, pz: centre.pz + rand() - 0.5 });
      const s = { t: i * 100 + (i % 3), head: jitter(randomPose(rand)), left: jitter(randomPose(rand)), right: jitter(randomPose(rand)) };
      expect(w.add(s.t, s.head, s.left, true, s.right, false)).toBe(true);
      written.push(s);
    }
    const bytes = w.view8();
    expect(bytes.length).toBe(12 + 20 * 33);
    expect(checkPoseChunk(bytes, 20)).toBeNull();
    const { samples } = decodePoseChunk(bytes);
    samples.forEach((s, i) => {
      const w = written[i]!;
      expect(s.t).toBe(w.t);
      expect(s.mask).toBe(1 | 2 | 4 | 8);
      for (const [got, want] of [[s.head!, w.head], [s.left!, w.left], [s.right!, w.right]] as const) {
        expect(Math.abs(got.px - want.px)).toBeLessThan(0.0006);
        expect(Math.abs(got.pz - want.pz)).toBeLessThan(0.0006);
        expect(angleDeg(got, want)).toBeLessThan(0.25);
      }
    });
  });

  it('starts a new chunk instead of wrapping around: too far, too late, too many, or back in time', () => {
    const w = new PoseChunkWriter();
    const at = (x: number): Pose => ({ px: x, py: 1.6, pz: 0, qx: 0, qy: 0, qz: 0, qw: 1 });
    expect(w.add(0, at(0), null, false, null, false)).toBe(true);
    expect(w.add(100, at(40), null, false, null, false)).toBe(false);
    expect(w.add(70_000, at(1), null, false, null, false)).toBe(false);
    expect(w.add(50, at(0), null, false, null, false)).toBe(true);
    expect(w.add(40, at(0), null, false, null, false)).toBe(false);
    for (let i = 2; i < 64; i++) expect(w.add(100 + i, at(0), null, false, null, false)).toBe(true);
    expect(w.add(1000, at(0), null, false, null, false)).toBe(false);
    expect(w.count).toBe(64);
  });

  it('keeps a 30-minute VR session with head and both controllers near 1 MB on the wire', () => {
    const w = new PoseChunkWriter();
    const rand = seeded(11);
    let wire = 0;
    let stored = 0;
    const start = Date.now() - 3_600_000;
    // 10 Hz for 30 minutes, chunks of 20 samples (2 s) sent as pose events.
    for (let chunk = 0; chunk < 900; chunk++) {
      w.reset();
      for (let i = 0; i < 20; i++) w.add(i * 100, randomPose(rand), randomPose(rand), false, randomPose(rand), false);
      const ts = start + chunk * 2000;
      const event = {
        id: uuidv7(), seq: chunk, ts: ts + 1900, type: 'pose', input: 'system',
        props: { format: 1, mode: 'vr', startTs: ts, samples: 20, data: toBase64(w.view8()) },
      };
      expect(eventSchema.safeParse(event).success).toBe(true);
      wire += JSON.stringify(event).length + 1;
      stored += w.view8().length;
    }
    expect(stored).toBe(900 * (12 + 20 * 33));
    expect(wire / 1e6).toBeGreaterThan(0.8);
    expect(wire / 1e6).toBeLessThan(1.1);
  });

  it('names what is wrong with a malformed chunk', () => {
    const w = new PoseChunkWriter();
    const p: Pose = { px: 0, py: 1, pz: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
    w.add(0, p, null, false, null, false);
    w.add(100, p, null, false, null, false);
    const good = w.view8().slice();
    expect(checkPoseChunk(good.subarray(0, 8), 0)).toBe('must hold at least the 12-byte header');
    expect(checkPoseChunk(good.subarray(0, good.length - 1), 2)).toBe('sample 1 is cut short at byte 25');
    const backwards = good.slice();
    backwards[25] = 0; backwards[26] = 0; backwards[12] = 200;
    expect(checkPoseChunk(backwards, 2)).toBe('sample 1 goes back in time (byte 25)');
    const badMask = good.slice();
    badMask[14] = 8;
    expect(checkPoseChunk(badMask, 2)).toBe('sample 0 marks a hand that is absent (byte 14)');
    const nan = good.slice();
    new DataView(nan.buffer).setFloat32(4, NaN, true);
    expect(checkPoseChunk(nan, 2)).toBe('origin must be finite numbers');
  });

  it('encodes base64 exactly as Node does and rejects text that is not base64', () => {
    const rand = seeded(5);
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(fromBase64(text)!)).toEqual(Array.from(bytes));
      expect(Array.from(decodeBase64(text)!)).toEqual(Array.from(bytes));
    }
    for (const bad of ['abc', 'ab=c', 'a\u00e9cd', 'ab==abcd', '====']) {
      expect(fromBase64(bad), bad).toBeNull();
      if (bad.length % 4 === 0 && !bad.startsWith('ab==')) expect(decodeBase64(bad), bad).toBeNull();
    }
  });
});
