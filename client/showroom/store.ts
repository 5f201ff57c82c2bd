// Showroom UI state that changes on user actions (never per frame): catalogue, hover, selection, variants, views.
import { create } from 'zustand';
import type { Catalog, Product, Variant } from '../../server/contracts/catalog';
import type { Mode } from '../../server/contracts/events';

/** Which in-scene panel is open. `bag` is the cart and wishlist view. */
export type PanelView = 'product' | 'bag' | null;

export interface ShowroomState {
  catalog: Catalog | null;
  hoveredId: string | null;
  selectedId: string | null;
  /** Chosen variant per product id (absent = the product's first variant). */
  variants: Record<string, string>;
  panel: PanelView;
  /** The selected product is lifted in front of the visitor to turn and zoom. */
  inspecting: boolean;
  /** Inspect distance factor: 1 = default, smaller = closer. */
  zoom: number;
  /** How many in-scene UI elements a pointer is over (the canvas then does not start mouse look). */
  uiHover: number;
  /** Desktop form for asking a salesperson, about this product (or none). */
  contactForm: { productId?: string; variantId?: string } | null;
  /** Models loaded so far / to load. */
  loading: { loaded: number; total: number };
  /** How the showroom is being viewed now (set when a VR or AR session starts and ends). */
  mode: Mode;
  setCatalog(c: Catalog): void;
  set(partial: Partial<ShowroomState>): void;
}

export const useShowroom = create<ShowroomState>()((set) => ({
  catalog: null,
  hoveredId: null,
  selectedId: null,
  variants: {},
  panel: null,
  inspecting: false,
  zoom: 1,
  uiHover: 0,
  contactForm: null,
  loading: { loaded: 0, total: 0 },
  mode: 'desktop',
  setCatalog: (catalog) => set({ catalog }),
  set: (partial) => set(partial),
}));

/** The product with this id in the loaded catalogue. */
export function productById(id: string | null | undefined): Product | undefined {
  if (!id) return undefined;
  return useShowroom.getState().catalog?.products.find((p) => p.id === id);
}

/** The variant currently chosen for a product. */
export function variantOf(product: Product, variants = useShowroom.getState().variants): Variant {
  const id = variants[product.id];
  return product.variants.find((v) => v.id === id) ?? product.variants[0]!;
}

/** Counts a pointer entering (+1) or leaving (-1) an in-scene UI element. */
export function markUiHover(delta: 1 | -1): void {
  useShowroom.setState((s) => ({ uiHover: Math.max(0, s.uiHover + delta) }));
}
