// What each CRM change puts in the outbox: the event bodies (only what the event needs) and one enqueue call per event, made inside the change's transaction.
import { v7 as uuidv7 } from 'uuid';
import type { Customer } from '../contracts/customers';
import type { Lead, LeadStage } from '../contracts/leads';
import type { Order, ServiceRequest } from '../contracts/orders';
import type { WebhookEventType } from '../contracts/webhooks';
import type { DB } from '../db/connection';
import { enqueueOutbox, hasSubscriber } from '../db/webhooks';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The envelope every event body shares (the Standard Webhooks shape): `type`, ISO `timestamp`, `data`. */
export const envelope = (type: WebhookEventType | 'webhook.test', at: number, data: unknown) => JSON.stringify({ type, timestamp: iso(at), data });

/**
 * Writes `type` to the outbox for every subscribed endpoint, in the caller's transaction; `data` is only built
 * when somebody subscribes. Deliveries about one customer reach each endpoint in the order written.
 */
function emit(db: DB, type: WebhookEventType, customerId: number | null, now: number, data: () => unknown, opts: { keepCustomer?: boolean } = {}): void {
  if (!hasSubscriber(db, type)) return;
  enqueueOutbox(db, {
    msgId: `msg_${uuidv7()}`,
    type,
    orderKey: customerId === null ? null : `customer:${customerId}`,
    customerId: opts.keepCustomer === false ? null : customerId,
    payload: envelope(type, now, data()),
    now,
  });
}

const customerData = (c: Customer) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  company: c.company,
  address: c.address,
  postalCode: c.postalCode,
  city: c.city,
  country: c.country,
  consentContact: c.consentContact,
  source: c.source,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});

/** customer.created: the new customer record. */
export const emitCustomerCreated = (db: DB, c: Customer, now: number) => emit(db, 'customer.created', c.id, now, () => ({ customer: customerData(c) }));

/** customer.updated: the customer record as it is now and the names of the fields that changed. */
export const emitCustomerUpdated = (db: DB, c: Customer, changedFields: readonly string[], now: number) =>
  emit(db, 'customer.updated', c.id, now, () => ({ customer: customerData(c), changedFields }));

/** customer.erased: ids only (the row is not linked to the customer, so it outlives the erase it reports). */
export const emitCustomerErased = (db: DB, customerId: number, now: number) =>
  emit(db, 'customer.erased', customerId, now, () => ({ customerId }), { keepCustomer: false });

const leadData = (l: Lead) => ({
  id: l.id,
  customerId: l.customerId,
  title: l.title,
  stage: l.stage,
  value: l.value,
  currency: l.currency,
  source: l.source,
  assigneeId: l.assigneeId,
  createdAt: iso(l.createdAt),
});

/** lead.created: a lead that has a customer (an anonymous visitor's lead is sent once the visitor says who they are). */
export const emitLeadCreated = (db: DB, l: Lead, now: number) => {
  if (l.customerId !== null) emit(db, 'lead.created', l.customerId, now, () => ({ lead: leadData(l) }));
};

const outcomeOf = (stage: LeadStage) => (stage === 'won' ? 'won' : stage === 'lost' ? 'lost' : 'open');

/** lead.stage_changed: from and to, whether that closed the lead (won or lost) and the reason it was lost. */
export const emitLeadStageChanged = (db: DB, l: Lead, from: LeadStage, now: number) =>
  emit(db, 'lead.stage_changed', l.customerId, now, () => ({
    lead: leadData(l),
    from,
    to: l.stage,
    outcome: outcomeOf(l.stage),
    lostReason: l.stage === 'lost' ? l.lostReason : null,
  }));

/** contact_request.created: the request for a salesperson, with what the visitor typed into the form (if anything). */
export const emitContactRequest = (db: DB, r: ServiceRequest, now: number) =>
  emit(db, 'contact_request.created', r.customerId, now, () => ({
    contactRequest: {
      id: r.id,
      channel: r.channel,
      customerId: r.customerId,
      leadId: r.leadId,
      sessionId: r.sessionId,
      productId: r.productId,
      variantId: r.variantId,
      name: r.name,
      email: r.email,
      phone: r.phone,
      message: r.message,
      createdAt: iso(r.createdAt),
    },
  }));

/** quote.created or order.created: the lines with their prices (major units) at that moment. */
export const emitOrderCreated = (db: DB, o: Order, now: number) =>
  emit(db, o.kind === 'quote' ? 'quote.created' : 'order.created', o.customerId, now, () => ({
    [o.kind]: {
      id: o.id,
      customerId: o.customerId,
      leadId: o.leadId,
      status: o.status,
      currency: o.currency,
      total: o.total,
      createdAt: iso(o.createdAt),
      items: o.items.map((i) => ({ productId: i.productId, variantId: i.variantId, name: i.name, variantName: i.variantName, quantity: i.quantity, unitPrice: i.unitPrice })),
    },
  }));
