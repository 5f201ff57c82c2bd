// Runs a recognised voice command through the same actions a click, a swatch or a button uses, with input 'voice'.
import type { InputKind } from '../../server/contracts/events';
import { addToCart, isWished, requestContact, toggleWishlist } from '../shop/shop';
import { closePanel, selectProduct, setVariant, startInspect } from '../showroom/actions';
import { formatPrice } from '../showroom/format';
import { requestTeleport, requestWalkTo } from '../showroom/input/intents';
import { layoutShowroom, type ShowroomLayout } from '../showroom/layout';
import { isWalkable } from '../showroom/navigation';
import { productById, useShowroom, variantOf } from '../showroom/store';
import type { VoiceCommand } from './grammar';
import { phraseOf } from './words';

const INPUT: InputKind = 'voice';
/** How far in front of a product the visitor is taken, metres. */
const STAND_OFF = 1.8;
/** Event the help overlay listens for. */
export const HELP_EVENT = 'showroom:help';

let layoutFor: { catalog: unknown; layout: ShowroomLayout } | null = null;
function layout(): ShowroomLayout | null {
  const catalog = useShowroom.getState().catalog;
  if (!catalog) return null;
  if (layoutFor?.catalog !== catalog) layoutFor = { catalog, layout: layoutShowroom(catalog) };
  return layoutFor.layout;
}

/** Walks (screens) or teleports (headset) to a free floor point near (x, z) on the side facing (dx, dz). */
function goNear(x: number, z: number, dx: number, dz: number): void {
  for (const d of [STAND_OFF, STAND_OFF + 0.6, STAND_OFF + 1.2, STAND_OFF - 0.5]) {
    const tx = x + dx * d;
    const tz = z + dz * d;
    if (!isWalkable(tx, tz)) continue;
    if (useShowroom.getState().mode === 'desktop') requestWalkTo(tx, tz);
    else requestTeleport(tx, tz);
    return;
  }
}

function goToProduct(productId: string): void {
  const p = layout()?.placements.find((pl) => pl.product.id === productId);
  if (p) goNear(p.x, p.z, Math.sin(p.rotationY), Math.cos(p.rotationY));
  selectProduct(productId, INPUT);
}

/** The product a command about "it" means: the open one, else the one pointed at. */
function current() {
  const s = useShowroom.getState();
  return productById(s.selectedId) ?? productById(s.hoveredId);
}

/** Runs `cmd`; resolves to the line to show the visitor (what was done, or why not). */
export async function runCommand(cmd: VoiceCommand): Promise<{ text: string; ok: boolean }> {
  const s = useShowroom.getState();
  const catalog = s.catalog;
  if (!catalog) return { text: 'The showroom is still loading', ok: false };
  switch (cmd.action) {
    case 'show':
      goToProduct(cmd.productId);
      return { text: `Going to ${productById(cmd.productId)?.name ?? 'it'}`, ok: true };
    case 'zone': {
      const z = layout()?.zones.find((zp) => zp.zone.id === cmd.zoneId);
      if (z) goNear(z.x, z.z, 0, 1);
      return { text: `Going to ${z?.zone.name ?? 'it'}`, ok: true };
    }
    case 'next':
    case 'previous': {
      const list = catalog.products;
      const i = list.findIndex((p) => p.id === current()?.id);
      const step = cmd.action === 'next' ? 1 : -1;
      const next = list[(i + step + list.length) % list.length]!;
      goToProduct(next.id);
      return { text: `Going to ${next.name}`, ok: true };
    }
    case 'help':
      window.dispatchEvent(new Event(HELP_EVENT));
      return { text: 'Here is what you can say', ok: true };
    case 'close':
      closePanel(INPUT);
      return { text: 'Closed', ok: true };
    case 'salesperson': {
      // As the panel's button: one press in a headset, the short form on a screen; about the open product, if any.
      const p = current();
      const about = p ? { productId: p.id, variantId: variantOf(p).id } : {};
      if (s.mode !== 'desktop') {
        const sent = await requestContact('one-press', about, INPUT);
        return sent ? { text: 'A salesperson will contact you soon', ok: true } : { text: 'The request could not be sent', ok: false };
      }
      useShowroom.getState().set({ contactForm: about });
      return { text: 'Tell us how to reach you', ok: true };
    }
    default:
      break;
  }
  const product = current();
  if (!product) return { text: "Open a product first, e.g. 'show me the Oslo chair'", ok: false };
  if (s.selectedId !== product.id) selectProduct(product.id, INPUT);
  const variant = variantOf(product);
  switch (cmd.action) {
    case 'variant': {
      const v = product.variants.find((x) => phraseOf(x.name) === cmd.variant) ?? product.variants.find((x) => phraseOf(x.name).split(' ').includes(cmd.variant.split(' ')[0]!));
      if (!v) return { text: `${product.name} does not come in ${cmd.variant}`, ok: false };
      setVariant(product.id, v.id, INPUT);
      return { text: `${product.name} in ${v.name}`, ok: true };
    }
    case 'cart':
      await addToCart(product.id, variant.id, INPUT);
      return { text: `Added ${product.name} to your cart`, ok: true };
    case 'wishlist':
      if (!isWished(product.id, variant.id)) await toggleWishlist(product.id, variant.id, INPUT);
      return { text: `${product.name} is on your wishlist`, ok: true };
    case 'cost':
      return { text: `${product.name}: ${formatPrice(product.price + variant.priceDelta, product.currency)}`, ok: true };
    case 'turn':
      startInspect(INPUT);
      return { text: `Drag ${product.name} to turn it`, ok: true };
  }
  return { text: '', ok: false };
}
