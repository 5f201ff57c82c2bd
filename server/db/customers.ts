// Customer queries: create, update, find by email or phone, list and search, link browsers (visitors) to customers.
import type { Customer, CustomerFields, CustomerListItem, CustomerSource } from '../contracts/customers';
import type { DB } from './connection';
import { containsAny, type SqlPart, Where } from './sqlFilters';

export type { CustomerFields } from '../contracts/customers';

export const customerFieldNames = ['name', 'email', 'phone', 'company', 'address', 'postalCode', 'city', 'country', 'consentContact', 'consentTracking'] as const;

const columnOf: Record<(typeof customerFieldNames)[number], string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  address: 'address',
  postalCode: 'postal_code',
  city: 'city',
  country: 'country',
  consentContact: 'consent_contact',
  consentTracking: 'consent_tracking',
};

const cols = `c.id, c.name, c.email, c.phone, c.company, c.address, c.postal_code AS postalCode, c.city, c.country,
  c.consent_contact AS consentContact, c.consent_tracking AS consentTracking, c.source, c.created_at AS createdAt, c.updated_at AS updatedAt`;

type Row = Omit<Customer, 'consentContact' | 'consentTracking'> & { consentContact: number; consentTracking: number };
const toCustomer = <R extends Row>(r: R) => ({ ...r, consentContact: r.consentContact === 1, consentTracking: r.consentTracking === 1 });

/** Thrown when another customer already has the email address. */
export class DuplicateCustomerError extends Error {
  constructor(
    readonly email: string,
    readonly existingId: number,
  ) {
    super(`A customer with the email ${email} already exists (customer ${existingId})`);
  }
}

export function getCustomer(db: DB, id: number): Customer | undefined {
  const r = db.prepare(`SELECT ${cols} FROM customers c WHERE c.id = ?`).get(id) as Row | undefined;
  return r && toCustomer(r);
}

/** The customer with this (normalised) email. */
export function findCustomerByEmail(db: DB, email: string): Customer | undefined {
  const r = db.prepare(`SELECT ${cols} FROM customers c WHERE c.email = ?`).get(email) as Row | undefined;
  return r && toCustomer(r);
}

/** The oldest customer with this (normalised) phone number. */
export function findCustomerByPhone(db: DB, phone: string): Customer | undefined {
  const r = db.prepare(`SELECT ${cols} FROM customers c WHERE c.phone = ? ORDER BY c.id LIMIT 1`).get(phone) as Row | undefined;
  return r && toCustomer(r);
}

/** Inserts a customer; throws `DuplicateCustomerError` when the email is taken. */
export function insertCustomer(db: DB, f: CustomerFields, source: CustomerSource, now: number): Customer {
  if (f.email) {
    const existing = findCustomerByEmail(db, f.email);
    if (existing) throw new DuplicateCustomerError(f.email, existing.id);
  }
  const r = db
    .prepare(
      `INSERT INTO customers (name, email, phone, company, address, postal_code, city, country, consent_contact, consent_tracking, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(f.name, f.email, f.phone, f.company, f.address, f.postalCode, f.city, f.country, f.consentContact ? 1 : 0, f.consentTracking ? 1 : 0, source, now, now);
  return getCustomer(db, Number(r.lastInsertRowid))!;
}

/**
 * Writes the given fields (others unchanged). Returns the names of the fields whose value changed;
 * throws `DuplicateCustomerError` when the new email belongs to someone else.
 */
export function updateCustomer(db: DB, id: number, patch: Partial<CustomerFields>, now: number): string[] {
  const before = getCustomer(db, id);
  if (!before) return [];
  const changed = customerFieldNames.filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
  if (changed.length === 0) return [];
  if (changed.includes('email') && patch.email) {
    const other = findCustomerByEmail(db, patch.email);
    if (other && other.id !== id) throw new DuplicateCustomerError(patch.email, other.id);
  }
  const toDb = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
  db.prepare(`UPDATE customers SET ${changed.map((k) => `${columnOf[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
    ...changed.map((k) => toDb(patch[k])),
    now,
    id,
  );
  return changed;
}

/** Customers (table alias `c`) whose name, email, phone or company contains `search`, as SQL and its parameters. */
export function customerSearchClause(search: string): SqlPart {
  return containsAny(['c.name', 'c.email', 'c.phone', 'c.company'], search);
}

/** Customers most recently changed first, with open lead counts and when they were last seen. */
export function listCustomers(
  db: DB,
  f: { search?: string | undefined; source?: CustomerSource | undefined; limit: number; before?: { updatedAt: number; id: number } | null | undefined },
): CustomerListItem[] {
  const where = new Where();
  if (f.search) where.addPart(customerSearchClause(f.search));
  if (f.source) where.add('c.source = ?', f.source);
  if (f.before) where.add('(c.updated_at, c.id) < (?, ?)', f.before.updatedAt, f.before.id);
  const rows = db
    .prepare(
      `SELECT ${cols},
         (SELECT count(*) FROM leads l WHERE l.customer_id = c.id AND l.stage NOT IN ('won', 'lost')) AS openLeads,
         (SELECT max(s.last_seen_at) FROM visitors v JOIN sessions s ON s.visitor_id = v.id WHERE v.customer_id = c.id) AS lastSeenAt
       FROM customers c${where.clause}
       ORDER BY c.updated_at DESC, c.id DESC LIMIT ?`,
    )
    .all(...where.params, f.limit) as (Row & { openLeads: number; lastSeenAt: number | null })[];
  return rows.map(toCustomer);
}

/** The customer a browser belongs to, if any. */
export function visitorCustomerId(db: DB, visitorId: string): number | null {
  return (db.prepare('SELECT customer_id FROM visitors WHERE id = ?').pluck().get(visitorId) as number | null | undefined) ?? null;
}

/** Makes the browser (and so every session it had and will have) the customer's. */
export function linkVisitor(db: DB, visitorId: string, customerId: number): void {
  db.prepare('UPDATE visitors SET customer_id = ? WHERE id = ?').run(customerId, visitorId);
  db.prepare('UPDATE service_requests SET customer_id = ? WHERE visitor_id = ?').run(customerId, visitorId);
}

/** Ids of the browsers linked to the customer. */
export function customerVisitorIds(db: DB, customerId: number): string[] {
  return db.prepare('SELECT id FROM visitors WHERE customer_id = ? ORDER BY created_at').pluck().all(customerId) as string[];
}
