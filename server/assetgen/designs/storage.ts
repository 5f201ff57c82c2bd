// Storage designs: bookcase, sideboard, dresser, glass-front cabinet, nightstand.
import { barHandle, type Design, knob, leg, type Part, part, shiftZ, slab, squareLeg } from '../design';
import { linear } from '../materials';
import { box, lathe, transform } from '../mesh';

/** Deterministic pseudo-random numbers in [0, 1) from a seed (books vary in size and colour the same way every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const bookColours = ['#7b2e2a', '#2d4a6b', '#d8cfbf', '#3c5a43', '#b88a3a', '#4a4a4f', '#e5dfd3', '#8c6a4f'].map(linear);

/** A row of books standing on a shelf at height y, filling [x0, x1] at depth z (books face +Z). */
function books(x0: number, x1: number, y: number, z: number, maxH: number, seed: number): Part[] {
  const rnd = random(seed);
  const out: Part[] = [];
  let x = x0;
  while (x < x1) {
    const t = 0.018 + rnd() * 0.03;
    if (x + t > x1) break;
    const h = maxH * (0.72 + rnd() * 0.28);
    const d = 0.16 + rnd() * 0.06;
    out.push(part(`book-${seed}-${out.length}`, transform(box(t, h, d), { t: [x + t / 2, y + h / 2, z] }), 'props', bookColours[Math.floor(rnd() * bookColours.length)]!));
    x += t + 0.002;
  }
  return out;
}

/** A cabinet body of panels: sides, top, bottom and back, with the inside open at the front. */
function carcass(w: number, d: number, y0: number, y1: number, t: number, prefix = ''): Part[] {
  const h = y1 - y0;
  return [
    part(`${prefix}side-left`, slab(t, h, d, -w / 2 + t / 2, y0 + h / 2, 0, 0.003), 'main'),
    part(`${prefix}side-right`, slab(t, h, d, w / 2 - t / 2, y0 + h / 2, 0, 0.003), 'main'),
    part(`${prefix}top`, slab(w, t, d, 0, y1 - t / 2, 0, 0.004), 'main'),
    part(`${prefix}bottom`, slab(w - 2 * t, t, d - 0.01, 0, y0 + t / 2, 0, 0.002), 'main'),
    part(`${prefix}back`, slab(w - 2 * t, h - 2 * t, 0.008, 0, y0 + h / 2, -d / 2 + 0.004, 0.001), 'main'),
  ];
}

const stack: Design = {
  build({ width: w, depth: d, height: h }) {
    const t = 0.025;
    const parts = carcass(w, d, 0, h, t);
    const inner = h - 2 * t;
    const shelves = 4;
    const gap = inner / (shelves + 1);
    for (let i = 1; i <= shelves; i++) parts.push(part(`shelf-${i}`, slab(w - 2 * t, t, d - 0.02, 0, t + i * gap, 0.005, 0.002), 'main'));
    parts.push(part('plinth', slab(w - 2 * t, 0.06, 0.02, 0, 0.03, d / 2 - 0.02, 0.002), 'main'));
    // Books on three shelves, leaving room for the look of a styled bookcase.
    for (const [i, from, to] of [
      [0, -w / 2 + t + 0.01, w / 2 - t - 0.2],
      [2, -w / 2 + t + 0.25, w / 2 - t - 0.01],
      [3, -w / 2 + t + 0.01, 0.05],
    ] as const) {
      const y = t + i * gap + (i === 0 ? 0 : t / 2);
      parts.push(...books(from, to, y, 0.02, gap - t - 0.04, 17 + i));
    }
    return parts;
  },
};

const dune: Design = {
  build({ width: w, depth: d, height: h }) {
    const legH = 0.16;
    const t = 0.02;
    // The pulls stand 3.4 cm proud of the doors: the body is that much shallower, and everything moves back by half.
    const bd = d - 0.034;
    const parts = carcass(w, bd, legH, h, t);
    const dw = (w - 2 * t - 0.01) / 3;
    for (let i = 0; i < 3; i++) {
      const x = -w / 2 + t + 0.005 + dw * (i + 0.5);
      parts.push(part(`door-${i}`, slab(dw - 0.006, h - legH - 2 * t - 0.008, 0.018, x, (h + legH) / 2, bd / 2 - 0.005, 0.002), 'main'));
      parts.push(part(`pull-${i}`, barHandle(x + (i === 2 ? -1 : 1) * (dw / 2 - 0.04), (h + legH) / 2 + 0.05, bd / 2 + 0.004, 0.12, 0.005, true), 'brass'));
    }
    const legs = [-1, 1].flatMap((sx) => [-1, 1].map((sz) => leg([sx * (w / 2 - 0.08), 0, sz * (bd / 2 - 0.06)], [sx * (w / 2 - 0.1), legH, sz * (bd / 2 - 0.08)], 0.016, 0.01)));
    return shiftZ([...parts, ...legs.map((m, i) => part(`leg-${i}`, m, 'blackSteel'))], -0.017);
  },
};

