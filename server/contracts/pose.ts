// Compact binary pose chunks (head, left and right controller or hand), shared by the browser encoder and the server check.
//
// Format 1, little-endian:
//   header   float32 x3   origin (metres, world space): positions below are relative to it
//   sample   uint16       ms since the chunk's `startTs`, never decreasing
//            uint8        mask: bit0 head, bit1 left, bit2 right, bit3 left is a hand, bit4 right is a hand
//            per present pose, in the order head, left, right:
//              int16 x3   position minus origin, millimetres (so within ±32.767 m of the origin)
//              uint32     rotation, "smallest three": bits 30-31 index of the largest component,
//                         then three 10-bit fields for the others, each mapping [-1/√2, 1/√2] to 0..1023
// A head-only sample is 13 bytes; head and both hands 33 bytes.

export const POSE_FORMAT = 1;
export const POSE_HEADER_BYTES = 12;
export const POSE_BYTES = 10;
export const MAX_POSE_SAMPLES = 64;
/** Largest possible chunk, bytes: header plus MAX_POSE_SAMPLES full samples. */
export const MAX_POSE_CHUNK_BYTES = POSE_HEADER_BYTES + MAX_POSE_SAMPLES * (3 + 3 * POSE_BYTES);
/** Largest offset from the origin a position may have, metres. */
export const POSE_RANGE_M = 32.767;

export const MASK_HEAD = 1;
export const MASK_LEFT = 2;
export const MASK_RIGHT = 4;
export const MASK_LEFT_HAND = 8;
export const MASK_RIGHT_HAND = 16;
const MASK_ALL = 31;

const SQRT1_2 = Math.SQRT1_2;
const Q_STEPS = 1023;

/** A position (metres) and rotation (unit quaternion x, y, z, w). */
export interface Pose {
  px: number;
  py: number;
  pz: number;
  qx: number;
  qy: number;
  qz: number;
  qw: number;
}

export interface PoseSample {
  /** ms since the chunk's start. */
  t: number;
  mask: number;
  head?: Pose;
  left?: Pose;
  right?: Pose;
}

function poseCount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}

/** Bytes one sample with this mask takes. */
export function sampleBytes(mask: number): number {
  return 3 + poseCount(mask) * POSE_BYTES;
}

/** Packs a unit quaternion into 32 bits (smallest three, 10 bits each). */
export function packQuaternion(x: number, y: number, z: number, w: number): number {
  const ax = Math.abs(x), ay = Math.abs(y), az = Math.abs(z), aw = Math.abs(w);
  let largest = 0;
  let max = ax;
  if (ay > max) { largest = 1; max = ay; }
  if (az > max) { largest = 2; max = az; }
  if (aw > max) { largest = 3; max = aw; }
  const big = largest === 0 ? x : largest === 1 ? y : largest === 2 ? z : w;
  // q and -q are the same rotation: make the dropped component positive.
  const sign = big < 0 ? -1 : 1;
  let a: number, b: number, c: number;
  if (largest === 0) { a = y; b = z; c = w; }
  else if (largest === 1) { a = x; b = z; c = w; }
  else if (largest === 2) { a = x; b = y; c = w; }
  else { a = x; b = y; c = z; }
  const norm = Math.hypot(x, y, z, w) || 1;
  const enc = (v: number) => {
    const n = Math.round(((sign * v) / norm / SQRT1_2 + 1) * 0.5 * Q_STEPS);
    return n < 0 ? 0 : n > Q_STEPS ? Q_STEPS : n;
  };
  return ((largest << 30) | (enc(a) << 20) | (enc(b) << 10) | enc(c)) >>> 0;
}

/** Unpacks `packQuaternion`'s 32 bits into `out` (x, y, z, w). */
export function unpackQuaternion(bits: number, out: Pose): void {
  const largest = bits >>> 30;
  const dec = (n: number) => ((n / Q_STEPS) * 2 - 1) * SQRT1_2;
  const a = dec((bits >>> 20) & 1023);
  const b = dec((bits >>> 10) & 1023);
  const c = dec(bits & 1023);
  const d = Math.sqrt(Math.max(0, 1 - a * a - b * b - c * c));
  if (largest === 0) { out.qx = d; out.qy = a; out.qz = b; out.qw = c; }
  else if (largest === 1) { out.qx = a; out.qy = d; out.qz = b; out.qw = c; }
  else if (largest === 2) { out.qx = a; out.qy = b; out.qz = d; out.qw = c; }
  else { out.qx = a; out.qy = b; out.qz = c; out.qw = d; }
}

/**
 * Builds one chunk into a preallocated buffer without allocating per sample. `add` returns false when
 * the sample does not fit (chunk full, more than 65.5 s since the start, or a position beyond
 * ±32.767 m of the origin): close the chunk and start a new one with that sample.
 */
export class PoseChunkWriter {
  readonly bytes = new Uint8Array(MAX_POSE_CHUNK_BYTES);
  private readonly view = new DataView(this.bytes.buffer);
  private length = 0;
  private ox = 0;
  private oy = 0;
  private oz = 0;
  /** Samples written so far. */
  count = 0;
  /** ms offset of the last sample. */
  lastT = 0;

  reset(): void {
    this.length = 0;
    this.count = 0;
    this.lastT = 0;
  }

