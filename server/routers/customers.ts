// Staff procedures for customers: list and search, profile, their sessions, create and update; admins export and erase.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { type Customer, customerCreateSchema, customerListSchema, customerUpdateSchema, idSchema } from '../contracts/customers';
import { uuidSchema } from '../contracts/ids';
import { leadScope, loadCustomer } from '../crm/access';
import { staffActor } from '../crm/actors';
import { newCustomerFields, normaliseCustomerInput } from '../crm/customers';
import { cartValue, priceLines, shopCurrency, wishlistLines } from '../crm/pricing';
import { eraseCustomer, exportCustomer } from '../crm/privacy';
import { withListExtras } from '../crm/sessionRows';
import { liveHubFor } from '../live/hub';
import { appendAudit } from '../db/audit';
import { customerSessions, customerVisitorIds, DuplicateCustomerError, insertCustomer, listCustomers, updateCustomer } from '../db/customers';
import { cartLines } from '../db/leadProducts';
import { listLeads } from '../db/leads';
import { customerWishlistRows } from '../db/shop';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');
const admin = roleProcedure('admin');

/** Answers a taken email with CONFLICT naming the customer who has it. */
function conflict(err: unknown): never {
  if (err instanceof DuplicateCustomerError) throw new TRPCError({ code: 'CONFLICT', message: `email: ${err.message}` });
  throw err;
}

export const customersRouter = router({
  /** Customers most recently changed first, optionally searched; a page at a time. */
  list: staffProcedure.input(customerListSchema).query(({ ctx, input }) => {
    const items = listCustomers(ctx.db, { search: input.search, source: input.source, limit: input.limit + 1, before: input.cursor });
    const page = items.slice(0, input.limit);
    const last = page.at(-1);
    return { items: page, nextCursor: items.length > input.limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
  }),

  /**
   * The profile: the customer, their browsers, current cart and wishlist (all browsers) with the
   * cart's value, and the leads the caller may see.
   */
  get: staffProcedure.input(idSchema).query(({ ctx, input }) => {
    const customer = loadCustomer(ctx.db, input.id);
    const cart = priceLines(ctx.catalog, cartLines(ctx.db, { customerId: input.id }));
    const value = cartValue(cart, shopCurrency(ctx.catalog));
    return {
      customer,
      visitorIds: customerVisitorIds(ctx.db, input.id),
      cart: { items: cart.map(({ unitPriceCents, ...l }) => ({ ...l, unitPrice: unitPriceCents / 100 })), value: value.cents / 100, currency: value.currency },
      wishlist: wishlistLines(ctx.catalog, customerWishlistRows(ctx.db, input.id)),
      leads: listLeads(ctx.db, leadScope(ctx.staff), { customerId: input.id, limit: 200 }),
    };
  }),

  /** Sessions of every browser linked to the customer, newest first. */
  sessions: staffProcedure
    .input(
      z.object({
        id: z.number().int().positive(),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.object({ startedAt: z.number().int(), id: uuidSchema }).nullish(),
      }),
    )
    .query(({ ctx, input }) => {
      loadCustomer(ctx.db, input.id);
      const items = customerSessions(ctx.db, input.id, { limit: input.limit + 1, before: input.cursor });
      const page = withListExtras(ctx.db, ctx.catalog, ctx.staff, items.slice(0, input.limit).map((s) => ({ ...s, customerId: input.id })));
      const last = page.at(-1);
      return { items: page, nextCursor: items.length > input.limit && last ? { startedAt: last.startedAt, id: last.id } : null };
    }),

  create: writer.input(customerCreateSchema).mutation(({ ctx, input }) => {
    const fields = newCustomerFields(normaliseCustomerInput(input));
    const now = ctx.now();
    return ctx.db.transaction(() => {
      let customer: Customer;
      try {
        customer = insertCustomer(ctx.db, fields, 'staff', now);
      } catch (err) {
        conflict(err);
      }
      appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: 'customer.create', entity: 'customer', entityId: customer.id, details: { source: 'staff' } }, now);
      return customer;
    })();
  }),

  /** Changes the given fields; the audit log records which fields changed (not their personal values). */
  update: writer.input(customerUpdateSchema).mutation(({ ctx, input }) => {
    const existing = loadCustomer(ctx.db, input.id);
    const patch = normaliseCustomerInput(input, existing.country);
    const email = patch.email !== undefined ? patch.email : existing.email;
    const phone = patch.phone !== undefined ? patch.phone : existing.phone;
    if (!email && !phone) throw new TRPCError({ code: 'BAD_REQUEST', message: 'email: a customer needs an email address or a phone number' });
    const now = ctx.now();
    return ctx.db.transaction(() => {
      let changed: string[] = [];
      try {
        changed = updateCustomer(ctx.db, input.id, patch, now);
      } catch (err) {
        conflict(err);
      }
      if (changed.length) appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: 'customer.update', entity: 'customer', entityId: input.id, details: { fields: changed } }, now);
      return loadCustomer(ctx.db, input.id);
    })();
  }),

  /** Everything stored about the customer as JSON (a data subject's copy of their data). Admins only; audited. */
  exportData: admin.input(idSchema).mutation(({ ctx, input }) => {
    const data = exportCustomer(ctx.db, input.id, staffActor(ctx.staff, ctx.ip), ctx.now());
    if (!data) throw new TRPCError({ code: 'NOT_FOUND', message: `No customer ${input.id}` });
    return data;
  }),

  /**
   * Erases the customer and everything linked to them, everywhere (sessions, events, pose data,
   * carts, leads, notes, tasks, orders, requests). Cannot be undone. Admins only; audited.
   */
  erase: admin.input(idSchema).mutation(({ ctx, input }) => {
    const result = eraseCustomer(ctx.db, input.id, staffActor(ctx.staff, ctx.ip), ctx.now());
    if (!result) throw new TRPCError({ code: 'NOT_FOUND', message: `No customer ${input.id}` });
    liveHubFor(ctx.db).dropErased();
    return result;
  }),
});
