// Staff procedures for the sales pipeline: list, read, totals per stage, create, update, move between stages.
import { z } from 'zod';
import { idSchema } from '../contracts/customers';
import { type LeadProduct, leadCreateSchema, leadListSchema, leadMoveSchema, leadTotalsSchema, leadUpdateSchema } from '../contracts/leads';
import { assigneeFilter, checkAssignee, leadScope, loadCustomer, loadLead } from '../crm/access';
import { staffActor } from '../crm/actors';
import { syncCustomerLead } from '../crm/leads';
import { withListExtras } from '../crm/sessionRows';
import { appendAudit } from '../db/audit';
import { customerSessions, visitorSessions } from '../db/customers';
import { leadProductRows } from '../db/leadProducts';
import { insertLead, leadTotals, listLeads, moveLeadStage, updateLead } from '../db/leads';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');

export const leadsRouter = router({
  /** Leads most recently changed first; a salesperson sees their own and unassigned ones. */
  list: staffProcedure.input(leadListSchema).query(({ ctx, input }) => {
    const items = listLeads(ctx.db, leadScope(ctx.staff), {
      stage: input.stage,
      assigneeId: assigneeFilter(ctx.staff, input.assignee),
      customerId: input.customerId,
      search: input.search,
      limit: input.limit + 1,
      before: input.cursor,
    });
    const page = items.slice(0, input.limit);
    const last = page.at(-1);
    return { items: page, nextCursor: items.length > input.limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
  }),

  /** One lead with its products of interest (named from the catalogue). */
  get: staffProcedure.input(idSchema).query(({ ctx, input }) => {
    const lead = loadLead(ctx.db, ctx.staff, input.id);
    const products: LeadProduct[] = leadProductRows(ctx.db, input.id).map((p) => {
      const product = ctx.catalog.products.find((x) => x.id === p.productId);
      const variant = product?.variants.find((v) => v.id === p.variantId);
      return {
        productId: p.productId,
        variantId: p.variantId || null,
        name: product?.name ?? p.productId,
        variantName: variant?.name ?? (p.variantId || null),
        reason: p.reason,
        quantity: p.quantity,
        unitPrice: p.unitPriceCents / 100,
        currency: p.currency,
      };
    });
    return { lead, products };
  }),

  /** Showroom sessions behind the lead: the customer's, or the anonymous browser's. */
  sessions: staffProcedure.input(idSchema.extend({ limit: z.number().int().min(1).max(200).default(50) })).query(({ ctx, input }) => {
    const lead = loadLead(ctx.db, ctx.staff, input.id);
    const { customerId, visitorId } = lead;
    const sessions = customerId !== null ? customerSessions(ctx.db, customerId, { limit: input.limit }) : visitorId ? visitorSessions(ctx.db, visitorId, input.limit) : [];
    return withListExtras(ctx.db, ctx.catalog, ctx.staff, sessions.map((s) => ({ ...s, customerId })));
  }),

  /** Count, value and probability-weighted value per stage, over the leads the caller may see. */
  totals: staffProcedure.input(leadTotalsSchema).query(({ ctx, input }) => leadTotals(ctx.db, leadScope(ctx.staff), assigneeFilter(ctx.staff, input.assignee))),

  /** A lead made by staff for a customer; without a value it follows the customer's cart. */
  create: writer.input(leadCreateSchema).mutation(({ ctx, input }) => {
    loadCustomer(ctx.db, input.customerId);
    const assigneeId = input.assigneeId === undefined ? (ctx.staff.role === 'sales' ? ctx.staff.id : null) : input.assigneeId;
    checkAssignee(ctx.db, ctx.staff, assigneeId);
    const now = ctx.now();
    return ctx.db.transaction(() => {
      const id = insertLead(ctx.db, {
        customerId: input.customerId,
        visitorId: null,
        title: input.title,
        source: 'staff',
        valueCents: input.value === undefined ? 0 : Math.round(input.value * 100),
        currency: input.currency,
        valueManual: input.value !== undefined,
        assigneeId,
        now,
      });
      if (input.value === undefined) syncCustomerLead(ctx.db, ctx.catalog, id, now);
      appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: 'lead.create', entity: 'lead', entityId: id, details: { customerId: input.customerId, assigneeId, value: input.value ?? null } }, now);
      return loadLead(ctx.db, ctx.staff, id);
    })();
  }),

  /** Title, value (null: follow the cart again), currency, assignee. */
  update: writer.input(leadUpdateSchema).mutation(({ ctx, input }) => {
    const lead = loadLead(ctx.db, ctx.staff, input.id);
    if (input.assigneeId !== undefined && input.assigneeId !== lead.assigneeId) checkAssignee(ctx.db, ctx.staff, input.assigneeId);
    const now = ctx.now();
    return ctx.db.transaction(() => {
      const changed = updateLead(
        ctx.db,
        input.id,
        {
          title: input.title,
          currency: input.currency,
          assigneeId: input.assigneeId,
          valueCents: input.value === undefined || input.value === null ? undefined : Math.round(input.value * 100),
          valueManual: input.value === undefined ? undefined : input.value !== null,
        },
        now,
      );
      if (input.value === null && lead.customerId !== null) syncCustomerLead(ctx.db, ctx.catalog, input.id, now);
      if (Object.keys(changed).length) {
        // The title is free text that may name the customer: record that it changed, not the words.
        const details = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, k === 'title' ? 'changed' : v]));
        appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: 'lead.update', entity: 'lead', entityId: input.id, details }, now);
      }
      return loadLead(ctx.db, ctx.staff, input.id);
    })();
  }),

  /** Moves the lead to another stage; `lost` needs a reason. */
  moveStage: writer.input(leadMoveSchema).mutation(({ ctx, input }) => {
    const lead = loadLead(ctx.db, ctx.staff, input.id);
    if (lead.stage === input.stage && (input.stage !== 'lost' || lead.lostReason === input.lostReason)) return lead;
    const now = ctx.now();
    return ctx.db.transaction(() => {
      moveLeadStage(ctx.db, input.id, input.stage, input.lostReason ?? null, now);
      appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: 'lead.stage', entity: 'lead', entityId: input.id, details: { from: lead.stage, to: input.stage } }, now);
      return loadLead(ctx.db, ctx.staff, input.id);
    })();
  }),
});
