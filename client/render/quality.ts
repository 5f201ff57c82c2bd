// Render settings for this device: without a GPU (a software WebGL renderer) scenes draw at half resolution and without MSAA so they stay interactive.

/** What a canvas is created with: R3F's `dpr` and the context's `antialias`. */
export interface RenderQuality {
  /** True when WebGL runs on the CPU (SwiftShader, llvmpipe, Microsoft Basic Render). */
  software: boolean;
  dpr: number | [number, number];
  antialias: boolean;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The renderer's name, read from a throwaway context (released at once), or '' when WebGL is missing. */
export function rendererName(): string {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/**
 * Full quality (device pixels up to 2x, MSAA) on a GPU; half resolution without MSAA on a software renderer, where
 * fill rate is the whole cost. `?render=full` in the page address forces full quality (for pictures).
 */
export function pickRenderQuality(renderer: string, search: string): RenderQuality {
  const software = SOFTWARE.test(renderer);
  if (!software || new URLSearchParams(search).get('render') === 'full') return { software, dpr: [1, 2], antialias: true };
  return { software, dpr: 0.5, antialias: false };
}

let cached: RenderQuality | undefined;

/** This page's render quality, worked out once. */
export function renderQuality(): RenderQuality {
  cached ??= pickRenderQuality(rendererName(), location.search);
  return cached;
}
