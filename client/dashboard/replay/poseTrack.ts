// A session's pose chunks decoded into flat arrays on one time axis, and interpolated poses at any replay time.
import { fromBase64 } from '../../../server/contracts/base64';
import { checkPoseChunk, decodePoseChunk, MASK_LEFT_HAND, MASK_RIGHT_HAND, type Pose } from '../../../server/contracts/pose';

/** Which tracked thing: the head, the left or the right controller (or hand). */
export type Tracked = 'head' | 'left' | 'right';

/** Samples further apart than this (ms) are not blended: the page was hidden or the sampler paused. */
export const MAX_BLEND_GAP_MS = 600;

export interface PoseTrack {
  /** Number of samples. */
  count: number;
  /** Sample times, ms since the replay's start, never decreasing. */
  t: Float64Array;
  /** Per tracked thing, 7 floats a sample: position (m) and quaternion (x, y, z, w). */
  poses: Record<Tracked, Float32Array>;
  /** Per tracked thing and sample: 0 absent, 1 present (a controller), 2 present and a tracked hand. */
  present: Record<Tracked, Uint8Array>;
  /** Chunks that failed the format check and were left out. */
  skipped: number;
}

/** What the decoder needs of a stored chunk (see `replay.poses`). */
export interface ChunkInput {
  startTs: number;
  samples: number;
  data: string;
}

const ORDER: Tracked[] = ['head', 'left', 'right'];

/**
 * Decodes chunks (in time order) into one track whose times are ms since `t0` (browser ms since the epoch).
 * A malformed chunk is skipped and counted, never thrown on.
 */
export function buildPoseTrack(chunks: readonly ChunkInput[], t0: number): PoseTrack {
  const decoded = [];
  let skipped = 0;
  for (const c of chunks) {
    const bytes = fromBase64(c.data);
    if (!bytes || checkPoseChunk(bytes, c.samples) !== null) {
      skipped++;
      continue;
    }
    decoded.push({ startTs: c.startTs, samples: decodePoseChunk(bytes).samples });
  }
  const count = decoded.reduce((n, c) => n + c.samples.length, 0);
  const track: PoseTrack = {
    count,
    t: new Float64Array(count),
    poses: { head: new Float32Array(count * 7), left: new Float32Array(count * 7), right: new Float32Array(count * 7) },
    present: { head: new Uint8Array(count), left: new Uint8Array(count), right: new Uint8Array(count) },
    skipped,
  };
  let i = 0;
  let last = -Infinity;
  for (const c of decoded) {
    for (const s of c.samples) {
      // Chunks of a reloaded page may overlap a little: keep the axis monotonic.
      last = Math.max(last, c.startTs + s.t - t0);
      track.t[i] = last;
      for (const which of ORDER) {
        const p = s[which];
        if (!p) continue;
        const hand = which === 'left' ? s.mask & MASK_LEFT_HAND : which === 'right' ? s.mask & MASK_RIGHT_HAND : 0;
        track.present[which][i] = hand ? 2 : 1;
        track.poses[which].set([p.px, p.py, p.pz, p.qx, p.qy, p.qz, p.qw], i * 7);
      }
      i++;
    }
  }
  return track;
}

/** Index of the last sample at or before `tMs` (-1 before the first). Binary search: O(log n). */
export function indexAt(track: PoseTrack, tMs: number): number {
  let lo = 0;
  let hi = track.count - 1;
  if (hi < 0 || tMs < track.t[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (track.t[mid]! <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Writes the pose of `which` at `tMs` (ms since the replay's start) into `out`, blending the samples around it
 * (positions linearly, rotations by normalised lerp); returns false when it was not tracked then. Allocates nothing.
 */
export function poseAt(track: PoseTrack, which: Tracked, tMs: number, out: Pose): boolean {
  const i = indexAt(track, tMs);
  if (i < 0 || !track.present[which][i]) return false;
  const a = track.poses[which];
  const o = i * 7;
  let f = 0;
  const j = i + 1;
  if (j < track.count && track.present[which][j] && track.t[j]! - track.t[i]! <= MAX_BLEND_GAP_MS && track.t[j]! > track.t[i]!) {
    f = (tMs - track.t[i]!) / (track.t[j]! - track.t[i]!);
  }
  const p = j * 7;
  out.px = a[o]! + (f ? (a[p]! - a[o]!) * f : 0);
  out.py = a[o + 1]! + (f ? (a[p + 1]! - a[o + 1]!) * f : 0);
  out.pz = a[o + 2]! + (f ? (a[p + 2]! - a[o + 2]!) * f : 0);
  // The shorter way round: flip the second quaternion when the two point apart.
  const dot = f ? a[o + 3]! * a[p + 3]! + a[o + 4]! * a[p + 4]! + a[o + 5]! * a[p + 5]! + a[o + 6]! * a[p + 6]! : 1;
  const s = dot < 0 ? -f : f;
  const qx = a[o + 3]! * (1 - f) + (f ? a[p + 3]! * s : 0);
  const qy = a[o + 4]! * (1 - f) + (f ? a[p + 4]! * s : 0);
  const qz = a[o + 5]! * (1 - f) + (f ? a[p + 5]! * s : 0);
  const qw = a[o + 6]! * (1 - f) + (f ? a[p + 6]! * s : 0);
  const n = Math.hypot(qx, qy, qz, qw) || 1;
  out.qx = qx / n;
  out.qy = qy / n;
  out.qz = qz / n;
  out.qw = qw / n;
  return true;
}

/** Head positions (x, y, z per sample, metres) of the samples where the head was tracked, for the path line. */
export function headPath(track: PoseTrack): { points: Float32Array; times: Float64Array } {
  let n = 0;
  for (let i = 0; i < track.count; i++) if (track.present.head[i]) n++;
  const points = new Float32Array(n * 3);
  const times = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < track.count; i++) {
    if (!track.present.head[i]) continue;
    points.set(track.poses.head.subarray(i * 7, i * 7 + 3), k * 3);
    times[k++] = track.t[i]!;
  }
  return { points, times };
}
