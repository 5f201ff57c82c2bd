// Customer procedures for the cart, the wishlist and asking for a salesperson (all need the session token).
import { addToCartSchema, contactRequestSchema, itemRefSchema, setCartQuantitySchema } from '../contracts/shop';
import { addCartItem, addWishlistItem, removeWishlistItem, requestSalesperson, setCartItemQuantity, visitorCart, visitorWishlist } from '../crm/shop';
import { router, visitorProcedure } from '../trpc';

export const shopRouter = router({
  cart: visitorProcedure.query(({ ctx }) => visitorCart(ctx, ctx.visitor)),

  addToCart: visitorProcedure.input(addToCartSchema).mutation(({ ctx, input }) => addCartItem(ctx, input, ctx.visitor)),

  /** Sets a line's quantity; 0 removes the line. */
  setCartQuantity: visitorProcedure.input(setCartQuantitySchema).mutation(({ ctx, input }) => setCartItemQuantity(ctx, input, ctx.visitor)),

  wishlist: visitorProcedure.query(({ ctx }) => visitorWishlist(ctx, ctx.visitor)),

  addToWishlist: visitorProcedure.input(itemRefSchema).mutation(({ ctx, input }) => addWishlistItem(ctx, input, ctx.visitor)),

  removeFromWishlist: visitorProcedure.input(itemRefSchema).mutation(({ ctx, input }) => removeWishlistItem(ctx, input, ctx.visitor)),

  /**
   * Asks for a salesperson: the desktop form with contact details (which makes the visitor a CRM
   * customer), or the one-press request from VR. Either lands on the visitor's lead.
   */
  requestContact: visitorProcedure.input(contactRequestSchema).mutation(({ ctx, input }) => requestSalesperson(ctx, input, ctx.visitor)),
});
