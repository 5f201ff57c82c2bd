// Indexed triangle meshes for the model generator: parametric primitives, transforms and merging (metres, +Y up).

export interface Mesh {
  positions: number[];
  normals: number[];
  uvs: number[];
  indices: number[];
}

export type Vec3 = [number, number, number];

export function emptyMesh(): Mesh {
  return { positions: [], normals: [], uvs: [], indices: [] };
}

/** Appends `b` to `a` (mutates and returns `a`). */
export function append(a: Mesh, b: Mesh): Mesh {
  const base = a.positions.length / 3;
  a.positions.push(...b.positions);
  a.normals.push(...b.normals);
  a.uvs.push(...b.uvs);
  for (const i of b.indices) a.indices.push(i + base);
  return a;
}

/** One mesh made of all `parts`. */
export function merge(parts: readonly Mesh[]): Mesh {
  const out = emptyMesh();
  for (const p of parts) append(out, p);
  return out;
}

export interface Transform {
  /** Translation, metres. */
  t?: Vec3;
  /** Euler rotation XYZ, radians. */
  r?: Vec3;
  /** Scale per axis. */
  s?: Vec3;
}

function rotate(v: Vec3, r: Vec3): Vec3 {
  let [x, y, z] = v;
  const [rx, ry, rz] = r;
  // Intrinsic XYZ (three.js order): apply Z, then Y, then X to the vector.
  if (rz) [x, y] = [x * Math.cos(rz) - y * Math.sin(rz), x * Math.sin(rz) + y * Math.cos(rz)];
  if (ry) [x, z] = [x * Math.cos(ry) + z * Math.sin(ry), -x * Math.sin(ry) + z * Math.cos(ry)];
  if (rx) [y, z] = [y * Math.cos(rx) - z * Math.sin(rx), y * Math.sin(rx) + z * Math.cos(rx)];
  return [x, y, z];
}

/** A copy of `m` scaled, then rotated, then moved. Normals follow (inverse scale), and winding flips on mirroring. */
export function transform(m: Mesh, { t = [0, 0, 0], r = [0, 0, 0], s = [1, 1, 1] }: Transform): Mesh {
  const out: Mesh = { positions: [], normals: [], uvs: m.uvs.slice(), indices: m.indices.slice() };
  for (let i = 0; i < m.positions.length; i += 3) {
    const p = rotate([m.positions[i]! * s[0], m.positions[i + 1]! * s[1], m.positions[i + 2]! * s[2]], r);
    out.positions.push(p[0] + t[0], p[1] + t[1], p[2] + t[2]);
    const n = rotate([m.normals[i]! / s[0], m.normals[i + 1]! / s[1], m.normals[i + 2]! / s[2]], r);
    const len = Math.hypot(...n) || 1;
    out.normals.push(n[0] / len, n[1] / len, n[2] / len);
  }
  if (s[0] * s[1] * s[2] < 0) {
    for (let i = 0; i < out.indices.length; i += 3) [out.indices[i + 1], out.indices[i + 2]] = [out.indices[i + 2]!, out.indices[i + 1]!];
  }
  return out;
}

/** Shorthand: transform with translation only. */
export const at = (m: Mesh, x: number, y: number, z: number, r?: Vec3): Mesh => transform(m, { t: [x, y, z], ...(r ? { r } : {}) });

/**
 * A grid surface from `fn(u, v)` for u, v in [0, 1], with smooth normals from the faces.
 * `wrapU` joins the u = 0 and u = 1 columns so the seam is smooth.
 */
