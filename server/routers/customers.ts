// Staff procedures for customers: list and search, profile, their sessions, create and update; admins export and erase.
import { z } from 'zod';
import { customerCreateSchema, customerListSchema, customerUpdateSchema, idSchema } from '../contracts/customers';
import { pageLimit, startedCursor } from '../contracts/paging';
import {
  changeCustomer,
  createCustomer,
  customerDataExport,
  customerPage,
  customerProfile,
  customerSessionPage,
  eraseCustomerEverywhere,
} from '../crm/customerRecords';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');
const admin = roleProcedure('admin');

export const customersRouter = router({
  /** Customers most recently changed first, optionally searched; a page at a time. */
  list: staffProcedure.input(customerListSchema).query(({ ctx, input }) => customerPage(ctx.db, input)),

  /**
   * The profile: the customer, their browsers, current cart and wishlist (all browsers) with the
   * cart's value, and the leads the caller may see.
   */
  get: staffProcedure.input(idSchema).query(({ ctx, input }) => customerProfile(ctx, input.id, ctx.staff)),

  /** Sessions of every browser linked to the customer, newest first. */
  sessions: staffProcedure
    .input(z.object({ id: z.number().int().positive(), limit: pageLimit(200, 50), cursor: startedCursor }))
    .query(({ ctx, input }) => customerSessionPage(ctx, input, ctx.staff)),

  create: writer.input(customerCreateSchema).mutation(({ ctx, input }) => createCustomer(ctx, input, ctx)),

  /** Changes the given fields; the audit log records which fields changed (not their personal values). */
  update: writer.input(customerUpdateSchema).mutation(({ ctx, input }) => changeCustomer(ctx, input, ctx)),

  /** Everything stored about the customer as JSON (a data subject's copy of their data). Admins only; audited. */
  exportData: admin.input(idSchema).mutation(({ ctx, input }) => customerDataExport(ctx, input.id, ctx)),

  /**
   * Erases the customer and everything linked to them, everywhere (sessions, events, pose data,
   * carts, leads, notes, tasks, orders, requests). Cannot be undone. Admins only; audited.
   */
  erase: admin.input(idSchema).mutation(({ ctx, input }) => eraseCustomerEverywhere(ctx, input.id, ctx)),
});
