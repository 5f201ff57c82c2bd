// Decor designs: vase, rug, round mirror, planter, wall clock.
import { type Design, part } from '../design';
import { at, box, cylinder, disc, lathe, merge, smoothProfile, surface, torus, transform } from '../mesh';

const vale: Design = {
  build({ width: w, height: h }) {
    const r = w / 2;
    const wall = 0.006;
    // Outside up to the lip, then down the inside: one closed-looking shell.
    const outside: [number, number][] = [
      [0, 0],
      [r * 0.55, 0],
      ...smoothProfile([
      [r * 0.62, 0.008],
      [r * 0.92, h * 0.18],
      [r, h * 0.36],
      [r * 0.82, h * 0.62],
      [r * 0.45, h * 0.84],
      [r * 0.4, h * 0.93],
      [r * 0.5, h],
      ], 5),
    ];
    const inside = outside
      .slice(7)
      .reverse()
      .map(([x, y]) => [Math.max(0.005, x - wall), Math.min(y, h - 0.001) - (y === h ? 0.004 : 0)] as [number, number]);
    const shell = lathe([...outside, [r * 0.5 - wall, h], ...inside, [0, h * 0.2]], 56);
    return [part('body', shell, 'main')];
  },
};

const ripple: Design = {
  build({ width: w, depth: d, height: h }) {
    const edge = 0.03;
    // The pile ripples in soft waves across the rug; the edge is bound flat.
    const top = surface(
      (u, v) => {
        const x = (u - 0.5) * w;
        const z = (0.5 - v) * d;
        const inset = Math.min(u * w, (1 - u) * w, v * d, (1 - v) * d);
        const fade = Math.min(1, inset / edge);
        const wave = 0.5 + 0.5 * Math.sin((x * 0.6 + z) * 14 + Math.sin(x * 3) * 1.5);
        return [x, h * 0.55 + h * 0.45 * fade * wave, z];
      },
      120,
      86,
    );
    const sides = transform(box(w, h * 0.55, d), { t: [0, (h * 0.55) / 2, 0] });
    return [part('pile', top, 'main'), part('backing', sides, 'main')];
  },
};

const halden: Design = {
  build({ width: w, depth: d, height: h }) {
    const R = w / 2;
    const tubeR = d / 2;
    const cy = h / 2;
    const toFront = (m: ReturnType<typeof torus>) => transform(m, { t: [0, cy, 0], r: [Math.PI / 2, 0, 0] });
    const frame = toFront(torus(R - tubeR, tubeR, 16, 96));
    const glass = transform(disc(R - tubeR * 1.2, 64, 1), { t: [0, cy, 0.004], r: [Math.PI / 2, 0, 0] });
    const back = transform(disc(R - tubeR, 64, -1), { t: [0, cy, -0.004], r: [Math.PI / 2, 0, 0] });
    return [part('frame', frame, 'main'), part('glass', glass, 'mirror'), part('back', back, 'main')];
  },
};

const fern: Design = {
  build({ width: w, height: h }) {
    const r = w / 2;
    const footH = 0.05;
    const saucer = lathe(
      [
        [0, 0],
        [r * 0.7, 0],
        [r * 0.78, 0.018],
        [r * 0.74, 0.02],
        [0, 0.012],
      ],
      48,
    );
    const pot = lathe(
      [
        [0, 0.02],
        [r * 0.42, 0.02],
        [r * 0.45, footH],
        [r * 0.62, footH + 0.01],
        [r * 0.92, h - 0.04],
        [r, h - 0.03],
        [r, h],
        [r - 0.012, h],
        [r - 0.015, h - 0.03],
        [r * 0.84, h - 0.045],
      ],
      56,
    );
    const soil = at(disc(r * 0.84, 40, 1), 0, h - 0.045, 0);
    return [part('saucer', saucer, 'main'), part('pot', pot, 'main'), part('soil', soil, 'soil')];
  },
};

const tove: Design = {
  build({ width: w, depth: d, height: h }) {
    const R = w / 2;
    const cy = h / 2;
    const t = d - 0.012;
    const face = transform(
      lathe(
        [
          [0, 0],
          [R - 0.006, 0],
          [R, 0.006],
          [R, t - 0.006],
          [R - 0.006, t],
          [0, t],
        ],
        72,
      ),
      { t: [0, cy, -d / 2], r: [Math.PI / 2, 0, 0] },
    );
    const front = -d / 2 + t;
    const markers = Array.from({ length: 12 }, (_, i) => {
      const a = (i / 12) * Math.PI * 2;
      const len = i % 3 === 0 ? 0.03 : 0.015;
      const rr = R - 0.025 - len / 2;
      return transform(box(0.005, len, 0.003), { t: [Math.sin(a) * rr, cy + Math.cos(a) * rr, front + 0.0015], r: [0, 0, -a] });
    });
    const hand = (len: number, width: number, angle: number, z: number) =>
      transform(box(width, len, 0.002), { t: [Math.sin(angle) * (len / 2 - 0.01), cy + Math.cos(angle) * (len / 2 - 0.01), front + z], r: [0, 0, -angle] });
    const hands = merge([hand(R * 0.55, 0.008, (Math.PI * 2 * 10) / 12 + 0.2, 0.004), hand(R * 0.8, 0.005, Math.PI * 2 * 0.3, 0.007)]);
    const cap = transform(cylinder(0.008, 0.008, 0.006, 16), { t: [0, cy, front + 0.004], r: [Math.PI / 2, 0, 0] });
    return [part('face', face, 'main'), part('markers', merge(markers), 'brass'), part('hands', hands, 'brass'), part('centre-cap', cap, 'brass')];
  },
};

export const decor: Record<string, Design> = {
  'vale-vase': vale,
  'ripple-rug': ripple,
  'halden-mirror': halden,
  'fern-planter': fern,
  'tove-clock': tove,
};
