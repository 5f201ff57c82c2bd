// Dwell statistics from rollup sums and the log-scale histogram, against direct computation.
import { describe, expect, it } from 'vitest';
import { rng } from '../../test/helpers/analyticsFixture';
import { addDuration, addInto, bucketHigh, bucketLow, bucketOf, BUCKET_RATIO, BUCKETS, encodeHistogram, histogramMedian, mergeHistograms, momentsOf, type SparseHistogram } from './stats';

const exactMedian = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
};

describe('moments from sums', () => {
  it('mean, sample variance and standard deviation equal the two-pass computation', () => {
    const xs = [250, 900, 1200, 1200, 4000, 15_000, 86_400_000];
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    const m = momentsOf(xs.length, xs.reduce((a, b) => a + b, 0), xs.reduce((a, b) => a + b * b, 0));
    expect(m.mean).toBeCloseTo(mean, 6);
    expect(m.variance! / variance).toBeCloseTo(1, 9);
    expect(m.sd).toBeCloseTo(Math.sqrt(variance), 3);
  });

  it('has no variance below two values and none is negative for equal values', () => {
    expect(momentsOf(0, 0, 0)).toEqual({ mean: null, variance: null, sd: null });
    expect(momentsOf(1, 700, 490_000)).toEqual({ mean: 700, variance: null, sd: null });
    expect(momentsOf(3, 3 * 333.3, 3 * 333.3 * 333.3).variance).toBeGreaterThanOrEqual(0);
  });
});

describe('histogram median', () => {
  it('places every duration in the bucket whose bounds hold it, at the edges too', () => {
    for (const ms of [0, 1, 2, 3, 250, 1000, 1024, 65_536, 86_400_000]) {
      const k = bucketOf(ms);
      expect(k).toBeLessThan(BUCKETS);
      expect(bucketLow(k)).toBeLessThanOrEqual(ms);
      expect(ms).toBeLessThan(bucketHigh(k));
    }
    expect(bucketHigh(5) / bucketLow(5)).toBeCloseTo(BUCKET_RATIO, 12);
  });

  it.each([1, 2, 3, 10, 101, 5000])('is within the bucket ratio of the exact median for %i dwells, also after merging', (n) => {
    const random = rng(n);
    const xs = Array.from({ length: n }, () => Math.round(Math.exp(5 + random() * 6)));
    const a: SparseHistogram = new Map();
    const b: SparseHistogram = new Map();
    xs.forEach((x, i) => addDuration(i % 3 ? a : b, x));
    const dense = new Float64Array(BUCKETS);
    const count = addInto(dense, mergeHistograms(encodeHistogram(a), encodeHistogram(b))!);
    expect(count).toBe(n);
    const est = histogramMedian(dense, count)!;
    const exact = exactMedian(xs);
    expect(est).toBeLessThanOrEqual(exact * BUCKET_RATIO);
    expect(est).toBeGreaterThanOrEqual(exact / BUCKET_RATIO);
  });

  it('is null without durations and 0 for zero-length dwells', () => {
    expect(histogramMedian(new Float64Array(BUCKETS), 0)).toBeNull();
    const h: SparseHistogram = new Map();
    addDuration(h, 0);
    const dense = new Float64Array(BUCKETS);
    expect(histogramMedian(dense, addInto(dense, encodeHistogram(h)!))).toBe(0);
  });
});
