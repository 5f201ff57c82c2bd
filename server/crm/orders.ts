// Quotes and orders made from a customer's cart, and their status changes, each in one transaction with its audit entry.
import { TRPCError } from '@trpc/server';
import type { Order, OrderFromCart, OrderStatusChange } from '../contracts/orders';
import { appendAudit } from '../db/audit';
import type { DB } from '../db/connection';
import { cartLines } from '../db/leadProducts';
import { getOrder, insertOrder, setOrderStatus } from '../db/orders';
import { loadCustomer, loadLead } from './access';
import { callerActor, type CrmDeps, type StaffCaller } from './actors';
import { priceLines } from './pricing';
import { emitOrderCreated } from '../webhooks/emit';

/** The order or quote, or NOT_FOUND. */
export function loadOrder(db: DB, id: number): Order {
  const order = getOrder(db, id);
  if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: `No order or quote ${id}` });
  return order;
}

/**
 * Copies the customer's current cart (all their browsers) into a quote or an order, with each line's
 * product, variant and price at this moment; audited as `quote.create` or `order.create`. BAD_REQUEST
 * for an empty cart, a cart in several currencies, or a lead of another customer.
 */
export function orderFromCart(deps: CrmDeps, input: OrderFromCart, caller: StaffCaller): Order {
  const { db, catalog } = deps;
  return db.transaction(() => {
    loadCustomer(db, input.customerId);
    if (input.leadId !== undefined) {
      const lead = loadLead(db, caller.staff, input.leadId);
      if (lead.customerId !== input.customerId) throw new TRPCError({ code: 'BAD_REQUEST', message: `leadId: lead ${input.leadId} is not customer ${input.customerId}'s` });
    }
    const lines = priceLines(catalog, cartLines(db, { customerId: input.customerId }));
    if (lines.length === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: `customerId: customer ${input.customerId}'s cart is empty; nothing to put in a ${input.kind}` });
    const currencies = [...new Set(lines.map((l) => l.currency))];
    if (currencies.length > 1) throw new TRPCError({ code: 'BAD_REQUEST', message: `customerId: the cart mixes currencies (${currencies.join(', ')}); one ${input.kind} holds one currency` });
    const now = deps.now();
    const id = insertOrder(db, {
      customerId: input.customerId,
      leadId: input.leadId ?? null,
      kind: input.kind,
      currency: currencies[0]!,
      createdBy: caller.staff.id,
      now,
      items: lines,
    });
    appendAudit(db, callerActor(caller), { action: `${input.kind}.create`, entity: 'order', entityId: id, details: { customerId: input.customerId, leadId: input.leadId ?? null, lines: lines.length } }, now);
    const order = loadOrder(db, id);
    emitOrderCreated(db, order, now);
    return order;
  })();
}

/** Sets an order's or quote's status, audited as `order.status` with from and to; no change, no entry. */
export function changeOrderStatus(deps: CrmDeps, input: OrderStatusChange, caller: StaffCaller): Order {
  const { db } = deps;
  return db.transaction(() => {
    const order = loadOrder(db, input.id);
    if (order.status === input.status) return order;
    const now = deps.now();
    setOrderStatus(db, input.id, input.status, now);
    appendAudit(db, callerActor(caller), { action: 'order.status', entity: 'order', entityId: input.id, details: { from: order.status, to: input.status } }, now);
    return loadOrder(db, input.id);
  })();
}
