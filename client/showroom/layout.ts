// Lays the showroom out from the catalogue: one bay per zone, stands on a grid, the room around them.
import type { Catalog, Product, Zone } from '../../server/contracts/catalog';

export interface StandPlacement {
  product: Product;
  /** Centre of the stand on the floor, metres. */
  x: number;
  z: number;
  /** Rotation about the vertical axis, radians (products face the aisle). */
  rotationY: number;
  /** Stand top size, metres. */
  width: number;
  depth: number;
}

export interface ZonePlacement {
  zone: Zone;
  /** Centre of the bay, metres. */
  x: number;
  z: number;
  width: number;
}

export interface ShowroomLayout {
  stands: StandPlacement[];
  zones: ZonePlacement[];
  /** Inner size of the room, metres; the room is centred on x = 0, spans z from `minZ` to `maxZ`. */
  width: number;
  minZ: number;
  maxZ: number;
  /** Where a visitor starts, facing -z. */
  spawn: { x: number; z: number };
}

export const BAY_WIDTH = 5;
export const STAND_HEIGHT = 0.12;
const ROW_Z = [-4.2, -1.6, 1];
const COL_X = [-1.2, 1.2];

/** Places every product of every zone; products of a zone fill a 2-column grid, front to back. */
export function layoutShowroom(catalog: Pick<Catalog, 'zones' | 'products'>): ShowroomLayout {
  const n = catalog.zones.length;
  const zones: ZonePlacement[] = catalog.zones.map((zone, i) => ({ zone, x: (i - (n - 1) / 2) * BAY_WIDTH, z: -1.5, width: BAY_WIDTH }));
  const stands: StandPlacement[] = [];
  for (const zp of zones) {
    const items = catalog.products.filter((p) => p.category === zp.zone.category);
    const perColumn = Math.max(ROW_Z.length, Math.ceil(items.length / COL_X.length));
    items.forEach((product, i) => {
      const col = i % COL_X.length;
      const row = Math.floor(i / COL_X.length);
      const z = perColumn === ROW_Z.length ? ROW_Z[row]! : -4.2 + (row * 5.2) / Math.max(1, perColumn - 1);
      const { width, depth } = product.dimensions;
      stands.push({
        product,
        x: zp.x + COL_X[col]!,
        z,
        rotationY: col === 0 ? Math.PI / 8 : -Math.PI / 8,
        width: Math.min(2.6, Math.max(0.7, width + 0.3)),
        depth: Math.min(2.0, Math.max(0.7, depth + 0.3)),
      });
    });
  }
  const width = Math.max(12, n * BAY_WIDTH + 2);
  return { stands, zones, width, minZ: -7, maxZ: 7, spawn: { x: 0, z: 5 } };
}
