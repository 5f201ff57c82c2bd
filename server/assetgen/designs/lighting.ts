// Lighting designs: floor lamp, table lamp, globe pendant, reading lamp, wall light.
import { type Design, part } from '../design';
import { at, bezier, cylinder, lathe, roundedBox, smoothProfile, surface, transform, tube, type Vec3 } from '../mesh';

/** A small bulb (sphere) centred at height y. */
function bulb(y: number, r = 0.03, x = 0, z = 0) {
  return at(
    lathe(
      Array.from({ length: 9 }, (_, i) => {
        const a = -Math.PI / 2 + (i / 8) * Math.PI;
        return [Math.cos(a) * r, Math.sin(a) * r] as [number, number];
      }),
      16,
    ),
    x,
    y,
    z,
  );
}

const halo: Design = {
  mainGlow: 0.35,
  build({ width: w, height: h }) {
    const base = lathe(
      [
        [0, 0],
        [0.15, 0],
        [0.155, 0.008],
        [0.15, 0.022],
        [0.12, 0.03],
        [0, 0.03],
      ],
      48,
    );
    const stem = at(cylinder(0.011, 0.011, h - 0.3, 12), 0, 0.03, 0);
    const shadeBottom = h - 0.36;
    const shade = lathe(
      [
        [w / 2, shadeBottom],
        [w / 2 - 0.025, h],
      ],
      48,
    );
    const spider = [0, 1, 2].map((i) => {
      const a = (i * Math.PI * 2) / 3;
      return tube([[0, h - 0.12, 0], [Math.sin(a) * (w / 2 - 0.03), h - 0.02, Math.cos(a) * (w / 2 - 0.03)]], 0.003, 6);
    });
    return [part('base', base, 'blackSteel'), part('stem', stem, 'blackSteel'), ...spider.map((m, i) => part(`spider-${i}`, m, 'blackSteel')), part('shade', shade, 'main'), part('bulb', bulb(h - 0.16, 0.035), 'bulb')];
  },
};

const pia: Design = {
  build({ width: w, height: h }) {
    const baseH = h * 0.52;
    const body = lathe(
      [
        [0, 0],
        [0.06, 0],
        ...smoothProfile([
          [0.07, 0.01],
          [0.095, baseH * 0.35],
          [0.09, baseH * 0.7],
          [0.05, baseH * 0.92],
          [0.02, baseH],
        ]),
        [0, baseH],
      ],
      48,
    );
    const neck = at(cylinder(0.012, 0.012, 0.05, 12), 0, baseH, 0);
    const shadeBottom = h - 0.21;
    // Pleats: the radius ripples around the shade.
    const shade = lathe(
      [
        [w / 2, shadeBottom],
        [w / 2 - 0.05, h],
      ],
      96,
      { radiusAt: (a) => 1 + 0.035 * Math.abs(Math.cos(a * 16)) },
    );
    return [part('base', body, 'main'), part('neck', neck, 'brass'), part('shade', shade, 'linen'), part('bulb', bulb(baseH + 0.09, 0.025), 'bulb')];
  },
};

const orbit: Design = {
  mainGlow: 0.55,
  build({ width: w, height: h }) {
    const r = w / 2;
    const globe = lathe(
      Array.from({ length: 25 }, (_, i) => {
        const a = -Math.PI / 2 + (i / 24) * (Math.PI - 0.25);
        return [Math.cos(a) * r, r + Math.sin(a) * r] as [number, number];
      }),
      48,
    );
    const collarY = r + Math.sin(Math.PI / 2 - 0.25) * r;
    const collar = at(cylinder(0.05, 0.035, 0.05, 24), 0, collarY - 0.01, 0);
    const cord = at(cylinder(0.003, 0.003, h - collarY - 0.06, 6, true), 0, collarY + 0.04, 0);
    const canopy = at(cylinder(0.06, 0.055, 0.025, 32), 0, h - 0.025, 0);
    return [part('globe', globe, 'main'), part('collar', collar, 'brass'), part('cord', cord, 'cord'), part('canopy', canopy, 'brass'), part('bulb', bulb(r, 0.04), 'bulb')];
  },
};

const arc: Design = {
  build({ width: w, depth: d, height: h }) {
    const bz = -d / 2 + 0.15;
    const base = at(
      lathe(
        [
          [0, 0],
          [0.14, 0],
          [0.145, 0.01],
          [0.13, 0.025],
          [0, 0.025],
        ],
        40,
      ),
      0,
      0,
      bz,
    );
    const top: Vec3 = [0, h - 0.06, bz + 0.05];
    const stem = tube([[0, 0.02, bz], [0, h - 0.35, bz], ...bezier([0, h - 0.3, bz], [0, h + 0.02, bz], top, 10).slice(1)], 0.011, 10);
    const shadeR = w / 2;
    const tip: Vec3 = [0, h - 0.1, d / 2 - shadeR * 0.72];
    const arm = tube(bezier(top, [0, h - 0.02, 0.1], tip, 14), 0.008, 8);
    // Apex at the tip, rim below it; tilted forward so it lights the reading spot.
    const dome = (rr: number) =>
      lathe(
        Array.from({ length: 13 }, (_, i) => {
          const th = (Math.PI / 2) * (1 - i / 12);
          return [Math.sin(th) * rr, -0.75 * rr * (1 - Math.cos(th))] as [number, number];
        }),
        48,
      );
    const place = (m: ReturnType<typeof dome>) => transform(m, { t: tip, r: [0.35, 0, 0] });
    return [
      part('base', base, 'main'),
      part('stem', stem, 'main'),
      part('arm', arm, 'main'),
      part('shade', place(dome(shadeR)), 'main'),
      part('shade-inside', place(dome(shadeR - 0.003)), 'shadeInside'),
      part('bulb', bulb(tip[1] - 0.06, 0.03, 0, tip[2] + 0.02), 'bulb'),
    ];
  },
};

const luma: Design = {
  build({ width: w, depth: d, height: h }) {
    const back = -d / 2;
    const plate = at(roundedBox(0.08, 0.12, 0.012, 0.004, 2), 0, h / 2, back + 0.006);
    const armLen = d - 0.1;
    const arm = at(cylinder(0.008, 0.008, armLen, 10), 0, h / 2, back + 0.012, [Math.PI / 2, 0, 0]);
    const r = w / 2;
    const cz = back + d - r;
    const half = (rr: number) =>
      surface(
        (u, v) => {
          const a = -Math.PI / 2 + u * Math.PI;
          return [Math.sin(a) * rr, v * h, cz + Math.cos(a) * rr];
        },
        32,
        1,
      );
    const shadeOuter = half(r);
    const shadeInner = half(r - 0.003);
    return [part('plate', plate, 'main'), part('arm', arm, 'main'), part('shade', shadeOuter, 'main'), part('shade-inside', shadeInner, 'shadeInside'), part('bulb', bulb(h / 2, 0.025, 0, cz), 'bulb')];
  },
};

export const lighting: Record<string, Design> = {
  'halo-floor-lamp': halo,
  'pia-table-lamp': pia,
  'orbit-pendant': orbit,
  'arc-reading-lamp': arc,
  'luma-wall-light': luma,
};
