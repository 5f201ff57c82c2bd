// Turns what a visitor does in the showroom into CRM records: the customer behind a contact form, and leads from carts and requests.
import { TRPCError } from '@trpc/server';
import type { Catalog } from '../contracts/catalog';
import type { LeadSource } from '../contracts/leads';
import type { ContactRequest } from '../contracts/shop';
import { appendAudit } from '../db/audit';
import type { DB } from '../db/connection';
import { findCustomerByEmail, findCustomerByPhone, insertCustomer, linkVisitor, updateCustomer, visitorCustomerId } from '../db/customers';
import { addLeadProduct, cartLines } from '../db/leadProducts';
import {
  assignAnonymousLeads,
  insertLead,
  mergeLead,
  openAnonymousLead,
  openLeadOfCustomer,
} from '../db/leads';
import { linkServiceRequest } from '../db/serviceRequests';
import { createServiceRequest } from '../db/shop';
import { showroomActor } from './actors';
import { normaliseEmail, normalisePhone } from './normalise';
import { applyCart } from './leads';
import { priceLines, shopCurrency, toLeadProduct } from './pricing';
import { getCustomer } from '../db/customers';
import { getLead } from '../db/leads';
import { getServiceRequest } from '../db/serviceRequests';
import { emitContactRequest, emitCustomerCreated, emitCustomerUpdated, emitLeadCreated } from '../webhooks/emit';

/** The open lead of the browser's customer, or of the browser while it is anonymous; created if `create` says how. */
function openLead(
  db: DB,
  catalog: Catalog,
  visitorId: string,
  now: number,
  create?: { source: LeadSource; title: string },
): number | undefined {
  const customerId = visitorCustomerId(db, visitorId);
  const existing = customerId !== null ? openLeadOfCustomer(db, customerId) : openAnonymousLead(db, visitorId);
  if (existing !== undefined || !create) return existing;
  const id = insertLead(db, { customerId, visitorId, title: create.title, source: create.source, currency: shopCurrency(catalog), now });
  emitLeadCreated(db, getLead(db, id)!, now);
  return id;
}

/**
 * After a cart change: the lead that follows this browser's cart (or, once the browser is a
 * customer's, the cart of all the customer's browsers) gets the cart's lines and value. A first
 * cart line of a browser without an open lead creates one, anonymous until the visitor says who
 * they are. Returns the lead id, or null when there is no cart and no lead.
 */
export function syncCartLead(db: DB, catalog: Catalog, visitorId: string, now: number): number | null {
  const customerId = visitorCustomerId(db, visitorId);
  const lines = priceLines(catalog, cartLines(db, customerId !== null ? { customerId } : { visitorId }));
  const first = lines[0];
  const leadId = openLead(db, catalog, visitorId, now, first ? { source: 'cart', title: `Cart: ${first.name}${lines.length > 1 ? ` and ${lines.length - 1} more` : ''}` } : undefined);
  if (leadId === undefined) return null;
  applyCart(db, catalog, leadId, lines, now);
  return leadId;
}

/**
 * The visitor said who they are: finds the customer by email (or, with no email, by phone) or
 * creates one, fills in only the fields the customer record lacks (a form cannot overwrite what
 * staff or an import recorded), records the consent to be contacted, and makes the browser (with
 * all its sessions, before and after) and its anonymous leads the customer's.
 */
export function identifyVisitor(db: DB, visitorId: string, contact: { name?: string | undefined; email?: string | undefined; phone?: string | undefined }, now: number): number {
  const email = contact.email ? normaliseEmail(contact.email) : null;
  let customer = email ? findCustomerByEmail(db, email) : undefined;
  let phone: string | null = null;
  if (contact.phone) {
    const checked = normalisePhone(contact.phone, customer?.country);
    if (!checked.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: `phone: ${checked.message}` });
    phone = checked.value;
  }
  if (!customer && !email && phone) customer = findCustomerByPhone(db, phone);
  let customerId: number;
  if (customer) {
    customerId = customer.id;
    const changed = updateCustomer(
      db,
      customer.id,
      {
        name: customer.name ? undefined : contact.name ?? '',
        email: customer.email ? undefined : email,
        phone: customer.phone ? undefined : phone,
        consentContact: true,
      },
      now,
    );
    if (changed.length) {
      appendAudit(db, showroomActor, { action: 'customer.update', entity: 'customer', entityId: customerId, details: { fields: changed, via: 'contact form' } }, now);
      emitCustomerUpdated(db, getCustomer(db, customerId)!, changed, now);
    }
  } else {
    const created = insertCustomer(
      db,
      { name: contact.name ?? '', email, phone, company: null, address: null, postalCode: null, city: null, country: null, consentContact: true, consentTracking: false },
      'showroom',
      now,
    );
    customerId = created.id;
    appendAudit(db, showroomActor, { action: 'customer.create', entity: 'customer', entityId: customerId, details: { source: 'showroom' } }, now);
    emitCustomerCreated(db, created, now);
  }
  const anonymous = openAnonymousLead(db, visitorId);
  const customersLead = openLeadOfCustomer(db, customerId);
  linkVisitor(db, visitorId, customerId);
  if (anonymous !== undefined && customersLead !== undefined) mergeLead(db, anonymous, customersLead, now);
  assignAnonymousLeads(db, visitorId, customerId, now);
  // The browser's lead reaches the CRM now that it has a customer (unless it was folded into the customer's own).
  if (anonymous !== undefined && customersLead === undefined) emitLeadCreated(db, getLead(db, anonymous)!, now);
  return customerId;
}

/**
 * Stores a request for a salesperson and what it means for the CRM, in one transaction: a form
 * identifies the visitor as a customer; either kind lands on the open lead (created if none) with
 * the requested product, and the lead follows the cart. Returns the request id.
 */
export function recordContactRequest(
  db: DB,
  catalog: Catalog,
  r: ContactRequest & { visitorId: string; sessionId: string; now: number },
): number {
  return db.transaction(() => {
    const requestId = createServiceRequest(db, r);
    if (r.channel === 'form') identifyVisitor(db, r.visitorId, r, r.now);
    const product = r.productId ? catalog.products.find((p) => p.id === r.productId) : undefined;
    const leadId = openLead(db, catalog, r.visitorId, r.now, {
      source: r.channel === 'form' ? 'contact-form' : 'one-press',
      title: `Asked for a salesperson${product ? `: ${product.name}` : ''}`,
    })!;
    if (product) {
      const [line] = priceLines(catalog, [{ productId: product.id, variantId: r.variantId ?? product.variants[0]!.id, quantity: 1 }]);
      addLeadProduct(db, leadId, { ...toLeadProduct(line!, 'request'), variantId: r.variantId ?? '' }, r.now);
    }
    syncCartLead(db, catalog, r.visitorId, r.now);
    linkServiceRequest(db, requestId, visitorCustomerId(db, r.visitorId), leadId);
    emitContactRequest(db, getServiceRequest(db, requestId)!, r.now);
    return requestId;
  })();
}
