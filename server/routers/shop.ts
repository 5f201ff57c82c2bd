// Customer procedures for the cart, the wishlist and asking for a salesperson (all need the session token).
import { TRPCError } from '@trpc/server';
import type { Catalog, Product } from '../contracts/catalog';
import { addToCartSchema, type Cart, contactRequestSchema, itemRefSchema, setCartQuantitySchema, type WishlistLine } from '../contracts/shop';
import { recordContactRequest, syncCartLead } from '../crm/visitors';
import { addToCart, addToWishlist, cartRows, removeFromWishlist, setCartQuantity, wishlistRows } from '../db/shop';
import { router, visitorProcedure } from '../trpc';

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

/** The visitor's cart priced from the current catalogue (lines of withdrawn products are left out). */
export function priceCart(catalog: Catalog, rows: { productId: string; variantId: string; quantity: number }[]): Cart {
  const cart: Cart = { items: [], totals: {} };
  for (const row of rows) {
    const product = catalog.products.find((p) => p.id === row.productId);
    if (!product) continue;
    const { name, variantName, unitPrice } = lineNames(product, row.variantId);
    cart.items.push({ ...row, name, variantName, unitPrice, currency: product.currency });
    cart.totals[product.currency] = Math.round(((cart.totals[product.currency] ?? 0) + unitPrice * row.quantity) * 100) / 100;
  }
  return cart;
}

function wishlist(catalog: Catalog, visitorId: string, db: Parameters<typeof wishlistRows>[0]): WishlistLine[] {
  return wishlistRows(db, visitorId).flatMap((row) => {
    const product = catalog.products.find((p) => p.id === row.productId);
    if (!product) return [];
    const { name, variantName } = lineNames(product, row.variantId);
    return [{ ...row, name, variantName }];
  });
}

export const shopRouter = router({
  cart: visitorProcedure.query(({ ctx }) => priceCart(ctx.catalog, cartRows(ctx.db, ctx.visitor.visitorId))),

  addToCart: visitorProcedure.input(addToCartSchema).mutation(({ ctx, input }) => {
    resolveItem(ctx.catalog, input);
    ctx.db.transaction(() => {
      addToCart(ctx.db, ctx.visitor.visitorId, input, ctx.now());
      syncCartLead(ctx.db, ctx.catalog, ctx.visitor.visitorId, ctx.now());
    })();
    return priceCart(ctx.catalog, cartRows(ctx.db, ctx.visitor.visitorId));
  }),

  /** Sets a line's quantity; 0 removes the line. */
  setCartQuantity: visitorProcedure.input(setCartQuantitySchema).mutation(({ ctx, input }) => {
    resolveItem(ctx.catalog, input);
    ctx.db.transaction(() => {
      setCartQuantity(ctx.db, ctx.visitor.visitorId, input, ctx.now());
      syncCartLead(ctx.db, ctx.catalog, ctx.visitor.visitorId, ctx.now());
    })();
    return priceCart(ctx.catalog, cartRows(ctx.db, ctx.visitor.visitorId));
  }),

  wishlist: visitorProcedure.query(({ ctx }) => wishlist(ctx.catalog, ctx.visitor.visitorId, ctx.db)),

  addToWishlist: visitorProcedure.input(itemRefSchema).mutation(({ ctx, input }) => {
    resolveItem(ctx.catalog, input);
    addToWishlist(ctx.db, ctx.visitor.visitorId, input, ctx.now());
    return wishlist(ctx.catalog, ctx.visitor.visitorId, ctx.db);
  }),

  removeFromWishlist: visitorProcedure.input(itemRefSchema).mutation(({ ctx, input }) => {
    removeFromWishlist(ctx.db, ctx.visitor.visitorId, input);
    return wishlist(ctx.catalog, ctx.visitor.visitorId, ctx.db);
  }),

  /**
   * Asks for a salesperson: the desktop form with contact details (which makes the visitor a CRM
   * customer), or the one-press request from VR. Either lands on the visitor's lead.
   */
  requestContact: visitorProcedure.input(contactRequestSchema).mutation(({ ctx, input }) => {
    if (input.productId) resolveItem(ctx.catalog, { productId: input.productId, variantId: input.variantId });
    const id = recordContactRequest(ctx.db, ctx.catalog, { ...input, visitorId: ctx.visitor.visitorId, sessionId: ctx.visitor.sessionId, now: ctx.now() });
    return { requestId: id };
  }),
});
