// Exposes the recorder's state on `window.showroomTelemetry`, for automation, tests and benchmarks (loaded only under automation).
import type { TrackInput } from '../../server/contracts/events';
import type { DeadLetter } from './eventStore';
import { flushTelemetry, persistTelemetry, track } from './recorder';
import { telemetry } from './state';
import { activeProbe } from './TelemetryProbe';

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

interface ProbeHandle {
  stats(): ProbeStats;
  resetStats(): void;
  /** For automation with an emulated XR runtime: presents a session the page already holds. */
  presentXR(session: XRSession): Promise<void>;
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
    /** Events the server would not take, moved to the dead letters. */
    setAside: number;
    attempt: number;
    lastError: string | null;
    adopted: string[];
    durable: boolean;
  };
  /** The dead letters kept in IndexedDB (empty without it). */
  deadLetters(): Promise<DeadLetter[]>;
  /** The gaze probe's handle while the TelemetryProbe runs inside the Canvas, else null. */
  readonly probe: ProbeHandle | null;
}

declare global {
  interface Window {
    showroomTelemetry?: TelemetryDebug;
  }
}

const probeHandle: ProbeHandle = {
  stats() {
    const probe = activeProbe.current!.probe;
    const cost = probe.perf.probeCost();
    const gaze = probe.dwell.current;
    return {
      targets: probe.targets.list.length,
      gazeProductId: gaze.productId,
      dwelling: gaze.dwelling,
      dwellsStarted: probe.dwell.started,
      poseSamples: probe.pose.samples,
      poseChunks: probe.pose.chunks,
      poseMask: probe.pose.lastMask,
      frameMsP50: cost.p50,
      frameMsP95: cost.p95,
      frameMsMax: cost.max,
      frameMsMean: cost.mean,
      frames: cost.frames,
      boundsComputed: probe.targets.boundsComputed,
    };
  },
  resetStats: () => activeProbe.current?.probe.perf.resetProbeCost(),
  async presentXR(session) {
    const gl = activeProbe.current!.gl;
    gl.xr.enabled = true;
    await gl.xr.setSession(session);
  },
};

/** Puts the handle on `window.showroomTelemetry` (once per page). */
export function installDebugHandle(): void {
  if (window.showroomTelemetry) return;
  window.showroomTelemetry = {
    track,
    async flush() {
      await persistTelemetry();
      await flushTelemetry();
    },
    persist: persistTelemetry,
    stats: () => ({
      sessionId: telemetry.session?.sessionId ?? null,
      queued: telemetry.queue.size(),
      queuedBytes: telemetry.queue.bytes(),
      delivered: telemetry.delivery?.delivered ?? 0,
      setAside: telemetry.delivery?.setAside ?? 0,
      attempt: telemetry.delivery?.attempt ?? 0,
      lastError: telemetry.delivery?.lastError ?? null,
      adopted: telemetry.orphans?.adopted ?? [],
      durable: telemetry.store !== null,
    }),
    deadLetters: async () => (await telemetry.store?.deadLetters()) ?? [],
    get probe() {
      return activeProbe.current ? probeHandle : null;
    },
  };
}
