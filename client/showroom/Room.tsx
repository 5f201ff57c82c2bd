// The showroom hall: floor, walls and ceiling sized by the layout.
import { memo } from 'react';
import { Floor } from './Floor';
import type { ShowroomLayout } from './layout';

const WALL_HEIGHT = 4;
const WALL = 0.2;

export const Room = memo(function Room({ layout }: { layout: ShowroomLayout }) {
  const depth = layout.maxZ - layout.minZ;
  const cz = (layout.maxZ + layout.minZ) / 2;
  const w = layout.width;
  return (
    // Walls and ceiling stop pointer rays (products behind a wall cannot be clicked through it).
    <group pointerEvents="auto">
      <Floor width={w} depth={depth} centerZ={cz} />
      <mesh rotation-x={Math.PI / 2} position={[0, WALL_HEIGHT, cz]}>
        <planeGeometry args={[w, depth]} />
        <meshStandardMaterial color="#f4f2ee" roughness={1} />
      </mesh>
      <mesh position={[0, WALL_HEIGHT / 2, layout.minZ - WALL / 2]}>
        <boxGeometry args={[w + 2 * WALL, WALL_HEIGHT, WALL]} />
        <meshStandardMaterial color="#e9e4dc" roughness={0.95} />
      </mesh>
      <mesh position={[0, WALL_HEIGHT / 2, layout.maxZ + WALL / 2]}>
        <boxGeometry args={[w + 2 * WALL, WALL_HEIGHT, WALL]} />
        <meshStandardMaterial color="#e9e4dc" roughness={0.95} />
      </mesh>
      {[-1, 1].map((side) => (
        <mesh key={side} position={[(side * (w + WALL)) / 2, WALL_HEIGHT / 2, cz]}>
          <boxGeometry args={[WALL, WALL_HEIGHT, depth]} />
          <meshStandardMaterial color="#ddd6cb" roughness={0.95} />
        </mesh>
      ))}
    </group>
  );
});
