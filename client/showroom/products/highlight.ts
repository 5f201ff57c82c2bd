// Hover highlight: lifts the emissive colour of a product's materials (no extra draw call, no shader change).
import { Color, type Material, type MeshStandardMaterial } from 'three';

const LIFT = new Color(0.07, 0.06, 0.045);

/** Turns the highlight on or off for every material of a product. */
export function setHighlight(materials: readonly Material[], on: boolean): void {
  for (const m of materials) {
    const s = m as MeshStandardMaterial;
    if (!s.emissive) continue;
    const base = (s.userData.baseEmissive ??= s.emissive.clone()) as Color;
    s.emissive.copy(base);
    if (on) s.emissive.add(LIFT);
  }
}
