// Floor cell BLOBs: the single-pass merge ingest runs in SQLite gives exactly what decoding and re-encoding gives.
import { describe, expect, it } from 'vitest';
import { encodeCells, mergeCellBlobs, mergeCells } from './cells';

/** Random cell counts: `n` keys drawn from `span` (so some repeat across two draws), counts 1..1000. */
function randomCells(n: number, span: number, random: () => number): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < n; i++) m.set(Math.floor(random() * span), 1 + Math.floor(random() * 1000));
  return m;
}

describe('mergeCellBlobs', () => {
  it('matches mergeCells byte for byte on overlapping, disjoint, one-sided and empty inputs', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 300; round++) {
      const stored = randomCells(Math.floor(random() * 400), 1 + Math.floor(random() * 5000), random);
      const add = randomCells(Math.floor(random() * 30), 1 + Math.floor(random() * 5000), random);
      const a = stored.size ? encodeCells(stored) : null;
      const merged = mergeCellBlobs(a, add.size ? encodeCells(add) : null);
      const expected = a === null && add.size === 0 ? null : mergeCells(a, add);
      expect(merged === null ? null : [...merged]).toEqual(expected === null ? null : [...expected]);
    }
  });

  it('adds the counts of a key both hold and keeps keys ascending', () => {
    const merged = mergeCellBlobs(encodeCells(new Map([[1, 2], [5, 1], [9, 4]])), encodeCells(new Map([[0, 1], [5, 10], [12, 3]])))!;
    const pairs = Array.from({ length: merged.length / 8 }, (_, i) => [merged.readUInt32LE(i * 8), merged.readUInt32LE(i * 8 + 4)]);
    expect(pairs).toEqual([[0, 1], [1, 2], [5, 11], [9, 4], [12, 3]]);
  });
});