const kiri: Design = {
  build({ width: w, depth: d, height: h }) {
    const legH = 0.1;
    const t = 0.022;
    // Knobs stand 3.2 cm proud of the fronts: the body is that much shallower, and everything moves back by half.
    const bd = d - 0.032;
    const parts = carcass(w, bd, legH, h, t);
    const cols = 2;
    const rows = 3;
    const dw = (w - 2 * t) / cols;
    const dh = (h - legH - 2 * t) / rows;
    for (let c = 0; c < cols; c++) {
      for (let r = 0; r < rows; r++) {
        const x = -w / 2 + t + dw * (c + 0.5);
        const y = legH + t + dh * (r + 0.5);
        parts.push(part(`drawer-${c}-${r}`, slab(dw - 0.006, dh - 0.006, 0.02, x, y, bd / 2 - 0.004, 0.003), 'main'));
        parts.push(part(`knob-${c}-${r}`, knob(x, y, bd / 2 + 0.006, 0.015), 'oak'));
      }
    }
    for (const sx of [-1, 1]) for (const sz of [-1, 1]) parts.push(part(`leg-${sx}-${sz}`, squareLeg(sx * (w / 2 - 0.04), sz * (bd / 2 - 0.04), 0, legH, 0.04), 'main'));
    return shiftZ(parts, -0.016);
  },
};

const nook: Design = {
  build({ width: w, depth: d, height: h }) {
    const legH = 0.08;
    const t = 0.022;
    const parts = carcass(w, d, legH, h, t);
    const inner = h - legH - 2 * t;
    for (let i = 1; i <= 3; i++) parts.push(part(`shelf-${i}`, slab(w - 2 * t, 0.018, d - 0.05, 0, legH + t + (i * inner) / 4, -0.01, 0.002), 'main'));
    const dw = (w - 2 * t) / 2;
    const frame = 0.045;
    const dh = inner - 0.006;
    const z = d / 2 - 0.01;
    for (const s of [-1, 1]) {
      const x = s * (dw / 2);
      const y = legH + t + inner / 2;
      parts.push(part(`door-stile-out-${s}`, slab(frame, dh, 0.02, x + s * (dw / 2 - frame / 2 - 0.003), y, z, 0.003), 'main'));
      parts.push(part(`door-stile-in-${s}`, slab(frame, dh, 0.02, x - s * (dw / 2 - frame / 2 - 0.003), y, z, 0.003), 'main'));
      parts.push(part(`door-rail-top-${s}`, slab(dw - 0.006, frame, 0.02, x, y + dh / 2 - frame / 2, z, 0.003), 'main'));
      parts.push(part(`door-rail-bottom-${s}`, slab(dw - 0.006, frame, 0.02, x, y - dh / 2 + frame / 2, z, 0.003), 'main'));
      parts.push(part(`door-glass-${s}`, transform(box(dw - 2 * frame, dh - 2 * frame, 0.004), { t: [x, y, z] }), 'glass'));
      parts.push(part(`handle-${s}`, barHandle(s * 0.03, y, z + 0.01, 0.16, 0.005, true), 'brass'));
    }
    // Bowls and a jug on the shelves, seen through the glass.
    const bowl = (x: number, y: number, r: number, colour: string, name: string) =>
      part(name, transform(lathe([[0, 0], [r * 0.55, 0], [r, r * 0.55], [r * 0.92, r * 0.6], [r * 0.5, r * 0.1], [0, r * 0.1]], 24), { t: [x, y, -0.02] }), 'props', linear(colour));
    const shelfY = (i: number) => legH + t + (i * inner) / 4 + 0.009;
    parts.push(bowl(-0.15, shelfY(1), 0.09, '#e9e4da', 'bowl-1'), bowl(0.12, shelfY(1), 0.07, '#5f7f86', 'bowl-2'), bowl(-0.05, shelfY(2), 0.11, '#c9a27a', 'bowl-3'));
    for (const sx of [-1, 1]) for (const sz of [-1, 1]) parts.push(part(`leg-${sx}-${sz}`, squareLeg(sx * (w / 2 - 0.04), sz * (d / 2 - 0.04), 0, legH, 0.035), 'main'));
    return parts;
  },
};

const tide: Design = {
  build({ width: w, depth: d, height: h }) {
    const legH = 0.14;
    const t = 0.018;
    const parts: Part[] = [
      part('top', slab(w, t, d, 0, h - t / 2, 0, 0.004), 'main'),
      part('side-left', slab(t, h - legH - t, d, -w / 2 + t / 2, (h - t + legH) / 2, 0, 0.003), 'main'),
      part('side-right', slab(t, h - legH - t, d, w / 2 - t / 2, (h - t + legH) / 2, 0, 0.003), 'main'),
      part('bottom', slab(w - 2 * t, t, d, 0, legH + t / 2, 0, 0.002), 'main'),
      part('shelf', slab(w - 2 * t, t, d - 0.02, 0, h - 0.17, 0, 0.002), 'main'),
      part('back', slab(w - 2 * t, h - legH - t, 0.008, 0, (h - t + legH) / 2, -d / 2 + 0.004, 0.001), 'main'),
      part('drawer', slab(w - 2 * t - 0.006, 0.13, 0.018, 0, h - t - 0.075, d / 2 - 0.004, 0.003), 'main'),
      part('knob', knob(0, h - t - 0.075, d / 2 + 0.005, 0.014), 'brass'),
    ];
    const legs = [-1, 1].flatMap((sx) => [-1, 1].map((sz) => leg([sx * (w / 2 - 0.035), 0, sz * (d / 2 - 0.035)], [sx * (w / 2 - 0.045), legH, sz * (d / 2 - 0.045)], 0.014, 0.01)));
    return [...parts, ...legs.map((m, i) => part(`leg-${i}`, m, 'main'))];
  },
};

export const storage: Record<string, Design> = {
  'stack-bookcase': stack,
  'dune-sideboard': dune,
  'kiri-dresser': kiri,
  'nook-cabinet': nook,
  'tide-nightstand': tide,
};
