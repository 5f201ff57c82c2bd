// Casts the head ray (desktop: the centre of view) against product bounds: a sphere test first, then the box in the product's own space.
import { Matrix4, Ray, Vector3 } from 'three';
import type { GazeTarget } from './gazeTargets';

/** Products further than this are not counted as looked at, metres. */
export const MAX_GAZE_DISTANCE_M = 25;

const worldCenter = new Vector3();
const toCenter = new Vector3();
const inverse = new Matrix4();
const localRay = new Ray();
const hitPoint = new Vector3();

export interface GazeHit {
  target: GazeTarget | null;
  /** Distance from the eye to the hit on the product's bounds, metres (Infinity without a hit). */
  distance: number;
}

function maxScale(m: Matrix4): number {
  const e = m.elements;
  return Math.sqrt(Math.max(e[0]! * e[0]! + e[1]! * e[1]! + e[2]! * e[2]!, e[4]! * e[4]! + e[5]! * e[5]! + e[6]! * e[6]!, e[8]! * e[8]! + e[9]! * e[9]! + e[10]! * e[10]!));
}

/**
 * The nearest product whose bounds the ray (origin, unit direction, world space) enters within
 * `maxDistance` metres. Writes into and returns `out`; allocates nothing.
 */
export function castGaze(targets: readonly GazeTarget[], origin: Vector3, direction: Vector3, out: GazeHit, maxDistance = MAX_GAZE_DISTANCE_M): GazeHit {
  out.target = null;
  out.distance = Infinity;
  let best = maxDistance;
  for (const t of targets) {
    const o = t.object;
    if (!o.visible) continue;
    const m = o.matrixWorld;
    worldCenter.copy(t.center).applyMatrix4(m);
    const r = t.radius * maxScale(m);
    toCenter.subVectors(worldCenter, origin);
    const along = toCenter.dot(direction);
    if (along + r < 0 || along - r > best) continue; // behind the eye, or further than the best hit
    if (toCenter.lengthSq() - along * along > r * r) continue; // the ray passes beside the sphere
    inverse.copy(m).invert();
    localRay.origin.copy(origin).applyMatrix4(inverse);
    localRay.direction.copy(direction).transformDirection(inverse);
    if (!localRay.intersectBox(t.box, hitPoint)) continue;
    const d = hitPoint.applyMatrix4(m).distanceTo(origin);
    if (d < best) {
      best = d;
      out.target = t;
      out.distance = d;
    }
  }
  return out;
}
