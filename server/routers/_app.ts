// The application router: every domain's procedures under one type the client imports.
import { router } from '../trpc';
import { catalogRouter } from './catalog';
import { sessionRouter } from './session';
import { shopRouter } from './shop';
import { staffRouter } from './staff';

export const appRouter = router({
  catalog: catalogRouter,
  session: sessionRouter,
  shop: shopRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
