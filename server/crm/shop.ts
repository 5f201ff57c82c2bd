// The customer's cart, wishlist and salesperson requests: checked against the catalogue, and a cart change keeps the visitor's lead in step in the same transaction.
import { TRPCError } from '@trpc/server';
import type { Catalog, Product } from '../contracts/catalog';
import type { Cart, ContactRequest, WishlistLine } from '../contracts/shop';
import type { DB } from '../db/connection';
import { addToCart, addToWishlist, cartRows, removeFromWishlist, setCartQuantity, wishlistRows } from '../db/shop';
import type { CrmDeps } from './actors';
import { recordContactRequest, syncCartLead } from './visitors';

/** The browser session a customer procedure acts for (checked against its write token). */
export interface Visitor {
  sessionId: string;
  visitorId: string;
}

type ItemRef = { productId: string; variantId: string };

/** The product and variant a reference names, or a BAD_REQUEST naming the field. */
function resolveItem(catalog: Catalog, ref: { productId: string; variantId?: string | undefined }) {
  const product = catalog.products.find((p) => p.id === ref.productId);
  if (!product) throw new TRPCError({ code: 'BAD_REQUEST', message: `productId: "${ref.productId}" is not in the catalogue` });
  if (ref.variantId === undefined) return { product, variant: undefined };
  const variant = product.variants.find((v) => v.id === ref.variantId);
  if (!variant) throw new TRPCError({ code: 'BAD_REQUEST', message: `variantId: "${ref.variantId}" is not a variant of ${product.name}` });
  return { product, variant };
}

function lineNames(product: Product, variantId: string) {
  const variant = product.variants.find((v) => v.id === variantId);
  return { name: product.name, variantName: variant?.name ?? variantId, unitPrice: Math.round((product.price + (variant?.priceDelta ?? 0)) * 100) / 100 };
}

/** The visitor's cart priced from the current catalogue, major units (lines of withdrawn products are left out). */
export function visitorCart(deps: Pick<CrmDeps, 'db' | 'catalog'>, visitor: Visitor): Cart {
  const cart: Cart = { items: [], totals: {} };
  for (const row of cartRows(deps.db, visitor.visitorId)) {
    const product = deps.catalog.products.find((p) => p.id === row.productId);
    if (!product) continue;
    const { name, variantName, unitPrice } = lineNames(product, row.variantId);
    cart.items.push({ ...row, name, variantName, unitPrice, currency: product.currency });
    cart.totals[product.currency] = Math.round(((cart.totals[product.currency] ?? 0) + unitPrice * row.quantity) * 100) / 100;
  }
  return cart;
}

/** The visitor's wishlist named from the current catalogue (withdrawn products are left out). */
export function visitorWishlist(deps: Pick<CrmDeps, 'db' | 'catalog'>, visitor: Visitor): WishlistLine[] {
  return wishlistRows(deps.db, visitor.visitorId).flatMap((row) => {
    const product = deps.catalog.products.find((p) => p.id === row.productId);
    if (!product) return [];
    const { name, variantName } = lineNames(product, row.variantId);
    return [{ ...row, name, variantName }];
  });
}

/** Changes the cart with `write` and brings the visitor's lead in step, in one transaction; returns the priced cart. */
function changeCart(deps: CrmDeps, item: ItemRef, visitor: Visitor, write: (db: DB, now: number) => void): Cart {
  resolveItem(deps.catalog, item);
  const now = deps.now();
  deps.db.transaction(() => {
    write(deps.db, now);
    syncCartLead(deps.db, deps.catalog, visitor.visitorId, now);
  })();
  return visitorCart(deps, visitor);
}

/** Adds `quantity` of a catalogue item to the visitor's cart (BAD_REQUEST for an unknown product or variant). */
export function addCartItem(deps: CrmDeps, input: ItemRef & { quantity: number }, visitor: Visitor): Cart {
  return changeCart(deps, input, visitor, (db, now) => addToCart(db, visitor.visitorId, input, now));
}

/** Sets a cart line's quantity; 0 removes the line. */
export function setCartItemQuantity(deps: CrmDeps, input: ItemRef & { quantity: number }, visitor: Visitor): Cart {
  return changeCart(deps, input, visitor, (db, now) => void setCartQuantity(db, visitor.visitorId, input, now));
}

/** Adds a catalogue item to the visitor's wishlist (BAD_REQUEST for an unknown product or variant); returns the wishlist. */
export function addWishlistItem(deps: CrmDeps, input: ItemRef, visitor: Visitor): WishlistLine[] {
  resolveItem(deps.catalog, input);
  addToWishlist(deps.db, visitor.visitorId, input, deps.now());
  return visitorWishlist(deps, visitor);
}

/** Removes an item from the visitor's wishlist (no error when it was not there); returns the wishlist. */
export function removeWishlistItem(deps: CrmDeps, input: ItemRef, visitor: Visitor): WishlistLine[] {
  removeFromWishlist(deps.db, visitor.visitorId, input);
  return visitorWishlist(deps, visitor);
}

/**
 * Asks for a salesperson (the desktop form, which makes the visitor a CRM customer, or the one-press
 * request from VR); the product named, if any, must be in the catalogue. Returns the request's id.
 */
export function requestSalesperson(deps: CrmDeps, input: ContactRequest, visitor: Visitor): { requestId: number } {
  if (input.productId) resolveItem(deps.catalog, { productId: input.productId, variantId: input.variantId });
  const id = recordContactRequest(deps.db, deps.catalog, { ...input, visitorId: visitor.visitorId, sessionId: visitor.sessionId, now: deps.now() });
  return { requestId: id };
}
