// Pose decoding for replay: chunks onto one time axis, hands and controllers kept apart, blending between samples, bad chunks skipped.
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../server/contracts/base64';
import { type Pose, PoseChunkWriter } from '../../../server/contracts/pose';
import { buildPoseTrack, headPath, indexAt, poseAt } from './poseTrack';

const yaw = (x: number, z: number, angle: number): Pose => ({ px: x, py: 1.6, pz: z, qx: 0, qy: Math.sin(angle / 2), qz: 0, qw: Math.cos(angle / 2) });

/** A chunk of head samples 100 ms apart walking +x at 1 m/s, turning 0.1 rad a sample; the left side a hand. */
function chunk(startTs: number, fromX: number, n: number, withHands = false) {
  const w = new PoseChunkWriter();
  for (let i = 0; i < n; i++) {
    const head = yaw(fromX + i * 0.1, 2, i * 0.1);
    expect(w.add(i * 100, head, withHands ? yaw(fromX + i * 0.1 - 0.3, 2, 0) : null, true, withHands ? yaw(fromX + i * 0.1 + 0.3, 2, 0) : null, false)).toBe(true);
  }
  return { startTs, samples: n, data: toBase64(w.view8()) };
}

const T0 = 1_767_000_000_000;
const out: Pose = { px: 0, py: 0, pz: 0, qx: 0, qy: 0, qz: 0, qw: 1 };

describe('pose track', () => {
  it('puts the chunks on one axis in ms since the replay start, with positions to the millimetre', () => {
    const track = buildPoseTrack([chunk(T0 + 1000, 0, 20), chunk(T0 + 3000, 2, 20, true)], T0);
    expect(track.count).toBe(40);
    expect(track.t[0]).toBe(1000);
    expect(track.t[39]).toBe(3000 + 1900);
    expect(indexAt(track, 999)).toBe(-1);
    expect(indexAt(track, 1000)).toBe(0);
    expect(indexAt(track, 2950)).toBe(19);
    expect(indexAt(track, 10_000)).toBe(39);
    expect(poseAt(track, 'head', 1500, out)).toBe(true);
    expect(out.px).toBeCloseTo(0.5, 3);
    expect(out.pz).toBeCloseTo(2, 3);
    // Controllers and hands only where the samples had them, and a hand marked as one.
    expect(poseAt(track, 'left', 1500, out)).toBe(false);
    expect(poseAt(track, 'left', 3500, out)).toBe(true);
    expect(track.present.left[25]).toBe(2);
    expect(track.present.right[25]).toBe(1);
  });

  it('blends between samples (position and rotation) but not across a gap', () => {
    const track = buildPoseTrack([chunk(T0, 0, 20), chunk(T0 + 5000, 10, 20)], T0);
    expect(poseAt(track, 'head', 150, out)).toBe(true);
    expect(out.px).toBeCloseTo(0.15, 3);
    // Halfway between yaw 0.1 and 0.2 rad.
    expect(2 * Math.atan2(out.qy, out.qw)).toBeCloseTo(0.15, 2);
    expect(Math.hypot(out.qx, out.qy, out.qz, out.qw)).toBeCloseTo(1, 6);
    // 1900 ms is the last sample of the first chunk; the next is 3.1 s later: hold, do not glide across the room.
    expect(poseAt(track, 'head', 3000, out)).toBe(true);
    expect(out.px).toBeCloseTo(1.9, 3);
  });

  it('skips a malformed chunk and counts it', () => {
    const good = chunk(T0, 0, 5);
    const track = buildPoseTrack([good, { ...good, startTs: T0 + 600, samples: 6 }, { startTs: T0 + 900, samples: 1, data: '@@@@' }], T0);
    expect(track.skipped).toBe(2);
    expect(track.count).toBe(5);
  });

  it('gives the head path as points and times', () => {
    const { points, times } = headPath(buildPoseTrack([chunk(T0, 0, 3)], T0));
    expect(Array.from(times)).toEqual([0, 100, 200]);
    expect(points[3]).toBeCloseTo(0.1, 3);
    expect(points[4]).toBeCloseTo(1.6, 3);
  });
});
