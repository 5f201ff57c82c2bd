// Frame-time and probe-cost statistics: a `perf` event every 30 s, and percentiles for the debug handle and benchmarks.
import type { TrackInput } from '../../server/contracts/events';

export const PERF_INTERVAL_MS = 30_000;
const RING = 4096;
const scratch = new Float32Array(RING);

/** Percentiles of the first `n` values of a ring (copied and sorted; for reports, never per frame). */
function percentiles(ring: Float32Array, n: number, ps: readonly number[]): number[] {
  const m = Math.min(n, RING);
  if (m === 0) return ps.map(() => 0);
  const s = scratch.subarray(0, m);
  s.set(ring.subarray(0, m));
  s.sort();
  return ps.map((p) => s[Math.min(m - 1, Math.floor(p * m))]!);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export class PerfMonitor {
  private readonly frameMs = new Float32Array(RING);
  private readonly probeMs = new Float32Array(RING);
  private frames = 0;
  private longFrames = 0;
  private windowStart = -1;
  /** The probe's cost over the recent frames (a ring, independent of reporting windows). */
  private readonly recentProbe = new Float32Array(600);
  private recentCount = 0;

  /** One frame: its length and the probe's share of it, ms; monotonic `now`, ms. */
  record(now: number, frameMs: number, probeMs: number): void {
    if (this.windowStart < 0) this.windowStart = now;
    const i = this.frames % RING;
    this.frameMs[i] = frameMs;
    this.probeMs[i] = probeMs;
    this.frames++;
    if (frameMs > 50) this.longFrames++;
    this.recentProbe[this.recentCount % 600] = probeMs;
    this.recentCount++;
  }

  /** Forgets the recent probe costs (a benchmark's warm-up). */
  resetProbeCost(): void {
    this.recentCount = 0;
  }

  /** The probe's cost over the last (up to) 600 frames: median, 95th percentile, maximum, mean, ms. */
  probeCost(): { p50: number; p95: number; max: number; mean: number; frames: number } {
    const n = Math.min(this.recentCount, 600);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.recentProbe[i]!;
    const [p50, p95, max] = percentiles(this.recentProbe, n, [0.5, 0.95, 1 - 1e-9]);
    return { p50: p50!, p95: p95!, max: max!, mean: n ? sum / n : 0, frames: this.recentCount };
  }

  /** Whether a report is due at `now` (cheap: call every frame, then `report`). */
  due(now: number): boolean {
    return this.windowStart >= 0 && this.frames > 0 && now - this.windowStart >= PERF_INTERVAL_MS;
  }

  /** The `perf` event for the window ending at `now`, once PERF_INTERVAL_MS has passed; else null. */
  report(now: number, extra: { drawCalls?: number; triangles?: number; queueEvents?: number; queueBytes?: number }): TrackInput | null {
    if (!this.due(now)) return null;
    const windowMs = Math.round(now - this.windowStart);
    const [p50, p95, max] = percentiles(this.frameMs, this.frames, [0.5, 0.95, 1 - 1e-9]);
    const [probe50, probeMax] = percentiles(this.probeMs, this.frames, [0.5, 1 - 1e-9]);
    const heap = (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
    const event: TrackInput = {
      type: 'perf',
      input: 'system',
      props: {
        windowMs,
        frames: this.frames,
        fps: round2((this.frames * 1000) / windowMs),
        frameMsP50: round2(p50!),
        frameMsP95: round2(p95!),
        frameMsMax: round2(Math.min(max!, 60_000)),
        longFrames: this.longFrames,
        probeMsP50: round2(probe50!),
        probeMsMax: round2(probeMax!),
        ...extra,
        ...(heap ? { heapMb: round2(heap / 2 ** 20) } : {}),
      },
    };
    this.frames = 0;
    this.longFrames = 0;
    this.windowStart = now;
    return event;
  }
}
