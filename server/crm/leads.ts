// Lead changes by staff (create, update, move between stages), each in one transaction with its audit entry, and keeping a lead's cart lines and value in step with the cart(s) it follows.
import type { Catalog } from '../contracts/catalog';
import type { Lead, LeadCreate, LeadMove, LeadUpdate } from '../contracts/leads';
import { appendAudit } from '../db/audit';
import type { DB } from '../db/connection';
import { cartLines, replaceCartProducts } from '../db/leadProducts';
import { getLead, insertLead, moveLeadStage, setCartValue, updateLead } from '../db/leads';
import { checkAssignee, loadCustomer, loadLead } from './access';
import { callerActor, type CrmDeps, type StaffCaller } from './actors';
import { cartValue, type PricedLine, priceLines, shopCurrency, toLeadProduct } from './pricing';
import { emitLeadCreated, emitLeadStageChanged } from '../webhooks/emit';

/** Writes priced cart lines onto the lead and, unless staff fixed its value, the cart's value. */
export function applyCart(db: DB, catalog: Catalog, leadId: number, lines: PricedLine[], now: number): void {
  replaceCartProducts(db, leadId, lines.map((l) => toLeadProduct(l, 'cart')), now);
  const value = cartValue(lines, shopCurrency(catalog));
  setCartValue(db, leadId, value.cents, value.currency, now);
}

/** Refreshes a customer's lead from the carts of all the customer's browsers. */
export function syncCustomerLead(db: DB, catalog: Catalog, leadId: number, now: number): void {
  const lead = getLead(db, leadId);
  if (!lead || lead.customerId === null) return;
  applyCart(db, catalog, leadId, priceLines(catalog, cartLines(db, { customerId: lead.customerId })), now);
}

const cents = (major: number) => Math.round(major * 100);

/**
 * A lead made by staff for a customer, audited as `lead.create`. A salesperson's lead is theirs unless
 * `assigneeId` says otherwise; without a value (major units) it follows the customer's cart.
 */
export function createLead(deps: CrmDeps, input: LeadCreate, caller: StaffCaller): Lead {
  const { db, catalog } = deps;
  const { staff } = caller;
  return db.transaction(() => {
    loadCustomer(db, input.customerId);
    const assigneeId = input.assigneeId === undefined ? (staff.role === 'sales' ? staff.id : null) : input.assigneeId;
    checkAssignee(db, staff, assigneeId);
    const now = deps.now();
    const id = insertLead(db, {
      customerId: input.customerId,
      visitorId: null,
      title: input.title,
      source: 'staff',
      valueCents: input.value === undefined ? 0 : cents(input.value),
      currency: input.currency,
      valueManual: input.value !== undefined,
      assigneeId,
      now,
    });
    if (input.value === undefined) syncCustomerLead(db, catalog, id, now);
    appendAudit(db, callerActor(caller), { action: 'lead.create', entity: 'lead', entityId: id, details: { customerId: input.customerId, assigneeId, value: input.value ?? null } }, now);
    emitLeadCreated(db, getLead(db, id)!, now);
    return loadLead(db, staff, id);
  })();
}

/**
 * Changes a lead's title, value (major units; null: follow the cart again), currency or assignee,
 * audited as `lead.update` with the changed fields (a new title as `changed`, never its words).
 */
export function changeLead(deps: CrmDeps, input: LeadUpdate, caller: StaffCaller): Lead {
  const { db, catalog } = deps;
  return db.transaction(() => {
    const lead = loadLead(db, caller.staff, input.id);
    if (input.assigneeId !== undefined && input.assigneeId !== lead.assigneeId) checkAssignee(db, caller.staff, input.assigneeId);
    const now = deps.now();
    const changed = updateLead(
      db,
      input.id,
      {
        title: input.title,
        currency: input.currency,
        assigneeId: input.assigneeId,
        valueCents: input.value === undefined || input.value === null ? undefined : cents(input.value),
        valueManual: input.value === undefined ? undefined : input.value !== null,
      },
      now,
    );
    if (input.value === null && lead.customerId !== null) syncCustomerLead(db, catalog, input.id, now);
    if (Object.keys(changed).length) {
      // The title is free text that may name the customer: record that it changed, not the words.
      const details = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, k === 'title' ? 'changed' : v]));
      appendAudit(db, callerActor(caller), { action: 'lead.update', entity: 'lead', entityId: input.id, details }, now);
    }
    return loadLead(db, caller.staff, input.id);
  })();
}

/** Moves a lead to another stage (`lost` with its reason), audited as `lead.stage`; no change, no entry. */
export function moveLead(deps: CrmDeps, input: LeadMove, caller: StaffCaller): Lead {
  const { db } = deps;
  return db.transaction(() => {
    const lead = loadLead(db, caller.staff, input.id);
    if (lead.stage === input.stage && (input.stage !== 'lost' || lead.lostReason === input.lostReason)) return lead;
    const now = deps.now();
    moveLeadStage(db, input.id, input.stage, input.lostReason ?? null, now);
    appendAudit(db, callerActor(caller), { action: 'lead.stage', entity: 'lead', entityId: input.id, details: { from: lead.stage, to: input.stage } }, now);
    emitLeadStageChanged(db, getLead(db, input.id)!, lead.stage, now);
    return loadLead(db, caller.staff, input.id);
  })();
}
