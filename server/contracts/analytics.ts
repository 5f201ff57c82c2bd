// Analytics and recommendations contract: date ranges, funnel steps, floor cells, and the procedures' inputs.
import { z } from 'zod';
import { slugSchema } from './ids';
import { pageLimit } from './paging';

/** The longest date range one analytics query may cover, days (both ends included). */
export const MAX_RANGE_DAYS = 366;
/** Edge of one floor heatmap cell, metres. */
export const FLOOR_CELL_M = 0.5;
/** Pose samples are taken at 10 Hz: one sample stands for this many seconds. */
export const POSE_SAMPLE_SECONDS = 0.1;
/** Most recommendations one call returns. */
export const MAX_RECOMMENDATIONS = 8;

/**
 * The funnel, in order. A session "did" a step when it logged one of the step's events; it "reached" a
 * step when it did that step and every step before it. Each step is one bit of `steps` in the rollups.
 */
export const funnelSteps = [
  { key: 'visited', label: 'Visited', events: 'any event', bit: 1 },
  { key: 'looked', label: 'Looked at a product', events: 'a dwell (head ray on a product for 250 ms or more) or a select', bit: 2 },
  { key: 'inspected', label: 'Inspected', events: 'turn and zoom, or picked up in VR', bit: 4 },
  { key: 'variant', label: 'Changed variant', events: 'a colour or finish switched', bit: 8 },
  { key: 'cart', label: 'Added to cart', events: 'an add to cart', bit: 16 },
  { key: 'contact', label: 'Asked for a salesperson', events: 'a contact request (form or one press)', bit: 32 },
] as const;
export type FunnelStepKey = (typeof funnelSteps)[number]['key'];
export const STEP: Record<FunnelStepKey, number> = Object.fromEntries(funnelSteps.map((s) => [s.key, s.bit])) as Record<FunnelStepKey, number>;

/** Device modes from least to most immersive; a session counts under the most immersive one it used. */
export const analyticsModes = ['desktop', 'vr', 'ar'] as const;
export type AnalyticsMode = (typeof analyticsModes)[number];

const DAY_MS = 86_400_000;

/** The first and last day numbers of a validated range. */
export function rangeDays(r: { from: string; to: string }): { fromDay: number; toDay: number } {
  return { fromDay: dayNumberOf(r.from), toDay: dayNumberOf(r.to) };
}

/** Days since 1970-01-01 of a calendar day written YYYY-MM-DD (a UTC day). */
export function dayNumberOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The YYYY-MM-DD calendar day of a day number. */
export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD')
  .refine((s) => {
    const n = dayNumberOf(s);
    return Number.isInteger(n) && dayString(n) === s;
  }, 'must be a real calendar day')
  .refine((s) => s >= '2024-01-01' && s <= '2100-12-31', 'must be between 2024-01-01 and 2100-12-31');

const rangeShape = {
  /** First day of the range, YYYY-MM-DD (UTC calendar days). */
  from: calendarDay,
  /** Last day of the range (included). */
  to: calendarDay,
};

function checkRange(r: { from?: unknown; to?: unknown }, ctx: z.RefinementCtx): void {
  if (typeof r.from !== 'string' || typeof r.to !== 'string') return;
  const days = dayNumberOf(r.to) - dayNumberOf(r.from) + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_RANGE_DAYS} days after from (the range is ${days} days)` });
}

/** A date range of whole UTC days, both ends included, at most MAX_RANGE_DAYS long, optionally one device mode. */
export const analyticsRangeSchema = z.object({ ...rangeShape, mode: z.enum(analyticsModes).optional() }).superRefine(checkRange);
export type AnalyticsRange = z.infer<typeof analyticsRangeSchema>;

/** The showroom's "You may also like": products looked at in the same sessions as this one. */
export const recommendationsInputSchema = z.object({
  productId: slugSchema,
  limit: pageLimit(MAX_RECOMMENDATIONS, 3),
});

/** Staff: the co-viewed products of one product, with their counts. */
export const staffRecommendationsSchema = z.object({
  productId: slugSchema,
  limit: pageLimit(20, 5),
});

/**
 * Sessions a pair must share before the public "You may also like" shows it: a pair from one or two
 * sessions could tell someone what one identifiable visitor looked at.
 */
export const PUBLIC_MIN_SESSIONS = 3;

/** A product recommended in the showroom, best first. No counts: the public list carries no visitor data. */
export interface PublicRecommendation {
  productId: string;
  /** `co-viewed`: customers looked at both; `category`: same category, filling a short list. */
  reason: 'co-viewed' | 'category';
}
