// Keeps a lead's cart lines and value in step with the cart(s) it follows.
import type { Catalog } from '../contracts/catalog';
import type { DB } from '../db/connection';
import { cartLines, replaceCartProducts } from '../db/leadProducts';
import { getLead, setCartValue } from '../db/leads';
import { cartValue, type PricedLine, priceLines, shopCurrency, toLeadProduct } from './pricing';

/** Writes priced cart lines onto the lead and, unless staff fixed its value, the cart's value. */
export function applyCart(db: DB, catalog: Catalog, leadId: number, lines: PricedLine[], now: number): void {
  replaceCartProducts(db, leadId, lines.map((l) => toLeadProduct(l, 'cart')), now);
  const value = cartValue(lines, shopCurrency(catalog));
  setCartValue(db, leadId, value.cents, value.currency, now);
}

/** Refreshes a customer's lead from the carts of all the customer's browsers. */
export function syncCustomerLead(db: DB, catalog: Catalog, leadId: number, now: number): void {
  const lead = getLead(db, leadId);
  if (!lead || lead.customerId === null) return;
  applyCart(db, catalog, leadId, priceLines(catalog, cartLines(db, { customerId: lead.customerId })), now);
}
