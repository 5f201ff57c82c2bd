// Staff analytics over a date range: per-product statistics, funnel and device split, floor heatmap, co-viewed products.
import { analyticsRangeSchema, FLOOR_CELL_M, rangeDays, staffRecommendationsSchema } from '../contracts/analytics';
import { floorHeatmap, funnelAnalytics, productAnalytics } from '../db/analytics';
import { coViewed } from '../db/recommendations';
import { router, staffProcedure } from '../trpc';

export const analyticsRouter = router({
  /** Per product: views, selects, dwell statistics, cart adds, conversion; most attention (dwell time) first. */
  products: staffProcedure.input(analyticsRangeSchema).query(({ ctx, input }) => {
    const known = new Set(ctx.catalog.products.map((p) => p.id));
    const items = productAnalytics(ctx.db, { ...rangeDays(input), mode: input.mode });
    return { items: items.map((p, i) => ({ ...p, rank: i + 1, inCatalogue: known.has(p.productId) })) };
  }),

  /** The funnel (sessions by the day they started) and the same counts by device mode. */
  funnel: staffProcedure.input(analyticsRangeSchema).query(({ ctx, input }) => funnelAnalytics(ctx.db, { ...rangeDays(input), mode: input.mode })),

  /** Where customers stood: head pose samples per 0.5 m floor cell. */
  floor: staffProcedure.input(analyticsRangeSchema).query(({ ctx, input }) => floorHeatmap(ctx.db, { ...rangeDays(input), mode: input.mode }, FLOOR_CELL_M)),

  /** "Customers who looked at this also looked at": co-viewed products with their session counts, best first. */
  recommendations: staffProcedure.input(staffRecommendationsSchema).query(({ ctx, input }) => {
    const r = coViewed(ctx.db, input.productId, 1);
    return { sessions: r.sessions, items: r.items.slice(0, input.limit) };
  }),
});
