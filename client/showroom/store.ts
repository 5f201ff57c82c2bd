// Showroom UI state that changes on user actions (never per frame): catalogue, selection, hover.
import { create } from 'zustand';
import type { Catalog, Product } from '../../server/contracts/catalog';

export interface ShowroomState {
  catalog: Catalog | null;
  selectedId: string | null;
  hoveredId: string | null;
  /** Chosen variant per product id. */
  variants: Record<string, string>;
  setCatalog(c: Catalog): void;
  select(id: string | null): void;
  hover(id: string | null): void;
}

export const useShowroom = create<ShowroomState>()((set) => ({
  catalog: null,
  selectedId: null,
  hoveredId: null,
  variants: {},
  setCatalog: (catalog) => set({ catalog }),
  select: (selectedId) => set({ selectedId }),
  hover: (hoveredId) => set({ hoveredId }),
}));

/** The product with this id in the loaded catalogue. */
export function productById(id: string | null): Product | undefined {
  if (!id) return undefined;
  return useShowroom.getState().catalog?.products.find((p) => p.id === id);
}
