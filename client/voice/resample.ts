// Linear resampling of mono audio (the microphone's rate to the recogniser's 16 kHz).

/** `pcm` at `from` Hz as samples at `to` Hz (linear interpolation after a box low-pass when shrinking). */
export function resample(pcm: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return pcm;
  const ratio = from / to;
  const n = Math.floor(pcm.length / ratio);
  const out = new Float32Array(n);
  const width = Math.max(1, Math.round(ratio));
  for (let i = 0; i < n; i++) {
    const x = i * ratio;
    const j = Math.floor(x);
    let sum = 0;
    let count = 0;
    for (let k = j - (width >> 1); k <= j + (width >> 1); k++) {
      if (k < 0 || k >= pcm.length) continue;
      sum += pcm[k]!;
      count++;
    }
    out[i] = count ? sum / count : 0;
  }
  return out;
}
