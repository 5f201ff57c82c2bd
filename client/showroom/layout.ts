// Lays the showroom out from the catalogue: a bay per zone with two rows of displays, the room around them.
import type { Catalog, DisplayKind, Product, Zone } from '../../server/contracts/catalog';

/** Where one product instance stands and on what. All lengths in metres, angles in radians. */
export interface Placement {
  product: Product;
  display: DisplayKind;
  /** Position of the product's origin (centre of its footprint, bottom). */
  x: number;
  y: number;
  z: number;
  /** Rotation about +Y; 0 faces the aisle (+z). */
  rotationY: number;
  /** The fixture under or behind the product: platform or pedestal footprint, or wall panel width. */
  fixture: { x: number; z: number; width: number; depth: number; height: number };
  /** The price tag: board centre and the yaw it faces. */
  tag: { x: number; y: number; z: number; rotationY: number };
}

export interface ZonePlacement {
  zone: Zone;
  /** Centre and size of the bay on the floor. */
  x: number;
  z: number;
  width: number;
  depth: number;
}

export interface ShowroomLayout {
  placements: Placement[];
  zones: ZonePlacement[];
  /** Inner size of the room: centred on x = 0, from `minZ` to `maxZ`, `height` to the ceiling. */
  width: number;
  minZ: number;
  maxZ: number;
  height: number;
  /** Where a visitor starts, facing -z. */
  spawn: { x: number; z: number };
}

export const ROOM_HEIGHT = 3.4;
export const PLATFORM_HEIGHT = 0.03;
export const PEDESTAL_HEIGHT = 0.8;
/** Height of the centre of a wall-hung product, near eye level. */
export const WALL_ITEM_CENTRE = 1.5;
export const WALL_PANEL = { height: 2.5, thickness: 0.1 };
/** Underside of the ceiling panel a pendant hangs from. */
export const CEILING_PANEL_Y = 2.65;
const TAG_HEIGHT = 0.82;
const BACK_ROW_Z = -3.6;
const FRONT_ROW_Z = -1.2;
const BACK_WALL_Z = -5.2;
const SLOT_GAP = 0.9;

function slotWidth(p: Product): number {
  return p.display === 'wall' ? Math.max(1.1, p.dimensions.width + 0.5) : Math.max(0.9, p.dimensions.width + 0.3) + SLOT_GAP;
}

/** The fixture, product height and tag for a product whose slot centre is (x, z). */
function place(product: Product, x: number, z: number, rotationY: number): Placement {
  const { width: w, depth: d, height: h } = product.dimensions;
  const display = product.display;
  if (display === 'wall') {
    const panelW = Math.max(1.1, w + 0.5);
    const front = z + WALL_PANEL.thickness / 2;
    return {
      product, display, x, y: WALL_ITEM_CENTRE - h / 2, z: front + d / 2, rotationY: 0,
      fixture: { x, z, width: panelW, depth: WALL_PANEL.thickness, height: WALL_PANEL.height },
      tag: { x, y: TAG_HEIGHT + 0.12, z: front + 0.01, rotationY: 0 },
    };
  }
  const pw = Math.max(display === 'pedestal' ? 0.42 : 0.7, w + (display === 'pedestal' ? 0.14 : 0.3));
  const pd = Math.max(display === 'pedestal' ? 0.42 : 0.7, d + (display === 'pedestal' ? 0.14 : 0.3));
  const base = display === 'pedestal' ? PEDESTAL_HEIGHT : PLATFORM_HEIGHT;
  const y = display === 'ceiling' ? CEILING_PANEL_Y - h : base;
  // The tag stands just outside the front-right corner of a platform, or on the front of a pedestal; it turns with the display.
  const lx = display === 'pedestal' ? 0 : pw / 2 + 0.1;
  const lz = display === 'pedestal' ? pd / 2 + 0.007 : pd / 2 - 0.05;
  const c = Math.cos(rotationY);
  const sn = Math.sin(rotationY);
  return {
    product, display, x, y, z, rotationY,
    fixture: { x, z, width: pw, depth: pd, height: base },
    tag: { x: x + lx * c + lz * sn, y: display === 'pedestal' ? PEDESTAL_HEIGHT - 0.16 : TAG_HEIGHT, z: z - lx * sn + lz * c, rotationY },
  };
}

