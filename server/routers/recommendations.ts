// Public "You may also like" for the showroom's product panel: product ids only, never visitor data.
import { publicRecommendations } from '../analytics/reports';
import { recommendationsInputSchema } from '../contracts/analytics';
import { publicProcedure, router } from '../trpc';

export const recommendationsRouter = router({
  /**
   * Products customers looked at in the same sessions as this one (pairs seen in at least
   * PUBLIC_MIN_SESSIONS sessions), filled up with products of the same category; only active
   * catalogue products, never the product itself.
   */
  forProduct: publicProcedure.input(recommendationsInputSchema).query(({ ctx, input }) => publicRecommendations(ctx, input)),
});
