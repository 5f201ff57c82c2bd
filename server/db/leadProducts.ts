// Lead product queries: the products a lead is about (cart lines, requests, staff picks), and the carts that feed them.
import type { DB } from './connection';

export interface LeadProductRow {
  productId: string;
  variantId: string;
  reason: 'cart' | 'request' | 'staff';
  quantity: number;
  unitPriceCents: number;
  currency: string;
}

export function leadProductRows(db: DB, leadId: number): LeadProductRow[] {
  return db
    .prepare(
      `SELECT product_id AS productId, variant_id AS variantId, reason, quantity, unit_price_cents AS unitPriceCents, currency
       FROM lead_products WHERE lead_id = ? ORDER BY added_at, product_id, variant_id`,
    )
    .all(leadId) as LeadProductRow[];
}

/** Adds a product of interest (kept once per product, variant and reason). */
export function addLeadProduct(db: DB, leadId: number, p: LeadProductRow, now: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO lead_products (lead_id, product_id, variant_id, reason, quantity, unit_price_cents, currency, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(leadId, p.productId, p.variantId, p.reason, p.quantity, p.unitPriceCents, p.currency, now);
}

/** Replaces the lead's cart lines with `lines`, keeping when each line was first added. */
export function replaceCartProducts(db: DB, leadId: number, lines: LeadProductRow[], now: number): void {
  const added = new Map(
    (db.prepare(`SELECT product_id || '/' || variant_id AS k, added_at AS t FROM lead_products WHERE lead_id = ? AND reason = 'cart'`).all(leadId) as {
      k: string;
      t: number;
    }[]).map((r) => [r.k, r.t]),
  );
  db.prepare(`DELETE FROM lead_products WHERE lead_id = ? AND reason = 'cart'`).run(leadId);
  for (const line of lines) addLeadProduct(db, leadId, { ...line, reason: 'cart' }, added.get(`${line.productId}/${line.variantId}`) ?? now);
}

/** Cart lines of one browser, or summed over every browser of a customer. */
export function cartLines(db: DB, owner: { visitorId: string } | { customerId: number }): { productId: string; variantId: string; quantity: number }[] {
  if ('visitorId' in owner) {
    return db
      .prepare('SELECT product_id AS productId, variant_id AS variantId, quantity FROM cart_items WHERE visitor_id = ? ORDER BY added_at, product_id')
      .all(owner.visitorId) as { productId: string; variantId: string; quantity: number }[];
  }
  return db
    .prepare(
      `SELECT ci.product_id AS productId, ci.variant_id AS variantId, MIN(99, sum(ci.quantity)) AS quantity
       FROM cart_items ci JOIN visitors v ON v.id = ci.visitor_id WHERE v.customer_id = ?
       GROUP BY ci.product_id, ci.variant_id ORDER BY min(ci.added_at), ci.product_id`,
    )
    .all(owner.customerId) as { productId: string; variantId: string; quantity: number }[];
}
