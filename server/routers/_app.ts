// The application router: every domain's procedures under one type the client imports.
import { router } from '../trpc';
import { analyticsRouter } from './analytics';
import { auditRouter } from './audit';
import { catalogRouter } from './catalog';
import { customersRouter } from './customers';
import { leadsRouter } from './leads';
import { liveRouter } from './live';
import { notesRouter } from './notes';
import { ordersRouter } from './orders';
import { replayRouter } from './replay';
import { serviceRequestsRouter } from './serviceRequests';
import { recommendationsRouter } from './recommendations';
import { sessionRouter } from './session';
import { shopRouter } from './shop';
import { staffRouter } from './staff';
import { tasksRouter } from './tasks';
import { usersRouter } from './users';
import { webhooksRouter } from './webhooks';

export const appRouter = router({
  catalog: catalogRouter,
  session: sessionRouter,
  shop: shopRouter,
  staff: staffRouter,
  customers: customersRouter,
  leads: leadsRouter,
  notes: notesRouter,
  tasks: tasksRouter,
  orders: ordersRouter,
  serviceRequests: serviceRequestsRouter,
  users: usersRouter,
  audit: auditRouter,
  replay: replayRouter,
  analytics: analyticsRouter,
  recommendations: recommendationsRouter,
  live: liveRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
