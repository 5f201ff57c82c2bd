// Splits a range of days into whole calendar months and the loose days at either end, so long ranges read monthly rollups.

const DAY_MS = 86_400_000;

/** Months since 1970-01 of a day number (days since 1970-01-01, UTC). */
export function monthOf(day: number): number {
  const d = new Date(day * DAY_MS);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** The day number of the first day of a month (months since 1970-01). */
export function firstDayOf(month: number): number {
  return Date.UTC(1970 + Math.floor(month / 12), month % 12, 1) / DAY_MS;
}

export interface RangeParts {
  /** Day ranges (both ends included) not covered by whole months: at most two. */
  days: [number, number][];
  /** Whole months inside the range (both ends included), or null. */
  months: [number, number] | null;
}

/** Splits the days fromDay..toDay (included) into whole months and loose days. */
export function splitRange(fromDay: number, toDay: number): RangeParts {
  if (toDay < fromDay) return { days: [], months: null };
  const startMonth = monthOf(fromDay) + (firstDayOf(monthOf(fromDay)) === fromDay ? 0 : 1);
  const endMonth = monthOf(toDay) - (firstDayOf(monthOf(toDay) + 1) - 1 === toDay ? 0 : 1);
  if (endMonth < startMonth) return { days: [[fromDay, toDay]], months: null };
  const days: [number, number][] = [];
  const monthsStart = firstDayOf(startMonth);
  const monthsEnd = firstDayOf(endMonth + 1) - 1;
  if (fromDay < monthsStart) days.push([fromDay, monthsStart - 1]);
  if (monthsEnd < toDay) days.push([monthsEnd + 1, toDay]);
  return { days, months: [startMonth, endMonth] };
}
