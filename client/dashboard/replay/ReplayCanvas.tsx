// The replay's 3D view: the showroom hall itself (shared components) with its ceiling open, and the path, the visitor and the event pins.
import { OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { NeutralToneMapping } from 'three';
import { renderQuality } from '../../render/quality';
import type { ShowroomLayout } from '../../showroom/layout';
import { ShowroomHall } from '../../showroom/ShowroomHall';
import { EventMarkers, type Marker } from './EventMarkers';
import { PathLine } from './PathLine';
import type { PoseTrack } from './poseTrack';
import { advance, type ReplayClock } from './replayClock';
import type { TimelineEntry } from './timeline';
import { VariantsAtTime } from './VariantsAtTime';
import { Visitor } from './Visitor';

/** No R3F pointer events: the replay only looks; the orbit controls listen to the canvas themselves. */
const noEvents = () => ({ enabled: false, priority: 0 });

/** Parts of the hall above head height that would hide the floor from the overview camera (names from Room and Fixtures). */
const OVERHEAD = ['ceiling', 'light-strips', 'ceiling-panels', 'sign-rods'];

/** Hides the ceiling and what hangs from it, once they exist (no clipping plane: that would recompile every shader). */
function OpenCeiling() {
  const scene = useThree((s) => s.scene);
  const done = useRef(false);
  useFrame(() => {
    if (done.current) return;
    const found = OVERHEAD.map((name) => scene.getObjectByName(name));
    for (const o of found) if (o) o.visible = false;
    done.current = found.every(Boolean);
  });
  return null;
}

/** Advances the clock before anything reads it this frame, then lets the controls show the time. */
function ClockDriver({ clock }: { clock: ReplayClock }) {
  useFrame((_, delta) => {
    advance(clock, delta);
    for (const tick of clock.tickers) tick(clock.timeMs);
  }, -1);
  return null;
}

export interface ReplayCanvasProps {
  layout: ShowroomLayout;
  track: PoseTrack;
  path: { points: Float32Array; times: Float64Array };
  markers: readonly Marker[];
  /** The session's variant changes in time order. */
  variantChanges: readonly TimelineEntry[];
  clock: ReplayClock;
}

/** Frames the walked area (or the whole hall without a path) from the front, above and behind. */
function framing(layout: ShowroomLayout, points: Float32Array) {
  let minX = Infinity, maxX = -Infinity, minZ = Infinity, maxZ = -Infinity;
  for (let i = 0; i < points.length; i += 3) {
    minX = Math.min(minX, points[i]!);
    maxX = Math.max(maxX, points[i]!);
    minZ = Math.min(minZ, points[i + 2]!);
    maxZ = Math.max(maxZ, points[i + 2]!);
  }
  if (!Number.isFinite(minX)) [minX, maxX, minZ, maxZ] = [-layout.width / 2, layout.width / 2, layout.minZ, layout.maxZ];
  // Products stand up to a few metres beyond where the customer walked: keep them in the picture.
  const span = Math.max(maxX - minX + 4, (maxZ - minZ + 3) * 1.6, 8);
  // Aim between the walk and the middle of the hall, where the stands are, rather than at the aisle.
  const target: [number, number, number] = [(minX + maxX) / 2, 0.6, ((minZ + maxZ) / 2 + (layout.minZ + layout.maxZ) / 2) / 2];
  // Steep enough that the front wall does not fill the lower part of the picture.
  const position: [number, number, number] = [target[0], span * 0.62, target[2] + span * 0.3];
  return { target, position };
}

export function ReplayCanvas({ layout, track, path, markers, variantChanges, clock }: ReplayCanvasProps) {
  const view = useMemo(() => framing(layout, path.points), [layout, path.points]);
  const quality = renderQuality();
  return (
    <Canvas
      className="replay-canvas"
      events={noEvents}
      camera={{ fov: 50, near: 0.1, far: 300, position: view.position }}
      dpr={quality.dpr}
      gl={{ antialias: quality.antialias, toneMapping: NeutralToneMapping, toneMappingExposure: 1.0 }}
    >
      <ClockDriver clock={clock} />
      <ShowroomHall layout={layout} />
      <OpenCeiling />
      <PathLine points={path.points} times={path.times} clock={clock} />
      <EventMarkers markers={markers} />
      <Visitor track={track} clock={clock} />
      <VariantsAtTime changes={variantChanges} clock={clock} />
      <OrbitControls makeDefault target={view.target} maxPolarAngle={Math.PI / 2 - 0.05} minDistance={2} maxDistance={80} />
    </Canvas>
  );
}
