// Shows each product in the colour the customer had chosen at the replay's time (the shared product models read the showroom store).
import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { useShowroom } from '../../showroom/store';
import type { ReplayClock } from './replayClock';
import type { TimelineEntry } from './timeline';

/** Chosen variant per product after the first `count` changes. */
function variantsAfter(changes: readonly TimelineEntry[], count: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const c = changes[i]!;
    if (c.productId && c.variantId) out[c.productId] = c.variantId;
  }
  return out;
}

/** `changes`: the session's variant changes in time order. Touches the store only when playback crosses one. */
export function VariantsAtTime({ changes, clock }: { changes: readonly TimelineEntry[]; clock: ReplayClock }) {
  const applied = useRef(-1);
  useEffect(() => {
    applied.current = -1;
    return () => useShowroom.setState({ variants: {} });
  }, [changes]);
  useFrame(() => {
    const now = clock.originTs + clock.timeMs;
    let n = 0;
    while (n < changes.length && changes[n]!.ts <= now) n++;
    if (n === applied.current) return;
    applied.current = n;
    useShowroom.setState({ variants: variantsAfter(changes, n) });
  });
  return null;
}
