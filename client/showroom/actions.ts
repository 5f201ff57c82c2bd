// What a visitor does to products (hover, select, variant, inspect, close), each recorded through track().
import type { InputKind } from '../../server/contracts/events';
import { track } from '../telemetry/recorder';
import { productById, useShowroom, variantOf } from './store';

/** Hovers in progress: product id -> [pointers over it, start time ms]. */
const hovers = new Map<string, { count: number; since: number }>();
let inspectSince = 0;

/** A pointer entered a product. Several pointers (two controllers) count as one hover. */
export function hoverStart(productId: string, input: InputKind): void {
  const h = hovers.get(productId);
  if (h) {
    h.count++;
    return;
  }
  hovers.set(productId, { count: 1, since: performance.now() });
  useShowroom.getState().set({ hoveredId: productId });
  const product = productById(productId);
  track({ type: 'product_hover_start', input, productId, ...(product ? { variantId: variantOf(product).id } : {}) });
}

/** A pointer left a product; the hover ends when the last one leaves. */
export function hoverEnd(productId: string, input: InputKind): void {
  const h = hovers.get(productId);
  if (!h) return;
  if (--h.count > 0) return;
  hovers.delete(productId);
  if (useShowroom.getState().hoveredId === productId) useShowroom.getState().set({ hoveredId: null });
  track({ type: 'product_hover_end', input, productId, props: { durationMs: Math.round(performance.now() - h.since) } });
}

/** Selects a product and opens its panel (ending an inspection of another one). */
export function selectProduct(productId: string, input: InputKind): void {
  const s = useShowroom.getState();
  const product = productById(productId);
  if (!product) return;
  if (s.inspecting && s.selectedId !== productId) endInspect(input);
  s.set({ selectedId: productId, panel: 'product' });
  track({ type: 'product_select', input, productId, variantId: variantOf(product).id });
}

/** Closes the open panel (ending any inspection). */
export function closePanel(input: InputKind): void {
  const s = useShowroom.getState();
  if (s.inspecting) endInspect(input);
  if (s.panel === 'product' && s.selectedId) track({ type: 'panel_close', input, productId: s.selectedId });
  // The panel's elements vanish under the pointer without a leave event: nothing in-scene is hovered any more.
  s.set({ panel: null, selectedId: null, uiHover: 0 });
}

/** Switches a product to a variant; the scene shows the new material at once. */
export function setVariant(productId: string, variantId: string, input: InputKind): void {
  const product = productById(productId);
  if (!product || !product.variants.some((v) => v.id === variantId)) return;
  const from = variantOf(product).id;
  if (from === variantId) return;
  useShowroom.setState((s) => ({ variants: { ...s.variants, [productId]: variantId } }));
  track({ type: 'variant_change', input, productId, variantId, props: { from } });
}

/** Steps through a product's variants (`step` = +1 next, -1 previous), wrapping around. */
export function cycleVariant(productId: string, step: 1 | -1, input: InputKind): void {
  const product = productById(productId);
  if (!product) return;
  const i = product.variants.findIndex((v) => v.id === variantOf(product).id);
  setVariant(productId, product.variants[(i + step + product.variants.length) % product.variants.length]!.id, input);
}

/** Lifts the selected product in front of the visitor to turn and zoom it. */
export function startInspect(input: InputKind): void {
  const s = useShowroom.getState();
  const product = productById(s.selectedId);
  if (!product || s.inspecting) return;
  inspectSince = performance.now();
  s.set({ inspecting: true, zoom: 1 });
  track({ type: 'inspect_start', input, productId: product.id, variantId: variantOf(product).id });
}

/** Puts the inspected product back; the event carries how long it was inspected. */
export function endInspect(input: InputKind): void {
  const s = useShowroom.getState();
  const product = productById(s.selectedId);
  if (!product || !s.inspecting) return;
  s.set({ inspecting: false, uiHover: 0 });
  track({ type: 'inspect_end', input, productId: product.id, variantId: variantOf(product).id, props: { durationMs: Math.round(performance.now() - inspectSince) } });
}

/** Opens the cart and wishlist view (closing the product panel). */
export function openBag(input: InputKind): void {
  const s = useShowroom.getState();
  if (s.panel === 'product') closePanel(input);
  useShowroom.getState().set({ panel: 'bag' });
}

/** A "You may also like" entry was pressed in the panel of `fromId`: records it, then selects the recommended product. */
export function selectRecommended(productId: string, fromId: string, position: number, input: InputKind): void {
  const product = productById(productId);
  if (!product) return;
  track({ type: 'recommendation_click', input, productId, variantId: variantOf(product).id, props: { from: fromId, position } });
  selectProduct(productId, input);
}
