// Staff procedures for quotes and orders made from a customer's cart, and their status.
import { TRPCError } from '@trpc/server';
import { idSchema } from '../contracts/customers';
import { orderFromCartSchema, orderListSchema, orderStatusSchema } from '../contracts/orders';
import { loadCustomer, loadLead } from '../crm/access';
import { staffActor } from '../crm/actors';
import { priceLines } from '../crm/pricing';
import { appendAudit } from '../db/audit';
import { cartLines } from '../db/leadProducts';
import { getOrder, insertOrder, listOrders, setOrderStatus } from '../db/orders';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');

function loadOrder(db: Parameters<typeof getOrder>[0], id: number) {
  const order = getOrder(db, id);
  if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: `No order or quote ${id}` });
  return order;
}

export const ordersRouter = router({
  list: staffProcedure.input(orderListSchema).query(({ ctx, input }) => listOrders(ctx.db, input)),

  get: staffProcedure.input(idSchema).query(({ ctx, input }) => loadOrder(ctx.db, input.id)),

  /**
   * Copies the customer's current cart (all their browsers) into a quote or an order, with each
   * line's product, variant and price at this moment.
   */
  createFromCart: writer.input(orderFromCartSchema).mutation(({ ctx, input }) => {
    loadCustomer(ctx.db, input.customerId);
    if (input.leadId !== undefined) {
      const lead = loadLead(ctx.db, ctx.staff, input.leadId);
      if (lead.customerId !== input.customerId) throw new TRPCError({ code: 'BAD_REQUEST', message: `leadId: lead ${input.leadId} is not customer ${input.customerId}'s` });
    }
    const lines = priceLines(ctx.catalog, cartLines(ctx.db, { customerId: input.customerId }));
    if (lines.length === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: `customerId: customer ${input.customerId}'s cart is empty; nothing to put in a ${input.kind}` });
    const currencies = [...new Set(lines.map((l) => l.currency))];
    if (currencies.length > 1) throw new TRPCError({ code: 'BAD_REQUEST', message: `customerId: the cart mixes currencies (${currencies.join(', ')}); one ${input.kind} holds one currency` });
    const now = ctx.now();
    const id = ctx.db.transaction(() => {
      const orderId = insertOrder(ctx.db, {
        customerId: input.customerId,
        leadId: input.leadId ?? null,
        kind: input.kind,
        currency: currencies[0]!,
        createdBy: ctx.staff.id,
        now,
        items: lines,
      });
      appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: `${input.kind}.create`, entity: 'order', entityId: orderId, details: { customerId: input.customerId, leadId: input.leadId ?? null, lines: lines.length } }, now);
      return orderId;
    })();
    return loadOrder(ctx.db, id);
  }),

  setStatus: writer.input(orderStatusSchema).mutation(({ ctx, input }) => {
    const order = loadOrder(ctx.db, input.id);
    if (order.status === input.status) return order;
    const now = ctx.now();
    ctx.db.transaction(() => {
      setOrderStatus(ctx.db, input.id, input.status, now);
      appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: 'order.status', entity: 'order', entityId: input.id, details: { from: order.status, to: input.status } }, now);
    })();
    return loadOrder(ctx.db, input.id);
  }),
});
