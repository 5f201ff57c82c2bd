// "You may also like" for the product panel: asked of the server once per product and page, kept in a small store.
import { create } from 'zustand';
import { api } from '../api';

/** How many recommendations the panel shows. */
export const PANEL_RECOMMENDATIONS = 3;

export const useRecommendations = create<{ byProduct: Record<string, string[]> }>(() => ({ byProduct: {} }));
const pending = new Set<string>();

/** Fetches the recommendations of a product unless known or on the way; a failure leaves the list empty until the next try. */
export function loadRecommendations(productId: string): void {
  if (pending.has(productId) || useRecommendations.getState().byProduct[productId]) return;
  pending.add(productId);
  api.recommendations.forProduct
    .query({ productId, limit: PANEL_RECOMMENDATIONS })
    .then(
      (r) => useRecommendations.setState((s) => ({ byProduct: { ...s.byProduct, [productId]: r.items.map((i) => i.productId) } })),
      () => undefined,
    )
    .finally(() => pending.delete(productId));
}
