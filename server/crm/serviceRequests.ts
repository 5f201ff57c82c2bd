// Requests for a salesperson as staff work them: a page of requests, and closing or reopening one (audited).
import { TRPCError } from '@trpc/server';
import type { ServiceRequest, ServiceRequestListInput, ServiceRequestStatusChange } from '../contracts/orders';
import { type Page, pageOf } from '../contracts/paging';
import { appendAudit } from '../db/audit';
import type { DB } from '../db/connection';
import { getServiceRequest, listServiceRequests, setServiceRequestStatus } from '../db/serviceRequests';
import { callerActor, type CrmDeps, type StaffCaller } from './actors';

/** Requests newest first (open ones unless `status` says otherwise), a page at a time; the cursor is the last id. */
export function serviceRequestPage(db: DB, input: ServiceRequestListInput): Page<ServiceRequest, number> {
  const rows = listServiceRequests(db, { status: input.status, customerId: input.customerId, leadId: input.leadId, before: input.cursor, limit: input.limit + 1 });
  return pageOf(rows, input.limit, (r) => r.id);
}

/**
 * Closes (stamping who and when) or reopens a request, audited as `service_request.close` or
 * `service_request.reopen`; no change, no entry. NOT_FOUND for no such request.
 */
export function changeServiceRequestStatus(deps: Pick<CrmDeps, 'db' | 'now'>, input: ServiceRequestStatusChange, caller: StaffCaller): ServiceRequest {
  const { db } = deps;
  return db.transaction(() => {
    const request = getServiceRequest(db, input.id);
    if (!request) throw new TRPCError({ code: 'NOT_FOUND', message: `No service request ${input.id}` });
    if (request.status === input.status) return request;
    const now = deps.now();
    setServiceRequestStatus(db, input.id, input.status, caller.staff.id, now);
    appendAudit(db, callerActor(caller), { action: `service_request.${input.status === 'closed' ? 'close' : 'reopen'}`, entity: 'service_request', entityId: input.id }, now);
    return getServiceRequest(db, input.id)!;
  })();
}
