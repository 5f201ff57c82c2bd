// Splitting day ranges into whole months and loose days covers every day exactly once.
import { describe, expect, it } from 'vitest';
import { dayNumberOf, dayString } from '../contracts/analytics';
import { firstDayOf, monthOf, splitRange } from './periods';

/** Every day the parts cover, in order. */
function covered(from: number, to: number): number[] {
  const parts = splitRange(from, to);
  const days: number[] = [];
  if (parts.months) for (let m = parts.months[0]; m <= parts.months[1]; m++) for (let d = firstDayOf(m); d < firstDayOf(m + 1); d++) days.push(d);
  for (const [a, b] of parts.days) for (let d = a; d <= b; d++) days.push(d);
  return days.sort((a, b) => a - b);
}

describe('splitRange', () => {
  it.each([
    ['2025-05-01', '2025-05-31', { days: [], months: ['2025-05', '2025-05'] }],
    ['2025-04-11', '2025-06-24', { days: [['2025-04-11', '2025-04-30'], ['2025-06-01', '2025-06-24']], months: ['2025-05', '2025-05'] }],
    ['2025-05-02', '2025-05-30', { days: [['2025-05-02', '2025-05-30']], months: null }],
    ['2024-02-01', '2025-01-31', { days: [], months: ['2024-02', '2025-01'] }],
  ])('%s .. %s', (from, to, want) => {
    const r = splitRange(dayNumberOf(from), dayNumberOf(to));
    const month = (m: number) => dayString(firstDayOf(m)).slice(0, 7);
    expect({ days: r.days.map(([a, b]) => [dayString(a), dayString(b)]), months: r.months && r.months.map(month) }).toEqual(want);
  });

  it('covers each day of any range exactly once', () => {
    const start = dayNumberOf('2024-01-01');
    for (let from = start; from < start + 800; from += 37) {
      for (const len of [1, 28, 29, 31, 62, 200, 366]) {
        const to = from + len - 1;
        expect(covered(from, to)).toEqual(Array.from({ length: len }, (_, i) => from + i));
      }
    }
    expect(monthOf(dayNumberOf('2024-02-29'))).toBe((2024 - 1970) * 12 + 1);
  });
});
