// Quote and order queries: snapshot a cart's priced lines into an order, list and read orders, change status.
import type { ItemLine } from '../contracts/shop';
import type { Order, OrderItem, OrderKind, OrderStatus } from '../contracts/orders';
import type { DB } from './connection';
import { Where } from './sqlFilters';

const cols = `o.id, o.customer_id AS customerId, c.name AS customerName, o.lead_id AS leadId, o.kind, o.status, o.currency,
  o.total_cents AS totalCents, o.created_by AS createdBy, o.created_at AS createdAt, o.updated_at AS updatedAt`;
const from = 'FROM orders o JOIN customers c ON c.id = o.customer_id';

type Row = Omit<Order, 'total' | 'items'> & { totalCents: number };

export interface NewOrderItem extends ItemLine {
  unitPriceCents: number;
}

function items(db: DB, orderId: number): OrderItem[] {
  const rows = db
    .prepare(
      `SELECT line, product_id AS productId, variant_id AS variantId, name, variant_name AS variantName, quantity, unit_price_cents AS cents
       FROM order_items WHERE order_id = ? ORDER BY line`,
    )
    .all(orderId) as (Omit<OrderItem, 'unitPrice'> & { cents: number })[];
  return rows.map(({ cents, ...r }) => ({ ...r, unitPrice: cents / 100 }));
}

const toOrder = (db: DB, { totalCents, ...r }: Row): Order => ({ ...r, total: totalCents / 100, items: items(db, r.id) });

/** Stores a quote or order with its lines (total computed here), in one transaction. */
export function insertOrder(
  db: DB,
  o: { customerId: number; leadId: number | null; kind: OrderKind; currency: string; createdBy: number; now: number; items: NewOrderItem[] },
): number {
  return db.transaction(() => {
    const total = o.items.reduce((sum, i) => sum + i.unitPriceCents * i.quantity, 0);
    const r = db
      .prepare('INSERT INTO orders (customer_id, lead_id, kind, currency, total_cents, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(o.customerId, o.leadId, o.kind, o.currency, total, o.createdBy, o.now, o.now);
    const id = Number(r.lastInsertRowid);
    const insert = db.prepare(
      'INSERT INTO order_items (order_id, line, product_id, variant_id, name, variant_name, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    o.items.forEach((i, line) => insert.run(id, line + 1, i.productId, i.variantId, i.name, i.variantName, i.quantity, i.unitPriceCents));
    return id;
  })();
}

export function getOrder(db: DB, id: number): Order | undefined {
  const r = db.prepare(`SELECT ${cols} ${from} WHERE o.id = ?`).get(id) as Row | undefined;
  return r && toOrder(db, r);
}

/** Orders newest first, with their lines. */
export function listOrders(
  db: DB,
  f: { customerId?: number | undefined; leadId?: number | undefined; kind?: OrderKind | undefined; status?: OrderStatus | undefined; limit: number },
): Order[] {
  const where = new Where().equals('o.customer_id', f.customerId).equals('o.lead_id', f.leadId).equals('o.kind', f.kind).equals('o.status', f.status);
  const rows = db
    .prepare(`SELECT ${cols} ${from}${where.clause} ORDER BY o.created_at DESC, o.id DESC LIMIT ?`)
    .all(...where.params, f.limit) as Row[];
  return rows.map((r) => toOrder(db, r));
}

export function setOrderStatus(db: DB, id: number, status: OrderStatus, now: number): void {
  db.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
}
