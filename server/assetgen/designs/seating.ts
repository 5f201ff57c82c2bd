// Seating designs: dining chair, lounge armchair, sofa, counter stool, bench.
import { bend, type Design, leg, part, slab } from '../design';
import { at, bezier, cylinder, lathe, roundedBox, torus, transform, tube } from '../mesh';

const oslo: Design = {
  build({ width: w, depth: d, height: h }) {
    const seatY = 0.45;
    const lx = w / 2 - 0.03;
    const fz = d / 2 - 0.04;
    const bz = -d / 2 + 0.05;
    const legs = [-1, 1].flatMap((s) => [
      leg([s * lx, 0, fz], [s * (lx - 0.01), seatY - 0.03, fz - 0.01], 0.016, 0.012),
      // Back legs rise on into the back posts, leaning back.
      tube(bezier([s * lx, 0, bz + 0.01], [s * lx, seatY, bz + 0.03], [s * (lx - 0.005), h - 0.02, -d / 2 + 0.015], 12), 0.015, 10),
    ]);
    const rails = [-1, 1].map((s) => tube([[s * lx, 0.16, fz], [s * lx, 0.16, bz + 0.02]], 0.009, 8));
    const frame = slab(w - 0.03, 0.03, d - 0.06, 0, seatY - 0.03, 0.01, 0.008);
    const cushion = slab(w - 0.05, 0.05, d - 0.1, 0, seatY + 0.01, 0.02, 0.022);
    const back = at(bend(roundedBox(w - 0.02, 0.13, 0.018, 0.007, 3), 0.45), 0, h - 0.085, -d / 2 + 0.035, [-0.12, 0, 0]);
    return [
      ...legs.map((m, i) => part(`leg-${i}`, m, 'oak')),
      ...rails.map((m, i) => part(`rail-${i}`, m, 'oak')),
      part('seat-frame', frame, 'oak'),
      part('back', back, 'oak'),
      part('seat-cushion', cushion, 'main'),
    ];
  },
};

const bergen: Design = {
  build({ width: w, depth: d, height: h }) {
    const legH = 0.15;
    const arm = 0.13;
    const legs = [-1, 1].flatMap((sx) => [-1, 1].map((sz) => leg([sx * (w / 2 - 0.06), 0, sz * (d / 2 - 0.06)], [sx * (w / 2 - 0.08), legH, sz * (d / 2 - 0.08)], 0.02, 0.013)));
    const body = slab(w - 0.02, 0.22, d - 0.04, 0, legH + 0.11, 0, 0.04);
    const arms = [-1, 1].map((s) => slab(arm, 0.62 - legH, d - 0.02, s * (w / 2 - arm / 2), (0.62 + legH) / 2, 0.005, 0.05));
    const back = transform(roundedBox(w - 0.02, h - legH - 0.1, 0.17, 0.06, 4), { t: [0, (h + legH + 0.1) / 2 - 0.02, -d / 2 + 0.1], r: [-0.14, 0, 0] });
    const seat = slab(w - 2 * arm - 0.01, 0.14, d - 0.2, 0, legH + 0.22 + 0.06, 0.07, 0.05);
    const backCushion = transform(roundedBox(w - 2 * arm - 0.02, 0.36, 0.14, 0.06, 4), { t: [0, legH + 0.47, -d / 2 + 0.2], r: [-0.2, 0, 0] });
    return [
      ...legs.map((m, i) => part(`leg-${i}`, m, 'walnut')),
      part('body', body, 'main'),
      ...arms.map((m, i) => part(`arm-${i}`, m, 'main')),
      part('back', back, 'main'),
      part('seat-cushion', seat, 'main'),
      part('back-cushion', backCushion, 'main'),
    ];
  },
};

