// Builds the body of a session.ended webhook: the session, its products ranked by attention, the cart, and a link to its staff page.
import type { Catalog } from '../contracts/catalog';
import { sessionAttention } from '../db/attention';
import type { DB } from '../db/connection';
import { cartLines } from '../db/leadProducts';
import { endedSessionFacts } from '../db/webhooks';
import { cartValue, priceLines, shopCurrency } from '../crm/pricing';
import { envelope } from './emit';

/**
 * The session.ended body for `sessionId`, built now (`now`: ms since the epoch), or null when the session no longer
 * exists. Products come in the session's attention order (longest head-gaze dwell first, as on the staff session
 * page), each with what the visitor did with it on purpose; the cart is the customer's (all their browsers) or the
 * browser's, priced from the current catalogue (major units).
 */
export function sessionEndedBody(db: DB, catalog: Catalog, sessionId: string, baseUrl: string, now: number): string | null {
  const s = endedSessionFacts(db, sessionId);
  if (!s) return null;
  const names = new Map(catalog.products.map((p) => [p.id, p.name]));
  const products = sessionAttention(db, sessionId).map((p, i) => ({
    rank: i + 1,
    productId: p.productId,
    name: names.get(p.productId) ?? p.productId,
    dwellMs: p.dwellMs,
    dwellCount: p.dwellCount,
    selectCount: p.selectCount,
    cartAdds: p.cartAdds,
    wishlistAdds: p.wishlistAdds,
  }));
  const lines = priceLines(catalog, cartLines(db, s.customerId !== null ? { customerId: s.customerId } : { visitorId: s.visitorId }));
  const value = cartValue(lines, shopCurrency(catalog));
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return envelope('session.ended', now, {
    session: {
      id: s.id,
      customerId: s.customerId,
      visitorId: s.visitorId,
      mode: s.mode,
      startedAt: iso(s.startedAt),
      endedAt: iso(s.lastTs),
      durationMs: s.firstTs !== null && s.lastTs !== null ? s.lastTs - s.firstTs : null,
      eventCount: s.eventCount,
      endReason: s.endReason,
      staffUrl: `${baseUrl}/staff/sessions/${s.id}`,
    },
    products,
    cart: {
      items: lines.map((l) => ({ productId: l.productId, variantId: l.variantId, name: l.name, variantName: l.variantName, quantity: l.quantity, unitPrice: l.unitPriceCents / 100 })),
      value: value.cents / 100,
      currency: value.currency,
    },
  });
}