/** Back row first: wall displays, pendants and tall pieces; then the rest until the rows balance. */
function splitRows(items: Product[]): [Product[], Product[]] {
  const rank = (p: Product) => (p.display === 'wall' ? 0 : p.display === 'ceiling' ? 1 : p.dimensions.height > 1.1 ? 2 : p.dimensions.height > 0.5 ? 3 : 4);
  const sorted = [...items].sort((a, b) => rank(a) - rank(b) || b.dimensions.width - a.dimensions.width);
  const total = sorted.reduce((s, p) => s + slotWidth(p), 0);
  const back: Product[] = [];
  const front: Product[] = [];
  let backWidth = 0;
  for (const p of sorted) {
    if (rank(p) < 2 || (rank(p) < 4 && backWidth + slotWidth(p) / 2 <= total / 2)) {
      back.push(p);
      backWidth += slotWidth(p);
    } else front.push(p);
  }
  // Keep catalogue order within a row so neighbours stay stable.
  const order = (a: Product, b: Product) => items.indexOf(a) - items.indexOf(b);
  return [back.sort(order), front.sort(order)];
}

function rowPlacements(row: Product[], bayX: number, bayWidth: number, z: number, angled: boolean): Placement[] {
  const widths = row.map(slotWidth);
  const used = widths.reduce((a, b) => a + b, 0);
  const spare = (bayWidth - used) / (row.length + 1);
  let x = bayX - bayWidth / 2 + spare;
  return row.map((p, i) => {
    const cx = x + widths[i]! / 2;
    x += widths[i]! + spare;
    const lean = angled && p.display !== 'wall' ? Math.max(-0.3, Math.min(0.3, (bayX - cx) * 0.18)) : 0;
    return place(p, cx, z, lean);
  });
}

/** The showroom: one bay per zone side by side, each with a back row (walls, tall pieces) and a front row. */
export function layoutShowroom(catalog: Pick<Catalog, 'zones' | 'products'>): ShowroomLayout {
  const bays = catalog.zones.map((zone) => {
    const [back, front] = splitRows(catalog.products.filter((p) => p.category === zone.category));
    const width = Math.max(4.2, ...[back, front].map((r) => r.reduce((s, p) => s + slotWidth(p), 0) + 0.8));
    return { zone, back, front, width };
  });
  const total = bays.reduce((s, b) => s + b.width, 0);
  let x = -total / 2;
  const zones: ZonePlacement[] = [];
  const placements: Placement[] = [];
  for (const bay of bays) {
    const cx = x + bay.width / 2;
    x += bay.width;
    zones.push({ zone: bay.zone, x: cx, z: (BACK_WALL_Z + FRONT_ROW_Z + 1.4) / 2, width: bay.width, depth: FRONT_ROW_Z + 1.4 - BACK_WALL_Z });
    placements.push(...rowPlacements(bay.back, cx, bay.width, BACK_ROW_Z, false), ...rowPlacements(bay.front, cx, bay.width, FRONT_ROW_Z, true));
  }
  return { placements, zones, width: total + 2, minZ: BACK_WALL_Z, maxZ: 4.5, height: ROOM_HEIGHT, spawn: { x: 0, z: 2.6 } };
}

/**
 * The stress showroom of the render benchmark: `count` product instances cycling through the catalogue on a
 * grid of 2.8 m cells, shown on their usual fixtures.
 */
export function layoutStress(catalog: Pick<Catalog, 'zones' | 'products'>, count: number): ShowroomLayout {
  const cols = Math.ceil(Math.sqrt(count * 2));
  const rows = Math.ceil(count / cols);
  const cell = 2.8;
  const placements: Placement[] = [];
  for (let i = 0; i < count; i++) {
    const product = catalog.products[i % catalog.products.length]!;
    const x = ((i % cols) - (cols - 1) / 2) * cell;
    const z = -Math.floor(i / cols) * cell - 1.5;
    placements.push(place(product, x, z, 0));
  }
  const zones = catalog.zones.map((zone, i) => ({ zone, x: (i - (catalog.zones.length - 1) / 2) * cell * 2, z: -1.5, width: cell * 2, depth: cell }));
  return { placements, zones, width: cols * cell + 2, minZ: -rows * cell - 1.5, maxZ: 5, height: ROOM_HEIGHT, spawn: { x: 0, z: 3.2 } };
}
