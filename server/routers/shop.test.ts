// Cart, wishlist and salesperson requests: scoped to the visitor, validated, token-protected.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { appRouter } from './_app';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

async function visitor(visitorId = '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10') {
  const caller = env.anonymous();
  const auth = await caller.session.start({ visitorId, mode: 'desktop' });
  return { caller, auth };
}

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

describe('cart', () => {
  it('adds, merges, prices with the variant difference, changes quantity and removes', async () => {
    const { caller, auth } = await visitor();
    await caller.shop.addToCart({ ...auth, productId: 'bergen-armchair', variantId: 'cognac' });
    let cart = await caller.shop.addToCart({ ...auth, productId: 'bergen-armchair', variantId: 'cognac', quantity: 2 });
    expect(cart.items).toEqual([
      expect.objectContaining({ productId: 'bergen-armchair', variantId: 'cognac', quantity: 3, unitPrice: 1199, name: 'Bergen Armchair', variantName: 'Cognac leather' }),
    ]);
    cart = await caller.shop.addToCart({ ...auth, productId: 'oslo-chair', variantId: 'sand' });
    expect(cart.totals).toEqual({ EUR: 3 * 1199 + 249 });
    cart = await caller.shop.setCartQuantity({ ...auth, productId: 'bergen-armchair', variantId: 'cognac', quantity: 1 });
    expect(cart.totals).toEqual({ EUR: 1199 + 249 });
    cart = await caller.shop.setCartQuantity({ ...auth, productId: 'bergen-armchair', variantId: 'cognac', quantity: 0 });
    expect(cart.items.map((i) => i.productId)).toEqual(['oslo-chair']);
  });

  it('keeps the cart for the visitor across sessions, and apart from other visitors', async () => {
    const first = await visitor();
    await first.caller.shop.addToCart({ ...first.auth, productId: 'fjord-sofa', variantId: 'oat' });
    const later = await visitor();
    expect((await later.caller.shop.cart(later.auth)).items).toHaveLength(1);
    const stranger = await visitor('9d6f3c1a-2b7e-4f10-8a3c-5e2d1f0a9b87');
    expect((await stranger.caller.shop.cart(stranger.auth)).items).toHaveLength(0);
  });

  it('refuses unknown products and variants, and bad quantities, without writing', async () => {
    const { caller, auth } = await visitor();
    expect((await errorOf(caller.shop.addToCart({ ...auth, productId: 'nope', variantId: 'x' }))).message).toBe('productId: "nope" is not in the catalogue');
    expect((await errorOf(caller.shop.addToCart({ ...auth, productId: 'oslo-chair', variantId: 'gold' }))).message).toBe(
      'variantId: "gold" is not a variant of Oslo Chair',
    );
    expect((await errorOf(caller.shop.addToCart({ ...auth, productId: 'oslo-chair', variantId: 'sand', quantity: 500 }))).message).toMatch(/^quantity: /);
    expect(env.deps.db.prepare('SELECT count(*) FROM cart_items').pluck().get()).toBe(0);
  });
});

describe('wishlist', () => {
  it('adds once, lists and removes', async () => {
    const { caller, auth } = await visitor();
    await caller.shop.addToWishlist({ ...auth, productId: 'halo-floor-lamp', variantId: 'ochre' });
    const list = await caller.shop.addToWishlist({ ...auth, productId: 'halo-floor-lamp', variantId: 'ochre' });
    expect(list).toEqual([{ productId: 'halo-floor-lamp', variantId: 'ochre', name: 'Halo Floor Lamp', variantName: 'Ochre shade' }]);
    expect(await caller.shop.removeFromWishlist({ ...auth, productId: 'halo-floor-lamp', variantId: 'ochre' })).toEqual([]);
  });
});

describe('requestContact', () => {
  it('stores a form request with contact details and a one-press request without', async () => {
    const { caller, auth } = await visitor();
    await caller.shop.requestContact({ ...auth, channel: 'form', name: ' Ana Lima ', email: 'Ana@Example.com', message: 'Does it come in green?', productId: 'fjord-sofa' });
    await caller.shop.requestContact({ ...auth, channel: 'one-press', productId: 'oslo-chair', variantId: 'navy' });
    const rows = env.deps.db.prepare('SELECT channel, name, email, product_id AS productId, status FROM service_requests ORDER BY id').all();
    expect(rows).toEqual([
      { channel: 'form', name: 'Ana Lima', email: 'ana@example.com', productId: 'fjord-sofa', status: 'open' },
      { channel: 'one-press', name: null, email: null, productId: 'oslo-chair', status: 'open' },
    ]);
  });

  it.each([
    [{ channel: 'form', email: 'ana@example.com' }, /^name: is needed/],
    [{ channel: 'form', name: 'Ana' }, /^email: give an email address or a phone number/],
    [{ channel: 'form', name: 'Ana', email: 'not-an-email' }, /^email: must be an email address/],
    [{ channel: 'form', name: 'Ana', phone: 'call me' }, /^phone: must be a phone number/],
    [{ channel: 'fax' }, /^channel: /],
  ])('refuses %o', async (input, message) => {
    const { caller, auth } = await visitor();
    expect((await errorOf(caller.shop.requestContact({ ...auth, ...input } as never))).message).toMatch(message);
    expect(env.deps.db.prepare('SELECT count(*) FROM service_requests').pluck().get()).toBe(0);
  });
});

describe('session write protection', () => {
  const sessionProcedures = Object.keys(appRouter._def.procedures).filter((p) => p === 'session.ingest' || p.startsWith('shop.'));

  it.each(sessionProcedures)("%s refuses another session's token", async (path) => {
    const a = await visitor();
    const b = await visitor('9d6f3c1a-2b7e-4f10-8a3c-5e2d1f0a9b87');
    const caller = a.caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const [ns, name] = path.split('.') as [string, string];
    const err = await errorOf(caller[ns]![name]!({ sessionId: a.auth.sessionId, token: b.auth.token }));
    expect(err.code).toBe('FORBIDDEN');
  });
});
