// The event mix the ingest benchmark sends: business events of several types and desktop pose chunks.
import { v7 as uuidv7 } from 'uuid';
import type { TelemetryEvent } from '../../server/contracts/events';
import { PoseChunkWriter } from '../../server/contracts/pose';
import { toBase64 } from '../../server/contracts/base64';

const products = ['oslo-chair', 'fjord-sofa', 'bergen-armchair', 'halo-floor-lamp'];
const writer = new PoseChunkWriter();

/** A desktop pose chunk of 20 head samples, 100 ms apart. */
function poseProps(start: number) {
  writer.reset();
  for (let i = 0; i < 20; i++) {
    const a = (start + i * 100) / 3000;
    writer.add(i * 100, { px: Math.sin(a) * 3, py: 1.6, pz: Math.cos(a) * 3, qx: 0, qy: Math.sin(a / 2), qz: 0, qw: Math.cos(a / 2) }, null, false, null, false);
  }
  return { format: 1 as const, mode: 'desktop' as const, startTs: start, samples: 20, data: toBase64(writer.view8()) };
}

/**
 * Event number `seq` of a session: one in five is a pose chunk, the rest cycle through dwell, hover,
 * select, variant and cart events.
 */
export function mixedEvent(seq: number, ts: number): TelemetryEvent {
  const id = uuidv7();
  const productId = products[seq % products.length]!;
  switch (seq % 10) {
    case 0:
    case 5:
      return { id, seq, ts, type: 'pose', input: 'system', props: poseProps(ts - 1900) };
    case 1:
      return { id, seq, ts, type: 'dwell_start', input: 'gaze', productId, props: {} };
    case 2:
      return { id, seq, ts, type: 'dwell_end', input: 'gaze', productId, props: { durationMs: 900 + (seq % 700), distanceM: 2.4 } };
    case 3:
      return { id, seq, ts, type: 'product_hover_start', input: 'mouse', productId, props: {} };
    case 4:
      return { id, seq, ts, type: 'product_hover_end', input: 'mouse', productId, props: { durationMs: 450 } };
    case 6:
      return { id, seq, ts, type: 'product_select', input: 'mouse', productId, variantId: 'natural', props: {} };
    case 7:
      return { id, seq, ts, type: 'variant_change', input: 'mouse', productId, variantId: 'charcoal', props: { from: 'natural' } };
    case 8:
      return { id, seq, ts, type: 'inspect_end', input: 'mouse', productId, props: { durationMs: 3200 } };
    default:
      return { id, seq, ts, type: 'cart_add', input: 'mouse', productId, variantId: 'natural', props: { quantity: 1 } };
  }
}

/** A VR pose chunk of 20 samples 100 ms apart (head and both controllers), walking around (x0, z0), metres. */
function headsetPose(start: number, x0: number, z0: number) {
  writer.reset();
  for (let i = 0; i < 20; i++) {
    const a = (start + i * 100) / 4000;
    const head = { px: x0 + Math.sin(a) * 2, py: 1.6, pz: z0 + Math.cos(a) * 2, qx: 0, qy: Math.sin(a / 2), qz: 0, qw: Math.cos(a / 2) };
    const left = { ...head, px: head.px - 0.25, py: 1.1 };
    const right = { ...head, px: head.px + 0.25, py: 1.1 };
    writer.add(i * 100, head, left, false, right, false);
  }
  return { format: 1 as const, mode: 'vr' as const, startTs: start, samples: 20, data: toBase64(writer.view8()) };
}

/**
 * What one headset sends every 2 s (client/telemetry/delivery.ts): 20 business events of the mix (no pose
 * among them) from sequence number `seq`, then one pose chunk of the 2 s, the head near (x0, z0) metres.
 * The events' times end at `now` (ms).
 */
export function headsetBatch(seq: number, now: number, x0: number, z0: number): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  // The mix's kinds 1-4 and 6-9 (0 and 5 are its pose chunks), in turn.
  for (let kind = 1; out.length < 20; kind++) {
    if (kind % 5 === 0) continue;
    const e = mixedEvent(kind, now - 2000 + out.length * 95);
    out.push({ ...e, seq: seq + out.length } as TelemetryEvent);
  }
  out.push({ id: uuidv7(), seq: seq + 20, ts: now, type: 'pose', input: 'system', props: headsetPose(now - 1900, x0, z0) });
  return out;
}
