// A customer's right to a copy of their data and to be forgotten: JSON export and erase, both audited.
import type { DB } from '../db/connection';
import { type Actor, appendAudit } from '../db/audit';
import { getCustomer } from '../db/customers';
import { customerRows, eraseCustomerRows } from '../db/privacy';
import { emitCustomerErased } from '../webhooks/emit';

export interface CustomerExport {
  format: 'showroom-customer-export/1';
  /** ISO 8601. */
  exportedAt: string;
  customerId: number;
  /** Every row the showroom holds about the customer, by table (the customer row is under `customers`). */
  tables: Record<string, Record<string, unknown>[]>;
}

/** Everything stored about the customer, or undefined if there is no such customer. Audited as `customer.export`. */
export function exportCustomer(db: DB, id: number, actor: Actor, now: number): CustomerExport | undefined {
  if (!getCustomer(db, id)) return undefined;
  const tables: CustomerExport['tables'] = {};
  for (const { table, row } of customerRows(db, id)) (tables[table] ??= []).push(row);
  const counts = Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));
  appendAudit(db, actor, { action: 'customer.export', entity: 'customer', entityId: id, details: { rows: counts } }, now);
  return { format: 'showroom-customer-export/1', exportedAt: new Date(now).toISOString(), customerId: id, tables };
}

/**
 * Erases the customer and everything linked to them (browsers, sessions, events, pose data, carts,
 * leads, notes, tasks, orders, requests, webhooks not yet sent about them) and records who did it in the same
 * transaction, so there is never an erase without its audit entry, nor an entry without the erase; a
 * customer.erased webhook goes out in that transaction too. Undefined if there is no such customer.
 */
export function eraseCustomer(db: DB, id: number, actor: Actor, now: number): { deleted: Record<string, number>; walCheckpointed: boolean } | undefined {
  if (!getCustomer(db, id)) return undefined;
  let deleted: Record<string, number> = {};
  const result = eraseCustomerRows(db, id, (rows) => {
    deleted = Object.fromEntries(Object.entries(rows).filter(([, n]) => n > 0));
    emitCustomerErased(db, id, now);
    appendAudit(db, actor, { action: 'customer.erase', entity: 'customer', entityId: id, details: { deleted } }, now);
  });
  return { deleted, walCheckpointed: result.walCheckpointed };
}
