// Staff procedures for requests for a salesperson ("Ask a salesperson" in the showroom): list, close and reopen.
import { serviceRequestListSchema, serviceRequestStatusSchema } from '../contracts/orders';
import { changeServiceRequestStatus, serviceRequestPage } from '../crm/serviceRequests';
import { roleProcedure, router, staffProcedure } from '../trpc';

export const serviceRequestsRouter = router({
  /** Requests newest first, open ones by default; a page at a time. */
  list: staffProcedure.input(serviceRequestListSchema).query(({ ctx, input }) => serviceRequestPage(ctx.db, input)),

  setStatus: roleProcedure('admin', 'sales')
    .input(serviceRequestStatusSchema)
    .mutation(({ ctx, input }) => changeServiceRequestStatus(ctx, input, ctx)),
});