export function surface(fn: (u: number, v: number) => Vec3, uSegs: number, vSegs: number, wrapU = false): Mesh {
  const m = emptyMesh();
  for (let j = 0; j <= vSegs; j++) {
    for (let i = 0; i <= uSegs; i++) {
      m.positions.push(...fn(i / uSegs, j / vSegs));
      m.uvs.push(i / uSegs, j / vSegs);
    }
  }
  const row = uSegs + 1;
  for (let j = 0; j < vSegs; j++) {
    for (let i = 0; i < uSegs; i++) {
      const a = j * row + i;
      m.indices.push(a, a + 1, a + row, a + 1, a + row + 1, a + row);
    }
  }
  const zero = computeNormals(m);
  // A collapsed row (a pole of a lathe) touches only degenerate faces: take the normal of the next row in.
  for (const v of zero) {
    const j = Math.floor(v / row);
    const from = (j < vSegs ? v + row : v - row) * 3;
    for (let c = 0; c < 3; c++) m.normals[v * 3 + c] = m.normals[from + c]!;
  }
  if (wrapU) {
    for (let j = 0; j <= vSegs; j++) {
      const a = j * row * 3;
      const b = (j * row + uSegs) * 3;
      const n: Vec3 = [m.normals[a]! + m.normals[b]!, m.normals[a + 1]! + m.normals[b + 1]!, m.normals[a + 2]! + m.normals[b + 2]!];
      const len = Math.hypot(...n);
      if (len < 1e-6) continue;
      for (const k of [a, b]) for (let c = 0; c < 3; c++) m.normals[k + c] = n[c]! / len;
    }
  }
  return m;
}

/**
 * Smooth per-vertex normals from area-weighted face normals (vertices are not welded). Returns the vertices that
 * touch only degenerate faces; they get +Y until the caller knows better.
 */
export function computeNormals(m: Mesh): number[] {
  const n = new Array<number>(m.positions.length).fill(0);
  const p = m.positions;
  for (let i = 0; i < m.indices.length; i += 3) {
    const [a, b, c] = [m.indices[i]! * 3, m.indices[i + 1]! * 3, m.indices[i + 2]! * 3];
    const e1 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
    const e2 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
    const f = [e1[1]! * e2[2]! - e1[2]! * e2[1]!, e1[2]! * e2[0]! - e1[0]! * e2[2]!, e1[0]! * e2[1]! - e1[1]! * e2[0]!];
    for (const v of [a, b, c]) for (let k = 0; k < 3; k++) n[v + k]! += f[k]!;
  }
  const zero: number[] = [];
  for (let i = 0; i < n.length; i += 3) {
    const len = Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!);
    if (len > 1e-12) {
      n[i]! /= len;
      n[i + 1]! /= len;
      n[i + 2]! /= len;
    } else {
      n[i] = n[i + 2] = 0;
      n[i + 1] = 1;
      zero.push(i / 3);
    }
  }
  m.normals = n;
  return zero;
}

/**
 * A surface of revolution about +Y from a profile of [radius, y] points (bottom to top).
 * `closeBottom`/`closeTop` add flat discs where the profile ends off-axis.
 */
export function lathe(profile: readonly [number, number][], segments = 32, opts: { closeBottom?: boolean; closeTop?: boolean; radiusAt?: (angle: number, v: number) => number } = {}): Mesh {
  const last = profile.length - 1;
  const body = surface(
    (u, v) => {
      const k = v * last;
      const i = Math.min(last - 1, Math.floor(k));
      const f = k - i;
      const [r0, y0] = profile[i]!;
      const [r1, y1] = profile[i + 1]!;
      const a = u * Math.PI * 2;
      const r = (r0 + (r1 - r0) * f) * (opts.radiusAt ? opts.radiusAt(a, v) : 1);
      return [Math.sin(a) * r, y0 + (y1 - y0) * f, Math.cos(a) * r];
    },
    segments,
    last,
    true,
  );
  const parts = [body];
  const [rb, yb] = profile[0]!;
  const [rt, yt] = profile[last]!;
  if (opts.closeBottom && rb > 0) parts.push(disc(rb, segments, -1, yb));
  if (opts.closeTop && rt > 0) parts.push(disc(rt, segments, 1, yt));
  return merge(parts);
}

