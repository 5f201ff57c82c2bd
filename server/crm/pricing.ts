// Prices catalogue lines in cents for leads and orders (base price plus the variant's difference).
import type { Catalog } from '../contracts/catalog';
import type { ItemLine } from '../contracts/shop';
import type { LeadProductRow } from '../db/leadProducts';

export interface PricedLine extends ItemLine {
  /** Minor units (cents) of `currency`. */
  unitPriceCents: number;
  currency: string;
}

/** Prices `lines` from the current catalogue; lines of products no longer in it are left out. */
export function priceLines(catalog: Catalog, lines: { productId: string; variantId: string; quantity: number }[]): PricedLine[] {
  return lines.flatMap((l) => {
    const product = catalog.products.find((p) => p.id === l.productId);
    if (!product) return [];
    const variant = product.variants.find((v) => v.id === l.variantId);
    return [
      {
        ...l,
        name: product.name,
        variantName: variant?.name ?? l.variantId,
        unitPriceCents: Math.round((product.price + (variant?.priceDelta ?? 0)) * 100),
        currency: product.currency,
      },
    ];
  });
}

/**
 * The value of priced lines as one amount: the currency with the largest total (a showroom sells in
 * one currency; lines in another still show among the lead's products but do not add up).
 */
export function cartValue(lines: PricedLine[], fallbackCurrency: string): { cents: number; currency: string } {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l.currency, (totals.get(l.currency) ?? 0) + l.unitPriceCents * l.quantity);
  let best = { cents: 0, currency: fallbackCurrency };
  for (const [currency, cents] of totals) if (cents > best.cents) best = { cents, currency };
  return best;
}

/** Names wishlist lines from the current catalogue, with the price of one item; withdrawn products are left out. */
export function wishlistLines(catalog: Catalog, rows: { productId: string; variantId: string }[]) {
  return priceLines(catalog, rows.map((r) => ({ ...r, quantity: 1 }))).map(({ quantity: _q, unitPriceCents, ...l }) => ({ ...l, unitPrice: unitPriceCents / 100 }));
}

export const toLeadProduct = (l: PricedLine, reason: LeadProductRow['reason']): LeadProductRow => ({
  productId: l.productId,
  variantId: l.variantId,
  reason,
  quantity: l.quantity,
  unitPriceCents: l.unitPriceCents,
  currency: l.currency,
});

/** The catalogue's main currency (that of its first product). */
export const shopCurrency = (catalog: Catalog) => catalog.products[0]?.currency ?? 'EUR';
