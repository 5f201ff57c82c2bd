// Service request queries for staff: requests for a salesperson, open or closed, linked to customers and leads.
import type { ServiceRequest } from '../contracts/orders';
import type { DB } from './connection';
import { Where } from './sqlFilters';

const cols = `r.id, r.channel, r.status, r.visitor_id AS visitorId, r.session_id AS sessionId, r.customer_id AS customerId,
  c.name AS customerName, r.lead_id AS leadId, r.product_id AS productId, r.variant_id AS variantId, r.name, r.email, r.phone,
  r.message, r.created_at AS createdAt, r.closed_at AS closedAt, r.closed_by AS closedBy`;
const from = 'FROM service_requests r LEFT JOIN customers c ON c.id = r.customer_id';

export function getServiceRequest(db: DB, id: number): ServiceRequest | undefined {
  return db.prepare(`SELECT ${cols} ${from} WHERE r.id = ?`).get(id) as ServiceRequest | undefined;
}

/** Requests newest first; `before` is the previous page's last id. */
export function listServiceRequests(
  db: DB,
  f: { status: 'open' | 'closed' | 'all'; customerId?: number | undefined; leadId?: number | undefined; before?: number | null | undefined; limit: number },
): ServiceRequest[] {
  const where = new Where()
    .equals('r.status', f.status === 'all' ? undefined : f.status)
    .equals('r.customer_id', f.customerId)
    .equals('r.lead_id', f.leadId);
  if (f.before != null) where.add('r.id < ?', f.before);
  return db
    .prepare(`SELECT ${cols} ${from}${where.clause} ORDER BY r.id DESC LIMIT ?`)
    .all(...where.params, f.limit) as ServiceRequest[];
}

/** Links a request to the customer and lead it produced. */
export function linkServiceRequest(db: DB, id: number, customerId: number | null, leadId: number | null): void {
  db.prepare('UPDATE service_requests SET customer_id = ?, lead_id = ? WHERE id = ?').run(customerId, leadId, id);
}

/** Closes (stamping who and when) or reopens a request. */
export function setServiceRequestStatus(db: DB, id: number, status: 'open' | 'closed', staffId: number, now: number): void {
  if (status === 'closed') db.prepare(`UPDATE service_requests SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ?`).run(now, staffId, id);
  else db.prepare(`UPDATE service_requests SET status = 'open', closed_at = NULL, closed_by = NULL WHERE id = ?`).run(id);
}
