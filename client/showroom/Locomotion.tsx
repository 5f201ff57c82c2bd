// Applies the frame's movement intents to the visitor and places the desktop camera at their eyes.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Vector3 } from 'three';
import { consumeIntents } from './input/intents';
import type { ShowroomLayout } from './layout';
import { clampPitch, EYE_HEIGHT, player, resolveCollisions, TURN_SPEED, WALK_SPEED, type Obstacle } from './player';

const step = new Vector3();

export function Locomotion({ layout }: { layout: ShowroomLayout }) {
  const bounds = useMemo(
    () => ({ minX: -layout.width / 2 + 0.4, maxX: layout.width / 2 - 0.4, minZ: layout.minZ + 0.4, maxZ: layout.maxZ - 0.4 }),
    [layout],
  );
  const obstacles = useMemo<Obstacle[]>(
    () => layout.placements.map((p) => ({ x: p.fixture.x, z: p.fixture.z, radius: Math.min(p.fixture.width, p.fixture.depth) / 2 + 0.25 })),
    [layout],
  );

  useEffect(() => {
    player.position.set(layout.spawn.x, 0, layout.spawn.z);
    player.yaw = 0;
    player.pitch = 0;
  }, [layout]);

  useFrame((state, delta) => {
    const dt = Math.min(delta, 0.1);
    const i = consumeIntents();
    player.yaw += i.turn * TURN_SPEED * dt + i.lookYaw + i.snapTurn;
    player.pitch = clampPitch(player.pitch + i.lookPitch);
    if (i.teleport) player.position.set(i.teleport.x, 0, i.teleport.z);
    if (i.moveX !== 0 || i.moveY !== 0) {
      const sin = Math.sin(player.yaw);
      const cos = Math.cos(player.yaw);
      // Forward is -z rotated by yaw; right is +x rotated by yaw.
      step.set(i.moveX * cos - i.moveY * sin, 0, -i.moveX * sin - i.moveY * cos).multiplyScalar(WALK_SPEED * dt);
      player.position.add(step);
    }
    resolveCollisions(player.position, bounds, obstacles);
    if (!state.gl.xr.isPresenting) {
      state.camera.position.set(player.position.x, EYE_HEIGHT, player.position.z);
      state.camera.rotation.set(player.pitch, player.yaw, 0, 'YXZ');
    }
  });
  return null;
}
