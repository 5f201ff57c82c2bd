// Customer actions shared by every device: close the panel, change a product's variant; each one is logged.
import type { InputKind } from '../../server/contracts/events';
import { track } from '../telemetry/recorder';
import { productById, useShowroom } from './store';

/** Closes the product panel, if open. */
export function closePanel(input: InputKind): void {
  const id = useShowroom.getState().selectedId;
  if (!id) return;
  track({ type: 'panel_close', input, productId: id });
  useShowroom.getState().select(null);
}

/** Steps through a product's variants (`step` = +1 next, -1 previous), wrapping around. */
export function cycleVariant(productId: string, step: 1 | -1, input: InputKind): void {
  const product = productById(productId);
  if (!product) return;
  const current = useShowroom.getState().variants[productId] ?? product.variants[0]!.id;
  const i = product.variants.findIndex((v) => v.id === current);
  const next = product.variants[(i + step + product.variants.length) % product.variants.length]!;
  if (next.id === current) return;
  useShowroom.getState().setVariant(productId, next.id);
  track({ type: 'variant_change', input, productId, variantId: next.id, props: { from: current } });
}
