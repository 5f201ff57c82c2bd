// Dwell rules: 250 ms to start, duration from first to last look, short flickers ignored, gaps and switches handled.
import { describe, expect, it } from 'vitest';
import { DwellTracker } from './dwell';

function run(samples: [number, string | null][], endAt?: number) {
  const log: string[] = [];
  const d = new DwellTracker({
    start: (id) => log.push(`start ${id}`),
    end: (id, ms, dist) => log.push(`end ${id} ${ms} ${dist}`),
  });
  for (const [t, id] of samples) d.update(t, id, 2);
  if (endAt !== undefined) d.flush(endAt);
  return log;
}

/** Samples every 50 ms (20 Hz) from `from` to `to` (exclusive) on `id`. */
const hold = (id: string | null, from: number, to: number): [number, string | null][] =>
  Array.from({ length: Math.round((to - from) / 50) }, (_, i) => [from + i * 50, id]);

describe('DwellTracker', () => {
  it('starts a dwell after 250 ms on one product and ends it with the time the ray stayed', () => {
    expect(run([...hold('chair', 0, 1000), ...hold(null, 1000, 1300)])).toEqual(['start chair', 'end chair 1000 2']);
  });

  it('ignores a glance shorter than 250 ms', () => {
    expect(run([...hold('chair', 0, 200), ...hold(null, 200, 600), ...hold('sofa', 600, 800), ...hold(null, 800, 1200)])).toEqual([]);
  });

  it('emits the start at the first sample 250 ms after the ray arrived', () => {
    expect(run(hold('chair', 0, 250))).toEqual([]);
    expect(run(hold('chair', 0, 300))).toEqual(['start chair']);
  });

  it('keeps one dwell through a flicker shorter than the grace time, ends it after a longer gap', () => {
    const flicker = [...hold('chair', 0, 600), ...hold(null, 600, 700), ...hold('chair', 700, 1200), ...hold(null, 1200, 1500)];
    expect(run(flicker)).toEqual(['start chair', 'end chair 1200 2']);
    const gap = [...hold('chair', 0, 600), ...hold(null, 600, 800), ...hold('chair', 800, 1200), ...hold(null, 1200, 1500)];
    expect(run(gap)).toEqual(['start chair', 'end chair 600 2', 'start chair', 'end chair 400 2']);
  });

  it('ends one dwell and starts measuring the next when the ray moves straight to another product', () => {
    expect(run([...hold('chair', 0, 500), ...hold('sofa', 500, 1000)], 1000)).toEqual(['start chair', 'end chair 500 2', 'start sofa', 'end sofa 500 2']);
  });

  it('ends the dwell at the last sample when samples stop (hidden tab) instead of counting the pause', () => {
    expect(run([...hold('chair', 0, 500), [5000, 'chair'], ...hold(null, 5050, 5400)])).toEqual(['start chair', 'end chair 450 2']);
  });
});
