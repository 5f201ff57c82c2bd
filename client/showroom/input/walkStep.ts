// One frame of walking by real elapsed time: held move axes or a click-to-move target, in short sub-steps with collisions.
import type { Vector3 } from 'three';
import type { Bounds } from '../navigation';
import { type Obstacle, resolveCollisions, WALK_SPEED } from '../player';

/**
 * Longest frame stepped in full, seconds. A slow device (1 fps and up) moves in real time; the first frame after
 * a hidden tab (the render loop paused) counts as this much.
 */
export const MAX_FRAME_S = 1;
/** Longest movement sub-step, seconds: 9 cm at walking speed, well under any obstacle's radius. */
export const MAX_SUBSTEP_S = 0.05;
/** A walk-to target reached within this distance, metres. */
const ARRIVED = 0.05;

/** A frame's time from R3F's delta, seconds: at most MAX_FRAME_S, 0 for a negative or non-finite delta. */
export function frameSeconds(deltaS: number): number {
  return Number.isFinite(deltaS) && deltaS > 0 ? Math.min(deltaS, MAX_FRAME_S) : 0;
}

export interface WalkIntent {
  /** Strafe (+ right) and forward (+) axes, -1..1. */
  moveX: number;
  moveY: number;
  /** Direction the visitor faces, radians about +y (0 looks toward -z). */
  heading: number;
  /** A click-to-move target (metres) being walked to, or null. */
  target: { x: number; z: number } | null;
}

/**
 * Walks `body` (feet on the floor, metres; mutated) for `dtS` seconds: toward the target if there is one, else
 * by the move axes, at WALK_SPEED, in sub-steps of at most MAX_SUBSTEP_S with collisions resolved after each,
 * so a slow frame covers the same ground as many fast ones and cannot step through an obstacle.
 * Returns the target still to walk to (null once reached or when there was none).
 */
export function walkBody(body: Vector3, dtS: number, intent: WalkIntent, bounds: Bounds, obstacles: readonly Obstacle[]): { x: number; z: number } | null {
  let target = intent.target;
  const moving = target !== null || intent.moveX !== 0 || intent.moveY !== 0;
  if (!moving || dtS <= 0) return target;
  const steps = Math.ceil(dtS / MAX_SUBSTEP_S);
  const stepS = dtS / steps;
  const sin = Math.sin(intent.heading);
  const cos = Math.cos(intent.heading);
  for (let s = 0; s < steps; s++) {
    if (target) {
      const dx = target.x - body.x;
      const dz = target.z - body.z;
      const d = Math.hypot(dx, dz);
      const stride = WALK_SPEED * stepS;
      if (d <= Math.max(ARRIVED, stride)) {
        body.set(target.x, 0, target.z);
        target = null;
        resolveCollisions(body, bounds, obstacles);
        break;
      }
      body.set(body.x + (dx / d) * stride, 0, body.z + (dz / d) * stride);
    } else {
      // Forward is -z rotated by the heading; right is +x rotated by it.
      const k = WALK_SPEED * stepS;
      body.set(body.x + (intent.moveX * cos - intent.moveY * sin) * k, 0, body.z + (-intent.moveX * sin - intent.moveY * cos) * k);
    }
    resolveCollisions(body, bounds, obstacles);
  }
  return target;
}
