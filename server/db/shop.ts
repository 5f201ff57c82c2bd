// Cart, wishlist and salesperson-request queries, keyed by the visitor behind a session.
import type { ContactRequest } from '../contracts/shop';
import type { DB } from './connection';

export interface ItemRow {
  productId: string;
  variantId: string;
  quantity: number;
}

export function cartRows(db: DB, visitorId: string): ItemRow[] {
  return db
    .prepare('SELECT product_id AS productId, variant_id AS variantId, quantity FROM cart_items WHERE visitor_id = ? ORDER BY added_at, product_id')
    .all(visitorId) as ItemRow[];
}

/** Adds `quantity` to the line (creating it), capped at 99. */
export function addToCart(db: DB, visitorId: string, item: ItemRow, now: number): void {
  db.prepare(
    `INSERT INTO cart_items (visitor_id, product_id, variant_id, quantity, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (visitor_id, product_id, variant_id) DO UPDATE SET quantity = MIN(99, quantity + excluded.quantity), updated_at = excluded.updated_at`,
  ).run(visitorId, item.productId, item.variantId, item.quantity, now, now);
}

/** Sets the line's quantity; 0 removes it. Returns the quantity it had (0 if none). */
export function setCartQuantity(db: DB, visitorId: string, item: ItemRow, now: number): number {
  return db.transaction(() => {
    const before = (db
      .prepare('SELECT quantity FROM cart_items WHERE visitor_id = ? AND product_id = ? AND variant_id = ?')
      .pluck()
      .get(visitorId, item.productId, item.variantId) as number | undefined) ?? 0;
    if (item.quantity === 0) {
      db.prepare('DELETE FROM cart_items WHERE visitor_id = ? AND product_id = ? AND variant_id = ?').run(visitorId, item.productId, item.variantId);
    } else if (before === 0) {
      addToCart(db, visitorId, item, now);
    } else {
      db.prepare('UPDATE cart_items SET quantity = ?, updated_at = ? WHERE visitor_id = ? AND product_id = ? AND variant_id = ?').run(
        item.quantity,
        now,
        visitorId,
        item.productId,
        item.variantId,
      );
    }
    return before;
  })();
}

export function wishlistRows(db: DB, visitorId: string): Omit<ItemRow, 'quantity'>[] {
  return db
    .prepare('SELECT product_id AS productId, variant_id AS variantId FROM wishlist_items WHERE visitor_id = ? ORDER BY added_at, product_id')
    .all(visitorId) as Omit<ItemRow, 'quantity'>[];
}

/** The wishlist lines of every browser of a customer, each product and variant once, oldest first. */
export function customerWishlistRows(db: DB, customerId: number): Omit<ItemRow, 'quantity'>[] {
  return db
    .prepare(
      `SELECT w.product_id AS productId, w.variant_id AS variantId FROM wishlist_items w JOIN visitors v ON v.id = w.visitor_id
       WHERE v.customer_id = ? GROUP BY w.product_id, w.variant_id ORDER BY min(w.added_at), w.product_id`,
    )
    .all(customerId) as Omit<ItemRow, 'quantity'>[];
}

/** Returns true when the item was not on the wishlist before. */
export function addToWishlist(db: DB, visitorId: string, item: Omit<ItemRow, 'quantity'>, now: number): boolean {
  return (
    db
      .prepare('INSERT OR IGNORE INTO wishlist_items (visitor_id, product_id, variant_id, added_at) VALUES (?, ?, ?, ?)')
      .run(visitorId, item.productId, item.variantId, now).changes > 0
  );
}

/** Returns true when the item was on the wishlist. */
export function removeFromWishlist(db: DB, visitorId: string, item: Omit<ItemRow, 'quantity'>): boolean {
  return (
    db
      .prepare('DELETE FROM wishlist_items WHERE visitor_id = ? AND product_id = ? AND variant_id = ?')
      .run(visitorId, item.productId, item.variantId).changes > 0
  );
}

/** Stores a request for a salesperson; returns its id. */
export function createServiceRequest(db: DB, r: ContactRequest & { visitorId: string; sessionId: string; now: number }): number {
  const res = db
    .prepare(
      `INSERT INTO service_requests (visitor_id, session_id, channel, product_id, variant_id, name, email, phone, message, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.visitorId, r.sessionId, r.channel, r.productId ?? null, r.variantId ?? null, r.name ?? null, r.email ?? null, r.phone ?? null, r.message ?? null, r.now);
  return Number(res.lastInsertRowid);
}
