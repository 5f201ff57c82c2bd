// Where a visitor may stand: the room's walkable rectangle minus the stands, shared by walking and teleporting.
import type { ShowroomLayout } from './layout';
import type { Obstacle } from './player';

export interface Bounds {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** Keeps this far from walls, metres. */
const WALL_MARGIN = 0.4;
/** Keeps this far from a fixture's edge, metres. */
const FIXTURE_MARGIN = 0.25;

export function walkableBounds(layout: ShowroomLayout): Bounds {
  return {
    minX: -layout.width / 2 + WALL_MARGIN,
    maxX: layout.width / 2 - WALL_MARGIN,
    minZ: layout.minZ + WALL_MARGIN,
    maxZ: layout.maxZ - WALL_MARGIN,
  };
}

/** A circle around each product's fixture (platform, pedestal or wall panel) that a visitor cannot walk into. */
export function fixtureObstacles(layout: ShowroomLayout): Obstacle[] {
  return layout.placements.map((p) => ({ x: p.fixture.x, z: p.fixture.z, radius: Math.min(p.fixture.width, p.fixture.depth) / 2 + FIXTURE_MARGIN }));
}

let current: { bounds: Bounds; obstacles: Obstacle[] } | null = null;

/** Records the showroom the visitor is in (called when the layout is built). */
export function setWalkable(layout: ShowroomLayout): { bounds: Bounds; obstacles: Obstacle[] } {
  current = { bounds: walkableBounds(layout), obstacles: fixtureObstacles(layout) };
  return current;
}

/** True when a visitor may stand at (x, z), metres. */
export function isWalkable(x: number, z: number): boolean {
  if (!current) return false;
  const b = current.bounds;
  if (x < b.minX || x > b.maxX || z < b.minZ || z > b.maxZ) return false;
  return current.obstacles.every((o) => (x - o.x) ** 2 + (z - o.z) ** 2 >= o.radius * o.radius);
}
