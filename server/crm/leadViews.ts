// What staff read of the pipeline: a page of leads, one lead with its products, the sessions behind a lead, totals per stage.
import type { Catalog } from '../contracts/catalog';
import type { Lead, LeadListInput, LeadProduct, StageTotal } from '../contracts/leads';
import { type Page, pageOf } from '../contracts/paging';
import type { DB } from '../db/connection';
import { customerSessions, visitorSessions } from '../db/customerSessions';
import { leadProductRows } from '../db/leadProducts';
import { leadTotals, listLeads } from '../db/leads';
import type { StaffUser } from '../db/staff';
import { assigneeFilter, leadScope, loadLead } from './access';
import { withListExtras } from './sessionRows';

/** Leads most recently changed first, a page at a time; a salesperson sees their own and unassigned ones. */
export function leadPage(db: DB, input: LeadListInput, staff: StaffUser): Page<Lead, { updatedAt: number; id: number }> {
  const rows = listLeads(db, leadScope(staff), {
    stage: input.stage,
    assigneeId: assigneeFilter(staff, input.assignee),
    customerId: input.customerId,
    search: input.search,
    limit: input.limit + 1,
    before: input.cursor,
  });
  return pageOf(rows, input.limit, (l) => ({ updatedAt: l.updatedAt, id: l.id }));
}

/** Count, value and probability-weighted value per stage, over the leads `staff` may see. */
export function pipelineTotals(db: DB, input: { assignee?: number | 'me' | 'unassigned' | undefined }, staff: StaffUser): StageTotal[] {
  return leadTotals(db, leadScope(staff), assigneeFilter(staff, input.assignee));
}

/** One lead (NOT_FOUND / FORBIDDEN as `loadLead`) with its products of interest, named from the catalogue; prices in major units. */
export function leadWithProducts(deps: { db: DB; catalog: Catalog }, id: number, staff: StaffUser): { lead: Lead; products: LeadProduct[] } {
  const lead = loadLead(deps.db, staff, id);
  const products: LeadProduct[] = leadProductRows(deps.db, id).map((p) => {
    const product = deps.catalog.products.find((x) => x.id === p.productId);
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
}

/** The showroom sessions behind a lead, newest first (at most `limit`): the customer's, or the anonymous browser's. */
export function leadSessions(deps: { db: DB; catalog: Catalog }, input: { id: number; limit: number }, staff: StaffUser) {
  const { db } = deps;
  const { customerId, visitorId } = loadLead(db, staff, input.id);
  const sessions = customerId !== null ? customerSessions(db, customerId, { limit: input.limit }) : visitorId ? visitorSessions(db, visitorId, input.limit) : [];
  return withListExtras(db, deps.catalog, staff, sessions.map((s) => ({ ...s, customerId })));
}
