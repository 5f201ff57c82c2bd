// Where the visitor stands and looks: plain mutable state read and written inside useFrame.
import { Vector3 } from 'three';

export const EYE_HEIGHT = 1.6;
/** Walking speed, metres per second. */
export const WALK_SPEED = 1.8;
/** Continuous turn speed at full stick, radians per second. */
export const TURN_SPEED = 1.8;
const MAX_PITCH = 1.35;

export const player = {
  /** Feet position on the floor, metres. */
  position: new Vector3(0, 0, 5),
  /** Body heading, radians about +y (0 looks toward -z). */
  yaw: 0,
  /** Head pitch on desktop, radians (+ = up). */
  pitch: 0,
};

/** Clamps a pitch to what a neck can do. */
export function clampPitch(p: number): number {
  return Math.max(-MAX_PITCH, Math.min(MAX_PITCH, p));
}

export interface Obstacle {
  x: number;
  z: number;
  /** Radius a visitor cannot enter, metres. */
  radius: number;
}

/**
 * Keeps a point inside the room (with a margin) and outside every obstacle circle. Mutates `p`.
 * Bounds in metres.
 */
export function resolveCollisions(p: Vector3, bounds: { minX: number; maxX: number; minZ: number; maxZ: number }, obstacles: readonly Obstacle[]): void {
  for (const o of obstacles) {
    const dx = p.x - o.x;
    const dz = p.z - o.z;
    const d2 = dx * dx + dz * dz;
    if (d2 < o.radius * o.radius) {
      const d = Math.sqrt(d2) || 1e-6;
      p.x = o.x + (dx / d) * o.radius;
      p.z = o.z + (dz / d) * o.radius;
    }
  }
  p.x = Math.max(bounds.minX, Math.min(bounds.maxX, p.x));
  p.z = Math.max(bounds.minZ, Math.min(bounds.maxZ, p.z));
}
