// The render quality picked for GPU and software renderers, and the override for pictures.
import { describe, expect, it } from 'vitest';
import { pickRenderQuality } from './quality';

describe('pickRenderQuality', () => {
  it('keeps full resolution and MSAA on a GPU', () => {
    expect(pickRenderQuality('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', '')).toEqual({ software: false, dpr: [1, 2], antialias: true });
    expect(pickRenderQuality('Adreno (TM) 740', '?render=full')).toMatchObject({ software: false, antialias: true });
  });

  it('halves the resolution and drops MSAA on software renderers', () => {
    for (const name of ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'Microsoft Basic Render Driver']) {
      expect(pickRenderQuality(name, ''), name).toEqual({ software: true, dpr: 0.5, antialias: false });
    }
  });

  it('draws full quality on a software renderer when the address asks for it', () => {
    expect(pickRenderQuality('SwiftShader', '?render=full&x=1')).toEqual({ software: true, dpr: [1, 2], antialias: true });
    expect(pickRenderQuality('SwiftShader', '?render=fast')).toMatchObject({ dpr: 0.5 });
  });
});
