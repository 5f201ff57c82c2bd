// Analytics answers built from the rollups: ranked product statistics, funnel, floor heatmap, and co-viewed products for staff and for the showroom.
import type { Catalog } from '../contracts/catalog';
import { type AnalyticsRange, FLOOR_CELL_M, PUBLIC_MIN_SESSIONS, type PublicRecommendation, rangeDays } from '../contracts/analytics';
import { floorHeatmap, funnelAnalytics, productAnalytics } from '../db/analytics';
import type { DB } from '../db/connection';
import { coViewed } from '../db/recommendations';

/** Per product over the range: views, selects, dwell statistics, cart adds, conversion; most dwell time first, ranked from 1. */
export function rankedProducts(deps: { db: DB; catalog: Catalog }, input: AnalyticsRange) {
  const known = new Set(deps.catalog.products.map((p) => p.id));
  const items = productAnalytics(deps.db, { ...rangeDays(input), mode: input.mode });
  return { items: items.map((p, i) => ({ ...p, rank: i + 1, inCatalogue: known.has(p.productId) })) };
}

/** The funnel over the range (sessions by the day they started) and the same counts by device mode. */
export function funnelReport(db: DB, input: AnalyticsRange) {
  return funnelAnalytics(db, { ...rangeDays(input), mode: input.mode });
}

/** Head pose samples per FLOOR_CELL_M floor cell over the range. */
export function floorReport(db: DB, input: AnalyticsRange) {
  return floorHeatmap(db, { ...rangeDays(input), mode: input.mode }, FLOOR_CELL_M);
}

/** For staff: the sessions that looked at the product and the `limit` products most often looked at with it, with their counts. */
export function staffCoViewed(db: DB, input: { productId: string; limit: number }) {
  const r = coViewed(db, input.productId, 1);
  return { sessions: r.sessions, items: r.items.slice(0, input.limit) };
}

/**
 * The showroom's "You may also like": products looked at in the same sessions as this one (pairs seen in
 * at least PUBLIC_MIN_SESSIONS sessions), filled up with products of the same category; only active
 * catalogue products, never the product itself, at most `limit`. Product ids only, no visitor data.
 */
export function publicRecommendations(deps: { db: DB; catalog: Catalog }, input: { productId: string; limit: number }): { items: PublicRecommendation[] } {
  const products = deps.catalog.products;
  const self = products.find((p) => p.id === input.productId);
  if (!self) return { items: [] };
  const active = new Set(products.map((p) => p.id));
  const items: PublicRecommendation[] = [];
  const taken = new Set([self.id]);
  for (const c of coViewed(deps.db, self.id, PUBLIC_MIN_SESSIONS).items) {
    if (items.length >= input.limit) break;
    if (!active.has(c.productId) || taken.has(c.productId)) continue;
    items.push({ productId: c.productId, reason: 'co-viewed' });
    taken.add(c.productId);
  }
  for (const p of products) {
    if (items.length >= input.limit) break;
    if (p.category !== self.category || taken.has(p.id)) continue;
    items.push({ productId: p.id, reason: 'category' });
    taken.add(p.id);
  }
  return { items };
}
