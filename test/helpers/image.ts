// Pixel checks on PNG screenshots: is the picture blank, and does a region hold a given colour.
import { PNG } from 'pngjs';

export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

export function decodePng(buf: Buffer): Pixels {
  const png = PNG.sync.read(buf);
  return {
    width: png.width,
    height: png.height,
    at(x, y) {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    },
  };
}

/** Standard deviation of luminance and number of distinct (quantised) colours over a grid of samples. */
export function imageStats(p: Pixels): { lumaStdDev: number; distinctColours: number } {
  const lumas: number[] = [];
  const colours = new Set<number>();
  for (let y = 0; y < p.height; y += 4) {
    for (let x = 0; x < p.width; x += 4) {
      const [r, g, b] = p.at(x, y);
      lumas.push(0.2126 * r + 0.7152 * g + 0.0722 * b);
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
  }
  const mean = lumas.reduce((a, b) => a + b, 0) / lumas.length;
  const variance = lumas.reduce((a, b) => a + (b - mean) ** 2, 0) / lumas.length;
  return { lumaStdDev: Math.sqrt(variance), distinctColours: colours.size };
}

/** Hue in degrees (0-360) and saturation (0-1) of an sRGB colour. */
export function hueSat([r, g, b]: [number, number, number]): { hue: number; sat: number } {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const sat = max === 0 ? 0 : d / max;
  let hue = 0;
  if (d > 0) {
    if (max === r) hue = ((g - b) / d) % 6;
    else if (max === g) hue = (b - r) / d + 2;
    else hue = (r - g) / d + 4;
    hue *= 60;
    if (hue < 0) hue += 360;
  }
  return { hue, sat };
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Share of pixels in a square around (x, y) whose hue is within `tolerance` degrees of `hex` and saturated. */
export function hueShare(p: Pixels, x: number, y: number, radius: number, hex: string, tolerance = 25): number {
  const target = hueSat(hexToRgb(hex)).hue;
  let hits = 0;
  let total = 0;
  for (let yy = Math.max(0, y - radius); yy <= Math.min(p.height - 1, y + radius); yy += 2) {
    for (let xx = Math.max(0, x - radius); xx <= Math.min(p.width - 1, x + radius); xx += 2) {
      total++;
      const { hue, sat } = hueSat(p.at(xx, yy));
      const dh = Math.min(Math.abs(hue - target), 360 - Math.abs(hue - target));
      if (sat > 0.2 && dh <= tolerance) hits++;
    }
  }
  return total ? hits / total : 0;
}
