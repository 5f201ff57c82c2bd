// How the scene is drawn, read once from the page URL: the render benchmark's stress and naive modes.

export interface RenderMode {
  /** Draw every part as its own mesh and never instance: the benchmark's baseline (`?naive=1`). */
  naive: boolean;
  /** Replace the showroom with a grid of this many product instances (`?stress=200`); 0 = the real showroom. */
  stress: number;
}

/** Parses the render mode from a query string; bad values fall back to the normal showroom. */
export function parseRenderMode(search: string): RenderMode {
  const q = new URLSearchParams(search);
  const stress = Number(q.get('stress') ?? 0);
  return { naive: q.get('naive') === '1', stress: Number.isInteger(stress) && stress > 0 && stress <= 2000 ? stress : 0 };
}

export const renderMode: RenderMode = parseRenderMode(typeof location === 'undefined' ? '' : location.search);

/** Where a product's model file is served from; the naive baseline uses per-part models. */
export function modelUrl(model: string): string {
  return renderMode.naive ? `/assets/${model.replace(/^models\//, 'models-naive/')}` : `/assets/${model}`;
}
