// The showroom floor: click (or tap, or point a controller) to walk there; a ring shows where you would land.
import type { ThreeEvent } from '@react-three/fiber';
import { useRef } from 'react';
import type { Material, Mesh } from 'three';
import { track } from '../../telemetry/recorder';
import { lastPressWasDrag } from '../input/dragLook';
import { requestTeleport, requestWalkTo } from '../input/intents';
import { inputKindOf } from '../input/pointerKind';
import { isWalkable } from '../navigation';
import { player } from '../player';

const round = (v: number) => Math.round(v * 100) / 100;

interface Props {
  width: number;
  depth: number;
  centerZ: number;
  material: Material;
}

export function Floor({ width, depth, centerZ, material }: Props) {
  const cursor = useRef<Mesh>(null);
  const onMove = (e: ThreeEvent<PointerEvent>) => {
    const c = cursor.current;
    if (!c) return;
    c.visible = isWalkable(e.point.x, e.point.z);
    c.position.set(e.point.x, 0.005, e.point.z);
  };
  const onOut = () => {
    if (cursor.current) cursor.current.visible = false;
  };
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    const input = inputKindOf(e);
    if ((input === 'mouse' || input === 'touch') && lastPressWasDrag()) return;
    if (!isWalkable(e.point.x, e.point.z)) return;
    e.stopPropagation();
    if (input === 'controller' || input === 'hand') {
      requestTeleport(e.point.x, e.point.z);
      track({ type: 'teleport', input, props: { toX: round(e.point.x), toZ: round(e.point.z), fromX: round(player.position.x), fromZ: round(player.position.z), method: 'click' } });
    } else requestWalkTo(e.point.x, e.point.z);
  };
  return (
    <>
      <mesh rotation-x={-Math.PI / 2} position={[0, 0, centerZ]} name="floor" material={material} onClick={onClick} onPointerMove={onMove} onPointerOut={onOut}>
        <planeGeometry args={[width, depth]} />
      </mesh>
      <mesh ref={cursor} rotation-x={-Math.PI / 2} visible={false} pointerEvents="none" name="floor-cursor">
        <ringGeometry args={[0.16, 0.22, 32]} />
        <meshBasicMaterial color="#ffffff" transparent opacity={0.8} />
      </mesh>
    </>
  );
}
