// Table designs: oval dining table, round coffee table, tray side table, desk, console.
import { barHandle, type Design, leg, part, slab, squareLeg } from '../design';
import { at, box, lathe, roundedBox, transform, tube } from '../mesh';

/** A round top of radius 1 in x/z with a softly rounded edge, thickness t, top surface at y = 0. */
function roundTop(t: number, segments = 64) {
  const e = Math.min(0.012, t / 2);
  return lathe(
    [
      [0, -t],
      [1 - e * 1.5, -t],
      [1 - e * 0.3, -t + e * 0.4],
      [1, -t / 2],
      [1 - e * 0.3, -e * 0.4],
      [1 - e * 1.5, 0],
      [0, 0],
    ],
    segments,
  );
}

const aria: Design = {
  build({ width: w, depth: d, height: h }) {
    const t = 0.035;
    // Scale the unit top in x/z only; the edge profile is built in metres at radius ~1, so keep its y.
    const top = transform(roundTop(t, 72), { t: [0, h, 0], s: [w / 2, 1, d / 2] });
    const legs = [-1, 1].flatMap((sx) => [-1, 1].map((sz) => leg([sx * w * 0.34, 0, sz * d * 0.3], [sx * w * 0.3, h - t, sz * d * 0.25], 0.032, 0.018)));
    const rails = [-1, 1].map((sz) => tube([[-w * 0.3, h - t - 0.04, sz * d * 0.25], [w * 0.3, h - t - 0.04, sz * d * 0.25]], 0.014, 8));
    return [part('top', top, 'main'), ...legs.map((m, i) => part(`leg-${i}`, m, 'main')), ...rails.map((m, i) => part(`apron-${i}`, m, 'main'))];
  },
};

const nord: Design = {
  build({ width: w, height: h }) {
    const r = w / 2;
    const t = 0.025;
    const top = transform(roundTop(t, 72), { t: [0, h, 0], s: [r, 1, r] });
    const pr = r * 0.42;
    const fluted = lathe(
      [
        [pr * 0.92, 0],
        [pr * 0.96, 0.01],
        [pr, (h - t) * 0.5],
        [pr * 0.9, h - t - 0.01],
        [pr * 0.85, h - t],
      ],
      96,
      { radiusAt: (a) => 1 + 0.035 * Math.abs(Math.sin(a * 12)), closeTop: true, closeBottom: true },
    );
    return [part('top', top, 'main'), part('base', fluted, 'oak')];
  },
};

const tessa: Design = {
  build({ width: w, height: h }) {
    const r = w / 2;
    const tray = lathe(
      [
        [0, h - 0.03],
        [r - 0.01, h - 0.03],
        [r, h - 0.025],
        [r + 0.0, h],
        [r - 0.006, h],
        [r - 0.006, h - 0.024],
        [0, h - 0.024],
      ],
      56,
    );
    const legs = [0, 1, 2].map((i) => {
      const a = (i * Math.PI * 2) / 3;
      return leg([Math.sin(a) * (r - 0.02), 0, Math.cos(a) * (r - 0.02)], [Math.sin(a) * (r - 0.06), h - 0.03, Math.cos(a) * (r - 0.06)], 0.009, 0.008);
    });
    return [part('tray', tray, 'main'), ...legs.map((m, i) => part(`leg-${i}`, m, 'main'))];
  },
};

const milo: Design = {
  build({ width: w, depth: d, height: h }) {
    const t = 0.03;
    const top = slab(w, t, d, 0, h - t / 2, 0, 0.006);
    const legs = [-1, 1].flatMap((sx) => [-1, 1].map((sz) => squareLeg(sx * (w / 2 - 0.05), sz * (d / 2 - 0.05), 0, h - t, 0.045)));
    const drawer = slab(0.5, 0.09, d - 0.12, w / 2 - 0.38, h - t - 0.045, 0.02, 0.004);
    const front = slab(0.48, 0.075, 0.015, w / 2 - 0.38, h - t - 0.047, d / 2 - 0.04, 0.003);
    const handle = barHandle(w / 2 - 0.38, h - t - 0.047, d / 2 - 0.033, 0.14, 0.005);
    const tray = transform(box(w - 0.5, 0.005, 0.12), { t: [0, h - t - 0.12, -d / 2 + 0.1] });
    const trayLip = transform(box(w - 0.5, 0.06, 0.005), { t: [0, h - t - 0.09, -d / 2 + 0.158] });
    const stretcher = slab(w - 0.1, 0.05, 0.02, 0, 0.12, -d / 2 + 0.05, 0.004);
    return [
      part('top', top, 'main'),
      ...legs.map((m, i) => part(`leg-${i}`, m, 'oak')),
      part('drawer-box', drawer, 'main'),
      part('drawer-front', front, 'main'),
      part('handle', handle, 'blackSteel'),
      part('cable-tray', tray, 'blackSteel'),
      part('cable-tray-lip', trayLip, 'blackSteel'),
      part('stretcher', stretcher, 'oak'),
    ];
  },
};

const vera: Design = {
  build({ width: w, depth: d, height: h }) {
    const t = 0.025;
    const top = slab(w, t, d, 0, h - t / 2, 0, 0.006);
    const shelf = slab(w - 0.08, 0.02, d - 0.06, 0, 0.18, 0, 0.005);
    const legs = [-1, 1].flatMap((sx) => [-1, 1].map((sz) => squareLeg(sx * (w / 2 - 0.035), sz * (d / 2 - 0.035), 0, h - t, 0.032)));
    const apron = [-1, 1].map((sz) => at(roundedBox(w - 0.1, 0.06, 0.018, 0.004, 2), 0, h - t - 0.03, sz * (d / 2 - 0.035)));
    return [part('top', top, 'main'), part('shelf', shelf, 'main'), ...legs.map((m, i) => part(`leg-${i}`, m, 'main')), ...apron.map((m, i) => part(`apron-${i}`, m, 'main'))];
  },
};

export const tables: Record<string, Design> = {
  'aria-dining-table': aria,
  'nord-coffee-table': nord,
  'tessa-side-table': tessa,
  'milo-desk': milo,
  'vera-console': vera,
};
