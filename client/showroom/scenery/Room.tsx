// The showroom hall: floor with a tinted area per zone, walls, ceiling with light strips, and the hanging zone signs.
import { memo, useMemo } from 'react';
import { BoxGeometry, MeshBasicMaterial, MeshStandardMaterial, PlaneGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { Floor } from './Floor';
import { NEAR_POINTERS } from '../xr/useGrab';
import type { ShowroomLayout } from '../layout';
import { Batch, type BatchItem } from './Batch';
import { ZONE_COLOURS } from './Fixtures';
import { signPosition } from './Labels';

const WALL = 0.2;
const unitBox = new BoxGeometry(1, 1, 1);
const floorMat = new MeshStandardMaterial({ color: '#b8b0a4', roughness: 0.5 });
const zoneMat = new MeshStandardMaterial({ color: '#ffffff', roughness: 0.95 });
const wallMat = new MeshStandardMaterial({ color: '#efebe4', roughness: 0.95 });
// The ceiling gets little direct light; a soft glow stands in for the light bounced up from the floor.
const ceilingMat = new MeshStandardMaterial({ color: '#f4f1ec', roughness: 1, emissive: '#cfc8bd', emissiveIntensity: 0.55 });
const lightMat = new MeshBasicMaterial({ color: '#fffaf0' });
const signMat = new MeshStandardMaterial({ color: '#ffffff', roughness: 0.8 });
const rodMat = new MeshStandardMaterial({ color: '#2a2a2c', roughness: 0.4, metalness: 0.6 });

/** Light strips across the ceiling every `spacing` metres. */
export function lightStrips(layout: ShowroomLayout, spacing = 2.4): BatchItem[] {
  const items: BatchItem[] = [];
  for (let z = layout.minZ + 1.2; z < layout.maxZ - 0.6; z += spacing) items.push({ position: [0, layout.height - 0.01, z], scale: [layout.width - 2, 0.02, 0.14] });
  return items;
}

export const Room = memo(function Room({ layout }: { layout: ShowroomLayout }) {
  const { walls, zones, signs, rods, strips } = useMemo(() => {
    const depth = layout.maxZ - layout.minZ;
    const cz = (layout.maxZ + layout.minZ) / 2;
    const w = layout.width;
    const h = layout.height;
    const box = (sx: number, sy: number, sz: number, x: number, y: number, z: number) => new BoxGeometry(sx, sy, sz).translate(x, y, z);
    const walls = mergeGeometries([
      box(w + 2 * WALL, h, WALL, 0, h / 2, layout.minZ - WALL / 2),
      box(w + 2 * WALL, h, WALL, 0, h / 2, layout.maxZ + WALL / 2),
      box(WALL, h, depth, -(w + WALL) / 2, h / 2, cz),
      box(WALL, h, depth, (w + WALL) / 2, h / 2, cz),
    ]);
    const zones: BatchItem[] = layout.zones.map((z, i) => ({ position: [z.x, 0.002, z.z], scale: [z.width - 0.3, 0.004, z.depth], color: ZONE_COLOURS[i % ZONE_COLOURS.length] }));
    const signs: BatchItem[] = layout.zones.map((z) => ({ position: signPosition(z), scale: [1.9, 0.42, 0.05] }));
    const rods: BatchItem[] = layout.zones.flatMap((z) => {
      const [x, y, zz] = signPosition(z);
      return [-1, 1].map((s) => ({ position: [x + s * 0.8, (y + h) / 2, zz] as [number, number, number], scale: [0.01, h - y, 0.01] as [number, number, number] }));
    });
    return { walls, zones, signs, rods, strips: lightStrips(layout) };
  }, [layout]);
  const depth = layout.maxZ - layout.minZ;
  const cz = (layout.maxZ + layout.minZ) / 2;
  return (
    // Rays stop at walls, floor and ceiling; near pointers (grab, finger poke) ignore them: the room is not picked up or poked.
    <group name="room" pointerEvents="auto" pointerEventsType={{ deny: NEAR_POINTERS }}>
      <Floor width={layout.width} depth={depth} centerZ={cz} material={floorMat} />
      {/* Rays pass through the zone tints to the floor, so clicking them walks there. */}
      <group pointerEvents="none">
        <Batch name="zone-floors" geometry={unitBox} material={zoneMat} items={zones} />
      </group>
      <mesh name="walls" geometry={walls} material={wallMat} />
      <mesh name="ceiling" rotation-x={Math.PI / 2} position={[0, layout.height, cz]} material={ceilingMat}>
        <primitive object={new PlaneGeometry(layout.width, depth)} attach="geometry" />
      </mesh>
      <Batch name="light-strips" geometry={unitBox} material={lightMat} items={strips} />
      <Batch name="zone-signs" geometry={unitBox} material={signMat} items={signs} />
      <Batch name="sign-rods" geometry={unitBox} material={rodMat} items={rods} />
    </group>
  );
});
