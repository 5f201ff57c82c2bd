// Public "You may also like" for the showroom's product panel: product ids only, never visitor data.
import { PUBLIC_MIN_SESSIONS, recommendationsInputSchema, type PublicRecommendation } from '../contracts/analytics';
import { coViewed } from '../db/recommendations';
import { publicProcedure, router } from '../trpc';

export const recommendationsRouter = router({
  /**
   * Products customers looked at in the same sessions as this one (pairs seen in at least
   * PUBLIC_MIN_SESSIONS sessions), filled up with products of the same category; only active
   * catalogue products, never the product itself.
   */
  forProduct: publicProcedure.input(recommendationsInputSchema).query(({ ctx, input }): { items: PublicRecommendation[] } => {
    const products = ctx.catalog.products;
    const self = products.find((p) => p.id === input.productId);
    if (!self) return { items: [] };
    const active = new Set(products.map((p) => p.id));
    const items: PublicRecommendation[] = [];
    const taken = new Set([self.id]);
    for (const c of coViewed(ctx.db, self.id, PUBLIC_MIN_SESSIONS).items) {
      if (items.length >= input.limit) break;
      if (!active.has(c.productId) || taken.has(c.productId)) continue;
      items.push({ productId: c.productId, reason: 'co-viewed' });
      taken.add(c.productId);
    }
    for (const p of products) {
      if (items.length >= input.limit) break;
      if (p.category !== self.category || taken.has(p.id)) continue;
      items.push({ productId: p.id, reason: 'category' });
      taken.add(p.id);
    }
    return { items };
  }),
});