/** A flat disc of radius r at height y facing +Y (dir 1) or -Y (dir -1). */
export function disc(r: number, segments: number, dir: 1 | -1, y = 0): Mesh {
  const m = emptyMesh();
  m.positions.push(0, y, 0);
  m.normals.push(0, dir, 0);
  m.uvs.push(0.5, 0.5);
  for (let i = 0; i <= segments; i++) {
    const a = (i / segments) * Math.PI * 2;
    m.positions.push(Math.sin(a) * r, y, Math.cos(a) * r);
    m.normals.push(0, dir, 0);
    m.uvs.push(0.5 + Math.sin(a) / 2, 0.5 + Math.cos(a) / 2);
  }
  for (let i = 1; i <= segments; i++) dir === 1 ? m.indices.push(0, i, i + 1) : m.indices.push(0, i + 1, i);
  return m;
}

/** A cylinder (or cone) along +Y from y = 0 to y = h, with flat caps unless `open`. */
export function cylinder(rBottom: number, rTop: number, h: number, segments = 16, open = false): Mesh {
  const side = surface(
    (u, v) => {
      const a = u * Math.PI * 2;
      const r = rBottom + (rTop - rBottom) * v;
      return [Math.sin(a) * r, v * h, Math.cos(a) * r];
    },
    segments,
    1,
    true,
  );
  if (open) return side;
  const parts = [side];
  if (rBottom > 0) parts.push(disc(rBottom, segments, -1, 0));
  if (rTop > 0) parts.push(disc(rTop, segments, 1, h));
  return merge(parts);
}

/** A box centred on the origin with flat faces. */
export function box(w: number, h: number, d: number): Mesh {
  return roundedBox(w, h, d, 0, 1);
}

function edgeSamples(half: number, r: number, seg: number): number[] {
  if (r <= 0) return [-half, half];
  const out: number[] = [];
  for (let i = 0; i <= seg; i++) out.push(-half + r - r * Math.cos((i / seg) * (Math.PI / 2)));
  for (let i = seg; i >= 0; i--) out.push(half - r + r * Math.cos((i / seg) * (Math.PI / 2)));
  return out;
}

/** A box centred on the origin whose edges and corners are rounded with radius `r` (cushions, tops). */
export function roundedBox(w: number, h: number, d: number, r: number, seg = 4): Mesh {
  const half: Vec3 = [w / 2, h / 2, d / 2];
  const rr = Math.min(r, ...half.map((x) => x * 0.999));
  const samples = half.map((hx) => edgeSamples(hx, rr, seg));
  const out = emptyMesh();
  // Each face: axis `a` fixed at sign*half, the other two axes gridded.
  for (const a of [0, 1, 2]) {
    for (const sign of [1, -1]) {
      const [b, c] = a === 0 ? [1, 2] : a === 1 ? [2, 0] : [0, 1];
      const m = emptyMesh();
      const sb = samples[b]!;
      const sc = samples[c]!;
      for (let j = 0; j < sc.length; j++) {
        for (let i = 0; i < sb.length; i++) {
          const p: Vec3 = [0, 0, 0];
          p[a] = sign * half[a]!;
          p[b] = sb[i]!;
          p[c] = sc[j]!;
          const inner: Vec3 = [0, 1, 2].map((k) => Math.max(-half[k]! + rr, Math.min(half[k]! - rr, p[k]!))) as Vec3;
          let nrm: Vec3 = [p[0] - inner[0], p[1] - inner[1], p[2] - inner[2]];
          const len = Math.hypot(...nrm);
          if (rr > 0 && len > 1e-9) {
            nrm = [nrm[0] / len, nrm[1] / len, nrm[2] / len];
            m.positions.push(inner[0] + nrm[0] * rr, inner[1] + nrm[1] * rr, inner[2] + nrm[2] * rr);
          } else {
            nrm = [0, 0, 0];
            nrm[a] = sign;
            m.positions.push(...p);
          }
          m.normals.push(...nrm);
          m.uvs.push((sb[i]! + half[b]!) / (2 * half[b]!), (sc[j]! + half[c]!) / (2 * half[c]!));
        }
      }
      const row = sb.length;
      for (let j = 0; j < sc.length - 1; j++) {
        for (let i = 0; i < row - 1; i++) {
          const q = j * row + i;
          if (sign > 0) m.indices.push(q, q + 1, q + row, q + 1, q + row + 1, q + row);
          else m.indices.push(q, q + row, q + 1, q + 1, q + row, q + row + 1);
        }
      }
      append(out, m);
    }
  }
  return out;
}

