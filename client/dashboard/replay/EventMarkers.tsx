// Pins where the customer stood when something happened (looks, selects, colour changes, cart, wishlist, requests).
import { memo, useMemo } from 'react';
import { CylinderGeometry, MeshStandardMaterial, SphereGeometry } from 'three';
import type { Pose } from '../../../server/contracts/pose';
import { poseAt, type PoseTrack } from './poseTrack';
import { MARKER_COLOURS } from './replayColours';
import type { EntryKind, TimelineEntry } from './timeline';

/** Height of a pin's head above the floor, metres (below eye level, so the head marker stays visible). */
const PIN_HEIGHT = 1.1;
const ballGeo = new SphereGeometry(0.13, 16, 12);
const stemGeo = new CylinderGeometry(0.02, 0.02, PIN_HEIGHT, 6).translate(0, PIN_HEIGHT / 2, 0);
const stemMat = new MeshStandardMaterial({ color: '#6b6258', roughness: 0.6 });
const materials = new Map<EntryKind, MeshStandardMaterial>();
const materialOf = (kind: EntryKind, colour: string) => {
  let m = materials.get(kind);
  if (!m) materials.set(kind, (m = new MeshStandardMaterial({ color: colour, roughness: 0.4, emissive: colour, emissiveIntensity: 0.25 })));
  return m;
};

export interface Marker {
  entry: TimelineEntry;
  x: number;
  z: number;
}

/** Where the customer stood at each marked entry (entries before the first pose or without tracking get none). */
export function placeMarkers(entries: readonly TimelineEntry[], track: PoseTrack, originTs: number): Marker[] {
  const pose: Pose = { px: 0, py: 0, pz: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
  const out: Marker[] = [];
  for (const entry of entries) {
    if (!MARKER_COLOURS[entry.kind] || !poseAt(track, 'head', entry.ts - originTs, pose)) continue;
    // Pins at one spot fan out a little so each stays visible.
    const k = out.filter((m) => Math.hypot(m.x - pose.px, m.z - pose.pz) < 0.15).length;
    out.push({ entry, x: pose.px + 0.16 * k * Math.cos(k * 2.4), z: pose.pz + 0.16 * k * Math.sin(k * 2.4) });
  }
  return out;
}

export const EventMarkers = memo(function EventMarkers({ markers }: { markers: readonly Marker[] }) {
  const pins = useMemo(() => markers.map((m) => ({ ...m, material: materialOf(m.entry.kind, MARKER_COLOURS[m.entry.kind]!) })), [markers]);
  return (
    <group name="replay-markers">
      {pins.map((m) => (
        <group key={`${m.entry.seq}-${m.entry.kind}`} position={[m.x, 0, m.z]}>
          <mesh geometry={stemGeo} material={stemMat} />
          <mesh geometry={ballGeo} material={m.material} position-y={PIN_HEIGHT} />
        </group>
      ))}
    </group>
  );
});