  /** Appends a sample at `t` ms since the chunk start; poses given as null are absent. */
  add(t: number, head: Pose | null, left: Pose | null, leftIsHand: boolean, right: Pose | null, rightIsHand: boolean): boolean {
    if (this.count >= MAX_POSE_SAMPLES || t > 65_535 || t < this.lastT) return false;
    if (this.count === 0) {
      const first = head ?? left ?? right;
      if (!first) return true;
      this.ox = Math.fround(first.px);
      this.oy = Math.fround(first.py);
      this.oz = Math.fround(first.pz);
      this.view.setFloat32(0, this.ox, true);
      this.view.setFloat32(4, this.oy, true);
      this.view.setFloat32(8, this.oz, true);
      this.length = POSE_HEADER_BYTES;
    }
    if (!this.fits(head) || !this.fits(left) || !this.fits(right)) return false;
    const mask = (head ? MASK_HEAD : 0) | (left ? MASK_LEFT | (leftIsHand ? MASK_LEFT_HAND : 0) : 0) | (right ? MASK_RIGHT | (rightIsHand ? MASK_RIGHT_HAND : 0) : 0);
    if (mask === 0) return true;
    const v = this.view;
    v.setUint16(this.length, Math.round(t), true);
    v.setUint8(this.length + 2, mask);
    this.length += 3;
    if (head) this.writePose(head);
    if (left) this.writePose(left);
    if (right) this.writePose(right);
    this.count++;
    this.lastT = Math.round(t);
    return true;
  }

  private fits(p: Pose | null): boolean {
    if (!p) return true;
    return Math.abs(p.px - this.ox) <= POSE_RANGE_M && Math.abs(p.py - this.oy) <= POSE_RANGE_M && Math.abs(p.pz - this.oz) <= POSE_RANGE_M;
  }

  private writePose(p: Pose): void {
    const v = this.view;
    const o = this.length;
    v.setInt16(o, Math.round((p.px - this.ox) * 1000), true);
    v.setInt16(o + 2, Math.round((p.py - this.oy) * 1000), true);
    v.setInt16(o + 4, Math.round((p.pz - this.oz) * 1000), true);
    v.setUint32(o + 6, packQuaternion(p.qx, p.qy, p.qz, p.qw), true);
    this.length += POSE_BYTES;
  }

  /** The chunk's bytes so far (a view, valid until the next reset). */
  view8(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Why a chunk is malformed, with the byte offset where reading failed; null when it is well formed. */
export function checkPoseChunk(bytes: Uint8Array, expectedSamples: number): string | null {
  if (bytes.length < POSE_HEADER_BYTES) return `must hold at least the ${POSE_HEADER_BYTES}-byte header`;
  if (bytes.length > MAX_POSE_CHUNK_BYTES) return `must be at most ${MAX_POSE_CHUNK_BYTES} bytes`;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < 3; i++) if (!Number.isFinite(v.getFloat32(i * 4, true))) return 'origin must be finite numbers';
  let o = POSE_HEADER_BYTES;
  let last = 0;
  let n = 0;
  while (o < bytes.length) {
    if (o + 3 > bytes.length) return `sample ${n} is cut short at byte ${o}`;
    const t = v.getUint16(o, true);
    const mask = v.getUint8(o + 2);
    if (t < last) return `sample ${n} goes back in time (byte ${o})`;
    if (mask === 0 || mask > MASK_ALL) return `sample ${n} has an invalid mask ${mask} (byte ${o + 2})`;
    if ((mask & MASK_LEFT_HAND && !(mask & MASK_LEFT)) || (mask & MASK_RIGHT_HAND && !(mask & MASK_RIGHT))) return `sample ${n} marks a hand that is absent (byte ${o + 2})`;
    const size = sampleBytes(mask);
    if (o + size > bytes.length) return `sample ${n} is cut short at byte ${o}`;
    last = t;
    o += size;
    n++;
  }
  if (n !== expectedSamples) return `holds ${n} samples, not the ${expectedSamples} the event says`;
  return null;
}

/** Decodes a well-formed chunk (check it first with `checkPoseChunk`). Allocates: for replay and tests. */
export function decodePoseChunk(bytes: Uint8Array): { origin: [number, number, number]; samples: PoseSample[] } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const origin: [number, number, number] = [v.getFloat32(0, true), v.getFloat32(4, true), v.getFloat32(8, true)];
  const samples: PoseSample[] = [];
  let o = POSE_HEADER_BYTES;
  const read = (): Pose => {
    const p: Pose = {
      px: origin[0] + v.getInt16(o, true) / 1000,
      py: origin[1] + v.getInt16(o + 2, true) / 1000,
      pz: origin[2] + v.getInt16(o + 4, true) / 1000,
      qx: 0, qy: 0, qz: 0, qw: 1,
    };
    unpackQuaternion(v.getUint32(o + 6, true), p);
    o += POSE_BYTES;
    return p;
  };
  while (o + 3 <= bytes.length) {
    const s: PoseSample = { t: v.getUint16(o, true), mask: v.getUint8(o + 2) };
    o += 3;
    if (s.mask & MASK_HEAD) s.head = read();
    if (s.mask & MASK_LEFT) s.left = read();
    if (s.mask & MASK_RIGHT) s.right = read();
    samples.push(s);
  }
  return { origin, samples };
}
