// Dwell statistics from rollups: mean and variance from sums, the median from a log-scale histogram.
//
// Histogram buckets: bucket 0 holds 0 ms; bucket k >= 1 holds durations d with 2^((k-1)/16) <= d < 2^(k/16) ms,
// so each bucket is 4.4% wide. Stored as a BLOB of (uint16 bucket, uint32 count) pairs, little-endian, sorted by
// bucket, only the buckets in use: a product's day with ten dwells takes about 60 bytes.

/** Buckets per doubling of the duration. */
export const STEPS_PER_OCTAVE = 16;
/** Ratio of a bucket's upper to its lower bound: the median estimate is within this factor of the true median. */
export const BUCKET_RATIO = 2 ** (1 / STEPS_PER_OCTAVE);
/** Number of buckets: enough for one day in ms (2^26.4). */
export const BUCKETS = 1 + STEPS_PER_OCTAVE * 27;
const PAIR_BYTES = 6;

/** Lower bound of bucket k, ms (bucket 0 is exactly 0). */
export function bucketLow(k: number): number {
  return k === 0 ? 0 : 2 ** ((k - 1) / STEPS_PER_OCTAVE);
}

/** Upper bound (excluded) of bucket k, ms. */
export function bucketHigh(k: number): number {
  return k === 0 ? 1 : 2 ** (k / STEPS_PER_OCTAVE);
}

/** The bucket of a duration in whole ms (0..86,400,000). */
export function bucketOf(ms: number): number {
  if (!(ms >= 1)) return 0;
  let k = Math.floor(Math.log2(ms) * STEPS_PER_OCTAVE) + 1;
  // Correct floating-point rounding at exact bucket edges so bounds and buckets always agree.
  while (k > 1 && bucketLow(k) > ms) k--;
  while (bucketHigh(k) <= ms) k++;
  return Math.min(k, BUCKETS - 1);
}

/** A sparse histogram under construction: bucket -> count. */
export type SparseHistogram = Map<number, number>;

/** Adds one duration (ms) to a sparse histogram. */
export function addDuration(h: SparseHistogram, ms: number): void {
  const k = bucketOf(ms);
  h.set(k, (h.get(k) ?? 0) + 1);
}

/** Encodes a sparse histogram as the stored BLOB (null when empty). */
export function encodeHistogram(h: SparseHistogram): Buffer | null {
  if (h.size === 0) return null;
  const keys = [...h.keys()].sort((a, b) => a - b);
  const out = Buffer.allocUnsafe(keys.length * PAIR_BYTES);
  keys.forEach((k, i) => {
    out.writeUInt16LE(k, i * PAIR_BYTES);
    out.writeUInt32LE(h.get(k)!, i * PAIR_BYTES + 2);
  });
  return out;
}

/** Merges two stored histograms (either may be null) into one stored histogram. */
export function mergeHistograms(a: Uint8Array | null, b: Uint8Array | null): Buffer | null {
  if (!a || a.length === 0) return b ? Buffer.from(b) : null;
  if (!b || b.length === 0) return Buffer.from(a);
  const va = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const vb = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const out = Buffer.allocUnsafe(a.length + b.length);
  let i = 0, j = 0, o = 0;
  while (i < va.length || j < vb.length) {
    const ka = i < va.length ? va.readUInt16LE(i) : Infinity;
    const kb = j < vb.length ? vb.readUInt16LE(j) : Infinity;
    const k = Math.min(ka, kb);
    let c = 0;
    if (ka === k) { c += va.readUInt32LE(i + 2); i += PAIR_BYTES; }
    if (kb === k) { c += vb.readUInt32LE(j + 2); j += PAIR_BYTES; }
    out.writeUInt16LE(k, o);
    out.writeUInt32LE(c, o + 2);
    o += PAIR_BYTES;
  }
  return out.subarray(0, o);
}

/** Adds a stored histogram into dense counts (length BUCKETS); returns the number of durations added. */
export function addInto(dense: Float64Array, blob: Uint8Array): number {
  const v = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  let n = 0;
  for (let o = 0; o + PAIR_BYTES <= v.length; o += PAIR_BYTES) {
    const c = v.readUInt32LE(o + 2);
    dense[v.readUInt16LE(o)]! += c;
    n += c;
  }
  return n;
}

/** Estimated value at 0-based rank r: durations are spread log-uniformly within their bucket. */
function valueAtRank(dense: Float64Array, r: number): number {
  let before = 0;
  for (let k = 0; k < dense.length; k++) {
    const c = dense[k]!;
    if (c === 0) continue;
    if (r < before + c) {
      if (k === 0) return 0;
      const f = (r - before + 0.5) / c;
      return bucketLow(k) * BUCKET_RATIO ** f;
    }
    before += c;
  }
  return NaN;
}

/**
 * The median of the durations in dense counts, ms, or null when there are none. Each middle value is
 * estimated inside the bucket that holds it, so the result is within a factor BUCKET_RATIO (4.4%) of
 * the exact median.
 */
export function histogramMedian(dense: Float64Array, n: number): number | null {
  if (n <= 0) return null;
  const lo = Math.floor((n - 1) / 2);
  const hi = Math.ceil((n - 1) / 2);
  return (valueAtRank(dense, lo) + valueAtRank(dense, hi)) / 2;
}

export interface Moments {
  /** Mean, ms. */
  mean: number | null;
  /** Sample variance (divided by n - 1), ms²; null below two values. */
  variance: number | null;
  /** Sample standard deviation, ms. */
  sd: number | null;
}

/** Mean, sample variance and standard deviation from the count, sum (ms) and sum of squares (ms²). */
export function momentsOf(n: number, sum: number, sumSq: number): Moments {
  if (n <= 0) return { mean: null, variance: null, sd: null };
  const mean = sum / n;
  if (n < 2) return { mean, variance: null, sd: null };
  // Cancellation can leave a tiny negative number for equal values.
  const variance = Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
  return { mean, variance, sd: Math.sqrt(variance) };
}
