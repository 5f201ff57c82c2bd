// Builders for telemetry events and pose chunks used by router tests, end-to-end tests and benchmarks.
import { v7 as uuidv7 } from 'uuid';
import type { TelemetryEvent } from '../../server/contracts/events';
import { PoseChunkWriter, type Pose } from '../../server/contracts/pose';
import { toBase64 } from '../../server/contracts/base64';

let clock = Date.now();
/** Strictly increasing browser-like times, ms. */
export const nextTs = (): number => (clock = Math.max(clock + 1, Date.now() - 60_000));

export const select = (seq: number, productId = 'oslo-chair'): Extract<TelemetryEvent, { type: 'product_select' }> => ({
  id: uuidv7(),
  seq,
  ts: nextTs(),
  type: 'product_select',
  input: 'mouse',
  productId,
  props: {},
});

export const dwellEnd = (seq: number, productId: string, durationMs: number): Extract<TelemetryEvent, { type: 'dwell_end' }> => ({
  id: uuidv7(),
  seq,
  ts: nextTs(),
  type: 'dwell_end',
  input: 'gaze',
  productId,
  props: { durationMs, distanceM: 2.5 },
});

const pose = (t: number, dx = 0): Pose => {
  const a = t / 1000;
  return { px: dx + Math.sin(a), py: 1.6, pz: 3 + Math.cos(a), qx: 0, qy: Math.sin(a / 2), qz: 0, qw: Math.cos(a / 2) };
};

/** A pose event of `samples` samples 100 ms apart (head, and both hands when `hands`). */
export function poseEvent(seq: number, samples = 20, hands = false): Extract<TelemetryEvent, { type: 'pose' }> {
  const w = new PoseChunkWriter();
  const start = nextTs();
  for (let i = 0; i < samples; i++) {
    const t = i * 100;
    if (!w.add(t, pose(t), hands ? pose(t, -0.3) : null, true, hands ? pose(t, 0.3) : null, false)) throw new Error('sample did not fit');
  }
  return {
    id: uuidv7(),
    seq,
    ts: start + (samples - 1) * 100 + 1,
    type: 'pose',
    input: 'system',
    props: { format: 1, mode: hands ? 'vr' : 'desktop', startTs: start, samples, data: toBase64(w.view8()) },
  };
}
