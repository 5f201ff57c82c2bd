// Floor heatmap cells: 0.5 m squares of the showroom floor, stored per day as a sparse list of sample counts.
//
// A cell's key is (ix + HALF) * SPAN + (iz + HALF), ix = floor(x / 0.5 m), iz = floor(z / 0.5 m); positions
// more than 128 m from the origin are not counted. The BLOB is little-endian uint32 pairs (key, count) sorted by key.
import { FLOOR_CELL_M } from '../contracts/analytics';

/** Cells per side of the counted square. */
export const SPAN = 512;
const HALF = SPAN / 2;
const PAIR_BYTES = 8;

/** The cell key of a floor position (x, z in metres), or -1 outside the counted square (±128 m). */
export function cellKey(x: number, z: number): number {
  const ix = Math.floor(x / FLOOR_CELL_M) + HALF;
  const iz = Math.floor(z / FLOOR_CELL_M) + HALF;
  if (!(ix >= 0 && ix < SPAN && iz >= 0 && iz < SPAN)) return -1;
  return ix * SPAN + iz;
}

/** The cell's corner with the smallest x and z, metres. */
export function cellOrigin(key: number): { x: number; z: number } {
  return { x: (Math.floor(key / SPAN) - HALF) * FLOOR_CELL_M, z: ((key % SPAN) - HALF) * FLOOR_CELL_M };
}

/** Encodes cell counts (key -> samples) as the stored BLOB, keys ascending. */
export function encodeCells(cells: Map<number, number>): Buffer {
  const keys = [...cells.keys()].sort((a, b) => a - b);
  const out = Buffer.allocUnsafe(keys.length * PAIR_BYTES);
  keys.forEach((k, i) => {
    out.writeUInt32LE(k, i * PAIR_BYTES);
    out.writeUInt32LE(cells.get(k)!, i * PAIR_BYTES + 4);
  });
  return out;
}

/** Merges a stored BLOB (or null) with new counts into a new BLOB. */
export function mergeCells(stored: Uint8Array | null, add: Map<number, number>): Buffer {
  const all = new Map(add);
  if (stored) {
    const v = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    for (let o = 0; o + PAIR_BYTES <= v.length; o += PAIR_BYTES) {
      const k = v.readUInt32LE(o);
      all.set(k, (all.get(k) ?? 0) + v.readUInt32LE(o + 4));
    }
  }
  return encodeCells(all);
}

/**
 * Merges two stored BLOBs (either may be null), both with keys ascending, into one: a single pass over both,
 * without decoding into a map. The result is what `mergeCells` gives for the same counts.
 */
export function mergeCellBlobs(a: Uint8Array | null, b: Uint8Array | null): Buffer | null {
  if (!a || a.length === 0) return b ? Buffer.from(b) : null;
  if (!b || b.length === 0) return Buffer.from(a);
  const va = Buffer.from(a.buffer, a.byteOffset, a.byteLength - (a.byteLength % PAIR_BYTES));
  const vb = Buffer.from(b.buffer, b.byteOffset, b.byteLength - (b.byteLength % PAIR_BYTES));
  const out = Buffer.allocUnsafe(va.length + vb.length);
  let i = 0, j = 0, o = 0;
  while (i < va.length && j < vb.length) {
    const ka = va.readUInt32LE(i), kb = vb.readUInt32LE(j);
    if (ka < kb) {
      // Copy the whole run of a's keys below kb at once (the new cells are few, the stored many).
      let e = i + PAIR_BYTES;
      while (e < va.length && va.readUInt32LE(e) < kb) e += PAIR_BYTES;
      o += va.copy(out, o, i, e);
      i = e;
    } else if (kb < ka) {
      let e = j + PAIR_BYTES;
      while (e < vb.length && vb.readUInt32LE(e) < ka) e += PAIR_BYTES;
      o += vb.copy(out, o, j, e);
      j = e;
    } else {
      out.writeUInt32LE(ka, o);
      out.writeUInt32LE(va.readUInt32LE(i + 4) + vb.readUInt32LE(j + 4), o + 4);
      i += PAIR_BYTES;
      j += PAIR_BYTES;
      o += PAIR_BYTES;
    }
  }
  if (i < va.length) o += va.copy(out, o, i);
  if (j < vb.length) o += vb.copy(out, o, j);
  return out.subarray(0, o);
}

/** Adds a stored BLOB into dense counts (length SPAN * SPAN); returns the samples added. */
export function addCellsInto(dense: Float64Array, blob: Uint8Array): number {
  const words = blob.byteOffset % 4 === 0 ? new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength >> 2) : new Uint32Array(Uint8Array.from(blob).buffer);
  let n = 0;
  for (let i = 0; i + 1 < words.length; i += 2) {
    dense[words[i]!]! += words[i + 1]!;
    n += words[i + 1]!;
  }
  return n;
}
