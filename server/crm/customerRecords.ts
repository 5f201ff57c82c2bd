// Customer records for staff: a page of customers, a profile, their sessions, create and change (audited), export and erase.
import { TRPCError } from '@trpc/server';
import type { Customer, CustomerCreate, CustomerListInput, CustomerListItem, CustomerUpdate } from '../contracts/customers';
import { type Page, pageOf } from '../contracts/paging';
import { appendAudit } from '../db/audit';
import type { DB } from '../db/connection';
import { customerVisitorIds, DuplicateCustomerError, insertCustomer, listCustomers, updateCustomer } from '../db/customers';
import { customerSessions } from '../db/customerSessions';
import { cartLines } from '../db/leadProducts';
import { listLeads } from '../db/leads';
import { customerWishlistRows } from '../db/shop';
import type { StaffUser } from '../db/staff';
import { liveHubFor } from '../live/hub';
import { leadScope, loadCustomer } from './access';
import { callerActor, type CrmDeps, type StaffCaller } from './actors';
import { newCustomerFields, normaliseCustomerInput } from './customers';
import { cartValue, priceLines, shopCurrency, wishlistLines } from './pricing';
import { eraseCustomer, exportCustomer } from './privacy';
import { withListExtras } from './sessionRows';
import { emitCustomerCreated, emitCustomerUpdated } from '../webhooks/emit';

/** Answers a taken email with CONFLICT naming the customer who has it. */
function conflict(err: unknown): never {
  if (err instanceof DuplicateCustomerError) throw new TRPCError({ code: 'CONFLICT', message: `email: ${err.message}` });
  throw err;
}

/** Customers most recently changed first, optionally searched, a page at a time. */
export function customerPage(db: DB, input: CustomerListInput): Page<CustomerListItem, { updatedAt: number; id: number }> {
  const rows = listCustomers(db, { search: input.search, source: input.source, limit: input.limit + 1, before: input.cursor });
  return pageOf(rows, input.limit, (c) => ({ updatedAt: c.updatedAt, id: c.id }));
}

/**
 * The profile (NOT_FOUND for no such customer): the customer, their browsers, current cart and wishlist
 * (all browsers) with the cart's value in major units, and the leads `staff` may see.
 */
export function customerProfile(deps: { db: DB; catalog: CrmDeps['catalog'] }, id: number, staff: StaffUser) {
  const { db, catalog } = deps;
  const customer = loadCustomer(db, id);
  const cart = priceLines(catalog, cartLines(db, { customerId: id }));
  const value = cartValue(cart, shopCurrency(catalog));
  return {
    customer,
    visitorIds: customerVisitorIds(db, id),
    cart: { items: cart.map(({ unitPriceCents, ...l }) => ({ ...l, unitPrice: unitPriceCents / 100 })), value: value.cents / 100, currency: value.currency },
    wishlist: wishlistLines(catalog, customerWishlistRows(db, id)),
    leads: listLeads(db, leadScope(staff), { customerId: id, limit: 200 }),
  };
}

/** Sessions of every browser linked to the customer, newest first, a page at a time (NOT_FOUND for no such customer). */
export function customerSessionPage(
  deps: { db: DB; catalog: CrmDeps['catalog'] },
  input: { id: number; limit: number; cursor?: { startedAt: number; id: string } | null | undefined },
  staff: StaffUser,
) {
  loadCustomer(deps.db, input.id);
  const rows = customerSessions(deps.db, input.id, { limit: input.limit + 1, before: input.cursor });
  const page = pageOf(rows, input.limit, (s) => ({ startedAt: s.startedAt, id: s.id }));
  return { ...page, items: withListExtras(deps.db, deps.catalog, staff, page.items.map((s) => ({ ...s, customerId: input.id }))) };
}

/** A customer entered by staff (normalised; CONFLICT for a taken email), audited as `customer.create`. */
export function createCustomer(deps: CrmDeps, input: CustomerCreate, caller: StaffCaller): Customer {
  const { db } = deps;
  const fields = newCustomerFields(normaliseCustomerInput(input));
  const now = deps.now();
  return db.transaction(() => {
    let customer: Customer;
    try {
      customer = insertCustomer(db, fields, 'staff', now);
    } catch (err) {
      conflict(err);
    }
    appendAudit(db, callerActor(caller), { action: 'customer.create', entity: 'customer', entityId: customer.id, details: { source: 'staff' } }, now);
    emitCustomerCreated(db, customer, now);
    return customer;
  })();
}

/**
 * Changes the given fields (normalised; a customer keeps an email or a phone; CONFLICT for a taken email).
 * Audited as `customer.update` with the names of the fields that changed, never their values.
 */
export function changeCustomer(deps: CrmDeps, input: CustomerUpdate, caller: StaffCaller): Customer {
  const { db } = deps;
  return db.transaction(() => {
    const existing = loadCustomer(db, input.id);
    const patch = normaliseCustomerInput(input, existing.country);
    const email = patch.email !== undefined ? patch.email : existing.email;
    const phone = patch.phone !== undefined ? patch.phone : existing.phone;
    if (!email && !phone) throw new TRPCError({ code: 'BAD_REQUEST', message: 'email: a customer needs an email address or a phone number' });
    const now = deps.now();
    let changed: string[] = [];
    try {
      changed = updateCustomer(db, input.id, patch, now);
    } catch (err) {
      conflict(err);
    }
    const customer = loadCustomer(db, input.id);
    if (changed.length) {
      appendAudit(db, callerActor(caller), { action: 'customer.update', entity: 'customer', entityId: input.id, details: { fields: changed } }, now);
      emitCustomerUpdated(db, customer, changed, now);
    }
    return customer;
  })();
}

/** Everything stored about the customer as JSON, audited as `customer.export`; NOT_FOUND for no such customer. */
export function customerDataExport(deps: CrmDeps, id: number, caller: StaffCaller) {
  const data = exportCustomer(deps.db, id, callerActor(caller), deps.now());
  if (!data) throw new TRPCError({ code: 'NOT_FOUND', message: `No customer ${id}` });
  return data;
}

/**
 * Erases the customer and everything linked to them (audited as `customer.erase`) and drops their
 * sessions from the live view; NOT_FOUND for no such customer.
 */
export function eraseCustomerEverywhere(deps: CrmDeps, id: number, caller: StaffCaller) {
  const result = eraseCustomer(deps.db, id, callerActor(caller), deps.now());
  if (!result) throw new TRPCError({ code: 'NOT_FOUND', message: `No customer ${id}` });
  liveHubFor(deps.db).dropErased();
  return result;
}