const fjord: Design = {
  build({ width: w, depth: d, height: h }) {
    const arm = 0.17;
    const baseY = 0.1;
    const inner = w - 2 * arm;
    const cw = inner / 3;
    const frame = slab(w - 0.02, 0.04, d - 0.03, 0, baseY - 0.02, 0, 0.008);
    const feet = [-1, 0, 1].flatMap((sx) => [-1, 1].map((sz) => slab(0.06, baseY - 0.04, 0.06, sx * (w / 2 - 0.06), (baseY - 0.04) / 2, sz * (d / 2 - 0.06), 0.006)));
    const base = slab(w, 0.2, d, 0, baseY + 0.1, 0, 0.035);
    const arms = [-1, 1].map((s) => slab(arm, 0.6 - baseY, d, s * (w / 2 - arm / 2), (0.6 + baseY) / 2, 0, 0.05));
    const back = slab(inner, 0.32, 0.2, 0, baseY + 0.2 + 0.16, -d / 2 + 0.1, 0.05);
    const seats = [-1, 0, 1].map((i) => slab(cw - 0.01, 0.14, d - 0.26, i * cw, baseY + 0.27, 0.12, 0.05));
    const backs = [-1, 0, 1].map((i) =>
      transform(roundedBox(cw - 0.015, h - baseY - 0.28, 0.17, 0.07, 4), { t: [i * cw, (h + baseY + 0.28) / 2 - 0.005, -d / 2 + 0.22], r: [-0.16, 0, 0] }),
    );
    return [
      part('frame', frame, 'oak'),
      ...feet.map((m, i) => part(`foot-${i}`, m, 'oak')),
      part('base', base, 'main'),
      ...arms.map((m, i) => part(`arm-${i}`, m, 'main')),
      part('back', back, 'main'),
      ...seats.map((m, i) => part(`seat-cushion-${i}`, m, 'main')),
      ...backs.map((m, i) => part(`back-cushion-${i}`, m, 'main')),
    ];
  },
};

const kobe: Design = {
  build({ width: w, height: h }) {
    const r = w / 2;
    const seat = lathe(
      [
        [0, h - 0.045],
        [r - 0.04, h - 0.045],
        [r - 0.01, h - 0.04],
        [r, h - 0.025],
        [r - 0.008, h - 0.003],
        [r - 0.03, h],
        [0, h],
      ],
      40,
    );
    const legs = [0, 1, 2, 3].map((i) => {
      const a = Math.PI / 4 + (i * Math.PI) / 2;
      return leg([Math.sin(a) * (r - 0.012), 0, Math.cos(a) * (r - 0.012)], [Math.sin(a) * (r * 0.55), h - 0.045, Math.cos(a) * (r * 0.55)], 0.012, 0.011);
    });
    const ringY = 0.26;
    const ringR = r - 0.012 - ((r - 0.012 - r * 0.55) * ringY) / (h - 0.045) + 0.004;
    const ring = at(torus(ringR, 0.009, 8, 48), 0, ringY, 0);
    const plate = at(cylinder(r * 0.62, r * 0.62, 0.012, 24), 0, h - 0.057, 0);
    return [part('seat', seat, 'oak'), ...legs.map((m, i) => part(`leg-${i}`, m, 'main')), part('foot-ring', ring, 'main'), part('seat-plate', plate, 'main')];
  },
};

const lund: Design = {
  build({ width: w, depth: d, height: h }) {
    const t = 0.045;
    const top = slab(w, t, d, 0, h - t / 2, 0, 0.01);
    const legs = [-1, 1].flatMap((sx) => [-1, 1].map((sz) => leg([sx * (w / 2 - 0.1), 0, sz * (d / 2 - 0.04)], [sx * (w / 2 - 0.16), h - t, sz * (d / 2 - 0.08)], 0.022, 0.017)));
    const stretchers = [-1, 1].map((sx) => tube([[sx * (w / 2 - 0.125), 0.16, -(d / 2 - 0.055)], [sx * (w / 2 - 0.125), 0.16, d / 2 - 0.055]], 0.011, 8));
    const middle = tube([[-(w / 2 - 0.125), 0.16, 0], [w / 2 - 0.125, 0.16, 0]], 0.012, 8);
    return [part('top', top, 'main'), ...legs.map((m, i) => part(`leg-${i}`, m, 'main')), ...stretchers.map((m, i) => part(`stretcher-${i}`, m, 'main')), part('stretcher-long', middle, 'main')];
  },
};

export const seating: Record<string, Design> = {
  'oslo-chair': oslo,
  'bergen-armchair': bergen,
  'fjord-sofa': fjord,
  'kobe-stool': kobe,
  'lund-bench': lund,
};
