// The visitor's cart, wishlist and salesperson requests: server calls (shop.*) and their telemetry, in one store.
import { create } from 'zustand';
import type { InputKind } from '../../server/contracts/events';
import type { Cart, WishlistLine } from '../../server/contracts/shop';
import { api } from '../api';
import { currentSession, type SessionCredentials, track } from '../telemetry/recorder';

export interface ShopMessage {
  text: string;
  kind: 'ok' | 'error';
  /** Increases with every message so the UI can tell two equal texts apart. */
  id: number;
}

export interface ShopState {
  cart: Cart;
  wishlist: WishlistLine[];
  /** A request is in flight. */
  busy: boolean;
  message: ShopMessage | null;
}

export const useShop = create<ShopState>()(() => ({ cart: { items: [], totals: {} }, wishlist: [], busy: false, message: null }));

let session: Promise<SessionCredentials> | null = null;
let messageId = 0;

function say(text: string, kind: ShopMessage['kind'] = 'ok'): void {
  useShop.setState({ message: { text, kind, id: ++messageId } });
}

/** Runs a shop call with the session's credentials; failures become a message the visitor can read. */
async function call<T>(what: string, fn: (auth: { sessionId: string; token: string }) => Promise<T>): Promise<T | null> {
  if (!session) throw new Error('connectShop() was not called');
  useShop.setState({ busy: true });
  try {
    // The page's current session: a new one replaces a session the server refused.
    const s = currentSession() ?? (await session);
    return await fn({ sessionId: s.sessionId, token: s.token });
  } catch (err) {
    say(`Could not ${what}: ${(err as Error).message}`, 'error');
    return null;
  } finally {
    useShop.setState({ busy: false });
  }
}

/** Binds the shop to the visitor's session and loads the saved cart and wishlist. */
export async function connectShop(s: Promise<SessionCredentials>): Promise<void> {
  session = s;
  const [cart, wishlist] = await Promise.all([call('load the cart', (a) => api.shop.cart.query(a)), call('load the wishlist', (a) => api.shop.wishlist.query(a))]);
  useShop.setState({ ...(cart ? { cart } : {}), ...(wishlist ? { wishlist } : {}) });
}

/** How many of this product variant are in the cart. */
export function cartQuantity(productId: string, variantId: string, cart = useShop.getState().cart): number {
  return cart.items.find((l) => l.productId === productId && l.variantId === variantId)?.quantity ?? 0;
}

export function isWished(productId: string, variantId: string, wishlist = useShop.getState().wishlist): boolean {
  return wishlist.some((l) => l.productId === productId && l.variantId === variantId);
}

/** Adds one item to the cart. */
export async function addToCart(productId: string, variantId: string, input: InputKind): Promise<void> {
  const cart = await call('add to the cart', (a) => api.shop.addToCart.mutate({ ...a, productId, variantId, quantity: 1 }));
  if (!cart) return;
  useShop.setState({ cart });
  track({ type: 'cart_add', input, productId, variantId, props: { quantity: 1 } });
  say('Added to your cart');
}

/** Sets a cart line's quantity (0 removes it); logs the difference as cart_add or cart_remove. */
export async function setQuantity(productId: string, variantId: string, quantity: number, input: InputKind): Promise<void> {
  const before = cartQuantity(productId, variantId);
  const q = Math.max(0, Math.min(99, Math.round(quantity)));
  if (q === before) return;
  const cart = await call('change the cart', (a) => api.shop.setCartQuantity.mutate({ ...a, productId, variantId, quantity: q }));
  if (!cart) return;
  useShop.setState({ cart });
  if (q > before) track({ type: 'cart_add', input, productId, variantId, props: { quantity: q - before } });
  else track({ type: 'cart_remove', input, productId, variantId, props: { quantity: before - q } });
}

/** Adds the variant to the wishlist, or removes it when it is already there. */
export async function toggleWishlist(productId: string, variantId: string, input: InputKind): Promise<void> {
  const remove = isWished(productId, variantId);
  const list = await call(remove ? 'change the wishlist' : 'add to the wishlist', (a) =>
    remove ? api.shop.removeFromWishlist.mutate({ ...a, productId, variantId }) : api.shop.addToWishlist.mutate({ ...a, productId, variantId }),
  );
  if (!list) return;
  useShop.setState({ wishlist: list });
  track({ type: remove ? 'wishlist_remove' : 'wishlist_add', input, productId, variantId });
  say(remove ? 'Removed from your wishlist' : 'Saved to your wishlist');
}

export interface ContactDetails {
  productId?: string;
  variantId?: string;
  name?: string;
  email?: string;
  phone?: string;
  message?: string;
}

/**
 * Asks for a salesperson: `form` with the visitor's details (desktop), `one-press` with none (in VR).
 * Resolves to true when the request was stored; a refused form leaves its reason in the shop message.
 */
export async function requestContact(channel: 'form' | 'one-press', details: ContactDetails, input: InputKind): Promise<boolean> {
  const res = await call('send your request', (a) => api.shop.requestContact.mutate({ ...a, channel, ...details }));
  if (!res) return false;
  track({ type: 'contact_request', input, ...(details.productId ? { productId: details.productId } : {}), ...(details.variantId ? { variantId: details.variantId } : {}), props: { channel } });
  say('A salesperson will contact you soon');
  return true;
}
