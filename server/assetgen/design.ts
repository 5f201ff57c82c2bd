// What a product design returns (named parts with materials) and shared furniture parts (legs, bends, knobs).
import type { Product } from '../contracts/catalog';
import type { FixedMaterial } from './materials';
import { at, computeNormals, cylinder, lathe, type Mesh, roundedBox, transform, tube, type Vec3 } from './mesh';

/** `main` takes the selected variant's material; the others never change. */
export type PartMaterial = 'main' | FixedMaterial;

export interface Part {
  name: string;
  mesh: Mesh;
  material: PartMaterial;
  /** Linear RGB tint baked into vertex colours (only for the `props` material: books, bowls). */
  tint?: [number, number, number];
}

export interface Design {
  /** Builds the parts for the product's catalogue dimensions (metres). Front faces +Z, floor at y = 0. */
  build(dims: Product['dimensions']): Part[];
  /** How strongly the main material glows (lamp shades), 0-1. */
  mainGlow?: number;
}

/** A part with a name, mesh and material. */
export const part = (name: string, mesh: Mesh, material: PartMaterial, tint?: [number, number, number]): Part => ({ name, mesh, material, ...(tint ? { tint } : {}) });

/**
 * A tapered round leg from a floor point up to a top point (metres), radius shrinking from top to foot.
 */
export function leg(foot: Vec3, top: Vec3, rTop: number, rFoot: number, segments = 12): Mesh {
  const dx = top[0] - foot[0];
  const dy = top[1] - foot[1];
  const dz = top[2] - foot[2];
  const len = Math.hypot(dx, dy, dz);
  const m = cylinder(rFoot, rTop, len, segments);
  // Tilt +Y onto the leg direction: about X by the z lean, then about Z by the x lean.
  const rx = Math.atan2(dz, dy);
  const rz = -Math.atan2(dx, Math.hypot(dy, dz));
  return at(m, foot[0], foot[1], foot[2], [rx, 0, rz]);
}

/** A square-section leg (box) from y0 to y1 centred at (x, z). */
export function squareLeg(x: number, z: number, y0: number, y1: number, side: number): Mesh {
  return at(roundedBox(side, y1 - y0, side, side * 0.12, 2), x, (y0 + y1) / 2, z);
}

/** A rounded slab (top, shelf, door) with its centre at (x, y, z). */
export function slab(w: number, h: number, d: number, x: number, y: number, z: number, r = Math.min(w, h, d) * 0.15): Mesh {
  return at(roundedBox(w, h, d, r, 3), x, y, z);
}

/** Bends a mesh about the Y axis so x runs along an arc of radius R (z moves back at the ends); normals recomputed. */
export function bend(m: Mesh, R: number): Mesh {
  const out: Mesh = { positions: [], normals: [], uvs: m.uvs.slice(), indices: m.indices.slice() };
  for (let i = 0; i < m.positions.length; i += 3) {
    const x = m.positions[i]!;
    const y = m.positions[i + 1]!;
    const z = m.positions[i + 2]!;
    const a = x / R;
    const r = R + z;
    out.positions.push(Math.sin(a) * r, y, Math.cos(a) * r - R);
  }
  computeNormals(out);
  return out;
}

/** A turned knob facing +Z, centred at (x, y, z) on a front surface. */
export function knob(x: number, y: number, z: number, r = 0.016): Mesh {
  const m = lathe(
    [
      [r * 0.45, 0],
      [r * 0.5, r * 0.6],
      [r, r * 1.1],
      [r * 0.9, r * 1.6],
      [0, r * 1.7],
    ],
    16,
  );
  return at(m, x, y, z, [Math.PI / 2, 0, 0]);
}

/** A bar handle along X, standing off a front surface at z. */
export function barHandle(x: number, y: number, z: number, length: number, r = 0.006, vertical = false): Mesh {
  const off = 0.025;
  const h = length / 2;
  const path: Vec3[] = vertical
    ? [
        [x, y - h, z],
        [x, y - h, z + off],
        [x, y + h, z + off],
        [x, y + h, z],
      ]
    : [
        [x - h, y, z],
        [x - h, y, z + off],
        [x + h, y, z + off],
        [x + h, y, z],
      ];
  return tube(path, r, 8);
}

/** Moves every part along z by dz metres (to centre a piece whose handles stand proud of its body). */
export function shiftZ(parts: Part[], dz: number): Part[] {
  return parts.map((p) => ({ ...p, mesh: transform(p.mesh, { t: [0, 0, dz] }) }));
}
