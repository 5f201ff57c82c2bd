// Exposes the recorder's state on `window.showroomTelemetry`, for automation, tests and benchmarks.
import type { TrackInput } from '../../server/contracts/events';
import { persistNow } from './persistence';
import { flushTelemetry, track } from './recorder';
import { telemetry } from './state';

export interface ProbeStats {
  /** Products the gaze ray is tested against. */
  targets: number;
  /** The product the head ray rests on now, if any, and whether that is a dwell yet. */
  gazeProductId: string | null;
  dwelling: boolean;
  dwellsStarted: number;
  poseSamples: number;
  poseChunks: number;
  /** What the last pose sample held: 1 head, 2 left, 4 right, 8 left is a hand, 16 right is a hand. */
  poseMask: number;
  /** The probe's own time per frame, ms: median, 95th percentile and maximum over the last frames. */
  frameMsP50: number;
  frameMsP95: number;
  frameMsMax: number;
  frameMsMean: number;
  frames: number;
  /** Times bounds were computed for a product group (once per model loaded or changed). */
  boundsComputed: number;
}

export interface TelemetryDebug {
  track(input: TrackInput): void;
  /** Writes the queue to IndexedDB, then sends everything queued. */
  flush(): Promise<void>;
  persist(): Promise<void>;
  stats(): {
    sessionId: string | null;
    queued: number;
    queuedBytes: number;
    delivered: number;
    attempt: number;
    lastError: string | null;
    adopted: string[];
    durable: boolean;
  };
  /** Filled in by the TelemetryProbe once it runs inside the Canvas. */
  probe: { stats(): ProbeStats; resetStats(): void; presentXR(session: XRSession): Promise<void> } | null;
}

declare global {
  interface Window {
    showroomTelemetry?: TelemetryDebug;
  }
}

export function installDebugHandle(): void {
  if (window.showroomTelemetry) return;
  window.showroomTelemetry = {
    track,
    async flush() {
      await persistNow();
      await flushTelemetry();
    },
    persist: persistNow,
    stats: () => ({
      sessionId: telemetry.session?.sessionId ?? null,
      queued: telemetry.queue.size(),
      queuedBytes: telemetry.queue.bytes(),
      delivered: telemetry.delivery?.delivered ?? 0,
      attempt: telemetry.delivery?.attempt ?? 0,
      lastError: telemetry.delivery?.lastError ?? null,
      adopted: telemetry.orphans?.adopted ?? [],
      durable: telemetry.store !== null,
    }),
    probe: null,
  };
}
