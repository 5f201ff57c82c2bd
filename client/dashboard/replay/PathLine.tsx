// The customer's head path: the whole walk faint, the part played so far strong (trimmed per frame, no re-render).
import { Line } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { type ComponentRef, useMemo, useRef } from 'react';
import type { ReplayClock } from './replayClock';
import { PATH_COLOUR } from './replayColours';

/** Index of the first time after `ms` (times sorted): the number of points at or before it. */
export function pointsUpTo(times: Float64Array, ms: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function PathLine({ points, times, clock }: { points: Float32Array; times: Float64Array; clock: ReplayClock }) {
  const played = useRef<ComponentRef<typeof Line>>(null);
  const tuples = useMemo(() => {
    const out: [number, number, number][] = [];
    for (let i = 0; i < points.length; i += 3) out.push([points[i]!, points[i + 1]!, points[i + 2]!]);
    return out;
  }, [points]);
  useFrame(() => {
    const line = played.current;
    if (!line) return;
    // A line of n points has n - 1 segments, drawn as instances.
    line.geometry.instanceCount = Math.max(0, pointsUpTo(times, clock.timeMs) - 1);
  });
  if (tuples.length < 2) return null;
  return (
    <group name="replay-path">
      <Line points={tuples} color={PATH_COLOUR} lineWidth={2} transparent opacity={0.35} depthWrite={false} />
      <Line ref={played} points={tuples} color={PATH_COLOUR} lineWidth={5} />
    </group>
  );
}
