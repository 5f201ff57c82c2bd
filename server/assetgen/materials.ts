// PBR materials of the generated models: finishes for catalogue variants and the fixed materials parts share.
import type { Variant } from '../contracts/catalog';

/** Metallic-roughness PBR parameters; colours are linear RGB. */
export interface Pbr {
  color: [number, number, number];
  roughness: number;
  metalness: number;
  /** Linear emitted colour (lamp shades, bulbs). */
  emissive?: [number, number, number];
  /** 0-1; below 1 the material is blended (glass). */
  opacity?: number;
  doubleSided?: boolean;
}

/** sRGB hex ("#c49a63") to linear RGB. */
export function linear(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const c = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return [c((n >> 16) & 255), c((n >> 8) & 255), c(n & 255)];
}

/** Roughness and metalness of each catalogue finish when a variant does not set them. */
export const finishes: Record<Variant['material'], { roughness: number; metalness: number }> = {
  fabric: { roughness: 0.95, metalness: 0 },
  leather: { roughness: 0.5, metalness: 0 },
  wood: { roughness: 0.62, metalness: 0 },
  metal: { roughness: 0.45, metalness: 0.25 },
  plastic: { roughness: 0.4, metalness: 0 },
  glass: { roughness: 0.12, metalness: 0 },
  ceramic: { roughness: 0.28, metalness: 0 },
  stone: { roughness: 0.32, metalness: 0 },
};

/** The material of a catalogue variant; `glow` (0-1) makes it emit its own colour, like a lit shade. */
export function variantPbr(v: Variant, glow = 0): Pbr {
  const f = finishes[v.material];
  const color = linear(v.color);
  return {
    color,
    roughness: v.roughness ?? f.roughness,
    metalness: v.metalness ?? f.metalness,
    ...(glow > 0 ? { emissive: color.map((c) => c * glow) as [number, number, number], doubleSided: true } : {}),
  };
}

/** Materials that do not change with the variant. */
export const fixed = {
  oak: { color: linear('#bf9f74'), roughness: 0.6, metalness: 0 },
  walnut: { color: linear('#5e3b24'), roughness: 0.55, metalness: 0 },
  blackSteel: { color: linear('#232325'), roughness: 0.42, metalness: 0.3 },
  brass: { color: linear('#c9a45c'), roughness: 0.28, metalness: 1 },
  linen: { color: linear('#efe7d6'), roughness: 0.9, metalness: 0, emissive: linear('#5a4f3c'), doubleSided: true },
  shadeInside: { color: linear('#f4efe6'), roughness: 0.8, metalness: 0, emissive: linear('#8a7a5a'), doubleSided: true },
  bulb: { color: linear('#fff6e0'), roughness: 0.3, metalness: 0, emissive: linear('#ffe2a8') },
  mirror: { color: linear('#e4eaee'), roughness: 0.02, metalness: 1 },
  glass: { color: linear('#dfe9ec'), roughness: 0.05, metalness: 0, opacity: 0.22 },
  soil: { color: linear('#3a2a1f'), roughness: 1, metalness: 0 },
  cord: { color: linear('#1d1d1f'), roughness: 0.6, metalness: 0 },
  props: { color: [1, 1, 1], roughness: 0.8, metalness: 0 },
  felt: { color: linear('#2b2b2b'), roughness: 1, metalness: 0 },
} satisfies Record<string, Pbr>;

export type FixedMaterial = keyof typeof fixed;
