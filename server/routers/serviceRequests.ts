// Staff procedures for requests for a salesperson ("Ask a salesperson" in the showroom): list, close and reopen.
import { TRPCError } from '@trpc/server';
import { serviceRequestListSchema, serviceRequestStatusSchema } from '../contracts/orders';
import { staffActor } from '../crm/actors';
import { appendAudit } from '../db/audit';
import { getServiceRequest, listServiceRequests, setServiceRequestStatus } from '../db/serviceRequests';
import { roleProcedure, router, staffProcedure } from '../trpc';

export const serviceRequestsRouter = router({
  /** Requests newest first, open ones by default; a page at a time. */
  list: staffProcedure.input(serviceRequestListSchema).query(({ ctx, input }) => {
    const items = listServiceRequests(ctx.db, { status: input.status, customerId: input.customerId, leadId: input.leadId, before: input.cursor, limit: input.limit + 1 });
    const page = items.slice(0, input.limit);
    return { items: page, nextCursor: items.length > input.limit ? (page.at(-1)?.id ?? null) : null };
  }),

  setStatus: roleProcedure('admin', 'sales')
    .input(serviceRequestStatusSchema)
    .mutation(({ ctx, input }) => {
      const request = getServiceRequest(ctx.db, input.id);
      if (!request) throw new TRPCError({ code: 'NOT_FOUND', message: `No service request ${input.id}` });
      if (request.status === input.status) return request;
      const now = ctx.now();
      ctx.db.transaction(() => {
        setServiceRequestStatus(ctx.db, input.id, input.status, ctx.staff.id, now);
        appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: `service_request.${input.status === 'closed' ? 'close' : 'reopen'}`, entity: 'service_request', entityId: input.id }, now);
      })();
      return getServiceRequest(ctx.db, input.id)!;
    }),
});
