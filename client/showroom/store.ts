// Showroom UI state that changes on user actions (never per frame): catalogue, selection, hover.
import { create } from 'zustand';
import type { Catalog, Product } from '../../server/contracts/catalog';
import type { Mode } from '../../server/contracts/events';

export interface ShowroomState {
  catalog: Catalog | null;
  selectedId: string | null;
  hoveredId: string | null;
  /** Chosen variant per product id. */
  variants: Record<string, string>;
  /** How the showroom is being viewed now. */
  mode: Mode;
  setMode(mode: Mode): void;
  setCatalog(c: Catalog): void;
  setVariant(productId: string, variantId: string): void;
  select(id: string | null): void;
  hover(id: string | null): void;
}

export const useShowroom = create<ShowroomState>()((set) => ({
  catalog: null,
  selectedId: null,
  hoveredId: null,
  variants: {},
  mode: 'desktop',
  setMode: (mode) => set({ mode }),
  setCatalog: (catalog) => set({ catalog }),
  setVariant: (productId, variantId) => set((s) => ({ variants: { ...s.variants, [productId]: variantId } })),
  select: (selectedId) => set({ selectedId }),
  hover: (hoveredId) => set({ hoveredId }),
}));

/** The product with this id in the loaded catalogue. */
export function productById(id: string | null): Product | undefined {
  if (!id) return undefined;
  return useShowroom.getState().catalog?.products.find((p) => p.id === id);
}
