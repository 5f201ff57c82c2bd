// Catalogue queries: load the validated catalogue into the products table and read it back.
import type { Catalog, Product } from '../contracts/catalog';
import type { DB } from './connection';

export interface CatalogSyncResult {
  inserted: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

/**
 * Upserts every catalogue product (idempotent: an unchanged entry is not rewritten) and marks
 * products that left the catalogue inactive, all in one transaction.
 */
export function syncCatalog(db: DB, catalog: Catalog, now = Date.now()): CatalogSyncResult {
  const existing = new Map(
    (db.prepare('SELECT id, data, position, active FROM products').all() as { id: string; data: string; position: number; active: number }[]).map(
      (r) => [r.id, r],
    ),
  );
  const upsert = db.prepare(`
    INSERT INTO products (id, sku, name, category, price_cents, currency, description, data, position, active, updated_at)
    VALUES (@id, @sku, @name, @category, @price_cents, @currency, @description, @data, @position, 1, @now)
    ON CONFLICT(id) DO UPDATE SET sku = excluded.sku, name = excluded.name, category = excluded.category,
      price_cents = excluded.price_cents, currency = excluded.currency, description = excluded.description,
      data = excluded.data, position = excluded.position, active = 1, updated_at = excluded.updated_at`);
  const deactivate = db.prepare('UPDATE products SET active = 0, updated_at = ? WHERE id = ?');
  const result: CatalogSyncResult = { inserted: 0, updated: 0, unchanged: 0, deactivated: 0 };
  db.transaction(() => {
    // SKUs are unique: free the SKUs of entries that changed so a swap between two products works.
    catalog.products.forEach((p, position) => {
      const data = JSON.stringify(p);
      const row = existing.get(p.id);
      if (row && row.data === data && row.position === position && row.active === 1) {
        result.unchanged++;
        return;
      }
      db.prepare("UPDATE products SET sku = '~' || id WHERE sku = ? AND id <> ?").run(p.sku, p.id);
      upsert.run({
        id: p.id,
        sku: p.sku,
        name: p.name,
        category: p.category,
        price_cents: Math.round(p.price * 100),
        currency: p.currency,
        description: p.description,
        data,
        position,
        now,
      });
      if (row) result.updated++;
      else result.inserted++;
    });
    const ids = new Set(catalog.products.map((p) => p.id));
    for (const row of existing.values()) {
      if (!ids.has(row.id) && row.active === 1) {
        deactivate.run(now, row.id);
        result.deactivated++;
      }
    }
  })();
  return result;
}

/** The active products in catalogue order. */
export function listProducts(db: DB): Product[] {
  const rows = db.prepare('SELECT data FROM products WHERE active = 1 ORDER BY position').all() as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as Product);
}

/** Ids of every product ever loaded (active or not), for validating event references. */
export function allProductIds(db: DB): Set<string> {
  return new Set((db.prepare('SELECT id FROM products').pluck().all() as string[]));
}