/** A torus in the XZ plane (ring radius R, tube radius r), optionally only `arc` radians of it. */
export function torus(R: number, r: number, radial = 12, tubular = 48, arc = Math.PI * 2): Mesh {
  return surface(
    (u, v) => {
      const a = u * arc;
      const b = v * Math.PI * 2;
      const rr = R + r * Math.cos(b);
      return [Math.sin(a) * rr, r * Math.sin(b), Math.cos(a) * rr];
    },
    tubular,
    radial,
    arc >= Math.PI * 2 - 1e-9,
  );
}

/** A round tube of radius r swept along a polyline path (rods, bent frames, arms). */
export function tube(path: readonly Vec3[], r: number, radial = 10): Mesh {
  const n = path.length;
  const frames = path.map((_, i) => {
    const a = path[Math.max(0, i - 1)]!;
    const b = path[Math.min(n - 1, i + 1)]!;
    const t: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const tl = Math.hypot(...t) || 1;
    return [t[0] / tl, t[1] / tl, t[2] / tl] as Vec3;
  });
  const cross = (x: Vec3, y: Vec3): Vec3 => [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
  const norm = (x: Vec3): Vec3 => {
    const l = Math.hypot(...x) || 1;
    return [x[0] / l, x[1] / l, x[2] / l];
  };
  // Parallel transport of a reference normal along the path.
  let ref: Vec3 = Math.abs(frames[0]![1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  const normals: Vec3[] = [];
  const binormals: Vec3[] = [];
  for (const t of frames) {
    const b = norm(cross(t, ref));
    const nn = cross(b, t);
    normals.push(nn);
    binormals.push(b);
    ref = nn;
  }
  const body = surface(
    (u, v) => {
      const i = Math.round(v * (n - 1));
      const a = u * Math.PI * 2;
      const p = path[i]!;
      const nn = normals[i]!;
      const b = binormals[i]!;
      const c = Math.cos(a) * r;
      const s = Math.sin(a) * r;
      return [p[0] + nn[0] * c + b[0] * s, p[1] + nn[1] * c + b[1] * s, p[2] + nn[2] * c + b[2] * s];
    },
    radial,
    n - 1,
    true,
  );
  return body;
}

/** Points along a quadratic Bézier curve from a to c with control point b. */
export function bezier(a: Vec3, b: Vec3, c: Vec3, steps = 16): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const k0 = (1 - t) ** 2;
    const k1 = 2 * (1 - t) * t;
    const k2 = t * t;
    out.push([k0 * a[0] + k1 * b[0] + k2 * c[0], k0 * a[1] + k1 * b[1] + k2 * c[1], k0 * a[2] + k1 * b[2] + k2 * c[2]]);
  }
  return out;
}

/** Axis-aligned bounds of a mesh, metres. */
export function bounds(m: Mesh): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < m.positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, m.positions[i + k]!);
      max[k] = Math.max(max[k]!, m.positions[i + k]!);
    }
  }
  return { min, max };
}

/** A Catmull-Rom curve through 2D profile points, `steps` samples per span (smooth vase and lamp outlines). */
export function smoothProfile(points: readonly [number, number][], steps = 6): [number, number][] {
  const out: [number, number][] = [];
  const n = points.length;
  for (let i = 0; i < n - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(n - 1, i + 2)]!;
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) => 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([Math.max(0, f(p0[0], p1[0], p2[0], p3[0])), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(points[n - 1]!);
  return out;
}
