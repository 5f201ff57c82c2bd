// Staff analytics over a date range: per-product statistics, funnel and device split, floor heatmap, co-viewed products.
import { analyticsRangeSchema, staffRecommendationsSchema } from '../contracts/analytics';
import { floorReport, funnelReport, rankedProducts, staffCoViewed } from '../analytics/reports';
import { router, staffProcedure } from '../trpc';

export const analyticsRouter = router({
  /** Per product: views, selects, dwell statistics, cart adds, conversion; most attention (dwell time) first. */
  products: staffProcedure.input(analyticsRangeSchema).query(({ ctx, input }) => rankedProducts(ctx, input)),

  /** The funnel (sessions by the day they started) and the same counts by device mode. */
  funnel: staffProcedure.input(analyticsRangeSchema).query(({ ctx, input }) => funnelReport(ctx.db, input)),

  /** Where customers stood: head pose samples per 0.5 m floor cell. */
  floor: staffProcedure.input(analyticsRangeSchema).query(({ ctx, input }) => floorReport(ctx.db, input)),

  /** "Customers who looked at this also looked at": co-viewed products with their session counts, best first. */
  recommendations: staffProcedure.input(staffRecommendationsSchema).query(({ ctx, input }) => staffCoViewed(ctx.db, input)),
});
