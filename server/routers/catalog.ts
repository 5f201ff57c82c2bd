// Public catalogue procedures: the showroom's zones and products.
import { listProducts } from '../db/catalog';
import { publicProcedure, router } from '../trpc';

export const catalogRouter = router({
  /** The showroom layout and every active product, in catalogue order. */
  get: publicProcedure.query(({ ctx }) => ({
    name: ctx.catalog.name,
    zones: ctx.catalog.zones,
    products: listProducts(ctx.db),
  })),
});
