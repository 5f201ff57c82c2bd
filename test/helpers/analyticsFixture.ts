// Seeded showroom visits for analytics tests and the dashboard benchmark: sessions walking between stands, dwelling, buying, asking.
import { v7 as uuidv7 } from 'uuid';
import { layoutShowroom } from '../../client/showroom/layout';
import { toBase64 } from '../../server/contracts/base64';
import type { Catalog } from '../../server/contracts/catalog';
import type { Mode, TelemetryEvent } from '../../server/contracts/events';
import { PoseChunkWriter } from '../../server/contracts/pose';

/** A deterministic pseudo-random generator (mulberry32), values in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureSession {
  /** Server clock of the session start, ms. */
  startedAt: number;
  mode: Mode;
  events: TelemetryEvent[];
}

const DAY_MS = 86_400_000;
const writer = new PoseChunkWriter();
const layouts = new WeakMap<Catalog, ReturnType<typeof layoutShowroom>>();

/**
 * A visit: a session starting on day `day` (days since the epoch) that walks to a few stands (products of
 * one category more likely together), dwells on each, sometimes selects, inspects, switches the variant,
 * adds to the cart, and rarely asks for a salesperson; head poses every 100 ms in chunks of 20.
 */
export function makeSession(catalog: Catalog, day: number, random: () => number): FixtureSession {
  let layout = layouts.get(catalog);
  if (!layout) layouts.set(catalog, (layout = layoutShowroom(catalog)));
  const places = layout.placements;
  const r = random();
  const mode: Mode = r < 0.7 ? 'desktop' : r < 0.95 ? 'vr' : 'ar';
  const startedAt = day * DAY_MS + Math.floor(8 * 3_600_000 + random() * 10 * 3_600_000);
  const events: TelemetryEvent[] = [];
  let seq = 0;
  let ts = startedAt + 50;
  const push = (e: Omit<TelemetryEvent, 'id' | 'seq' | 'ts'>) => events.push({ id: uuidv7(), seq: seq++, ts, ...e } as TelemetryEvent);
  push({ type: 'session_start', input: 'system', props: { mode } } as never);
  let x = layout.spawn.x, z = layout.spawn.z;
  let current: Mode = mode;
  const poses = (ms: number, tx: number, tz: number) => {
    // Walk from (x, z) towards (tx, tz) over `ms`, a head sample every 100 ms, a chunk every 20 samples.
    const n = Math.max(1, Math.round(ms / 100));
    for (let i = 0; i < n; i += 20) {
      writer.reset();
      const start = ts;
      const count = Math.min(20, n - i);
      for (let j = 0; j < count; j++) {
        const f = (i + j + 1) / n;
        writer.add(j * 100, { px: x + (tx - x) * f + (random() - 0.5) * 0.2, py: 1.6, pz: z + (tz - z) * f + (random() - 0.5) * 0.2, qx: 0, qy: 0, qz: 0, qw: 1 }, null, false, null, false);
      }
      ts += count * 100;
      push({ type: 'pose', input: 'system', props: { format: 1, mode: current, startTs: start, samples: writer.count, data: toBase64(writer.view8()) } } as never);
    }
    x = tx;
    z = tz;
  };
  const stands = 1 + Math.floor(random() * 5);
  let category = places[Math.floor(random() * places.length)]!.product.category;
  let contact = false;
  for (let s = 0; s < stands; s++) {
    const same = places.filter((p) => p.product.category === category);
    const pool = random() < 0.7 && same.length > 0 ? same : places;
    const place = pool[Math.floor(random() * pool.length)]!;
    category = place.product.category;
    const productId = place.product.id;
    const variants = place.product.variants;
    poses(1500 + random() * 3000, place.x + (random() - 0.5), place.z + 1.6 + random() * 0.8);
    const dwell = Math.round(Math.exp(7 + random() * 2.5));
    push({ type: 'dwell_start', input: 'gaze', productId, props: {} } as never);
    ts += dwell;
    push({ type: 'dwell_end', input: 'gaze', productId, props: { durationMs: dwell, distanceM: 1.8 } } as never);
    if (random() < 0.5) {
      ts += 400;
      push({ type: 'product_select', input: mode === 'desktop' ? 'mouse' : 'controller', productId, variantId: variants[0]!.id, props: {} } as never);
      if (random() < 0.35) push({ type: 'inspect_start', input: 'mouse', productId, props: {} } as never);
      if (random() < 0.3 && variants.length > 1) push({ type: 'variant_change', input: 'mouse', productId, variantId: variants[1]!.id, props: { from: variants[0]!.id } } as never);
      if (random() < 0.2) push({ type: 'cart_add', input: 'mouse', productId, variantId: variants[0]!.id, props: { quantity: 1 } } as never);
      if (random() < 0.08 && !contact) {
        contact = true;
        push({ type: 'contact_request', input: 'mouse', productId, props: { channel: 'one-press' } } as never);
      }
    }
    if (current === 'desktop' && random() < 0.05) {
      current = 'vr';
      push({ type: 'mode_change', input: 'system', props: { mode: 'vr', from: 'desktop' } } as never);
    }
    ts += 500;
  }
  push({ type: 'session_end', input: 'system', props: { reason: 'pagehide' } } as never);
  return { startedAt, mode, events };
}
