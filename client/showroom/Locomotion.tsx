// Applies the frame's movement intents to the visitor: the desktop camera, or the XR origin in a headset.
import { useFrame } from '@react-three/fiber';
import { XROrigin } from '@react-three/xr';
import { useEffect, useMemo, useRef } from 'react';
import { type Group, Vector3 } from 'three';
import { consumeIntents } from './input/intents';
import { frameSeconds, walkBody } from './input/walkStep';
import type { ShowroomLayout } from './layout';
import { setWalkable } from './navigation';
import { useShowroom } from './store';
import { clampPitch, EYE_HEIGHT, player, resolveCollisions, TURN_SPEED } from './player';
import { SEATED_OFFSET, useXRPreferences } from './xr/preferences';

const head = new Vector3();
const body = new Vector3();
const dir = new Vector3();

export function Locomotion({ layout }: { layout: ShowroomLayout }) {
  const origin = useRef<Group>(null);
  const walkTarget = useRef<{ x: number; z: number } | null>(null);
  const { bounds, obstacles } = useMemo(() => setWalkable(layout), [layout]);

  useEffect(() => {
    player.position.set(layout.spawn.x, 0, layout.spawn.z);
    player.yaw = 0;
    player.pitch = 0;
  }, [layout]);

  useFrame((state, delta) => {
    // Real elapsed time (a 2 fps device walks as fast as a 90 Hz headset); walkBody sub-steps for collisions.
    const dt = frameSeconds(delta);
    const i = consumeIntents();
    if (useShowroom.getState().mode === 'ar') {
      // In AR the world is the customer's room: the origin stays where the session put it.
      origin.current?.position.set(0, 0, 0);
      origin.current?.rotation.set(0, 0, 0);
      return;
    }
    const xr = state.gl.xr.isPresenting;
    // In a headset the body is where the head is; on a desktop it is the player position.
    if (xr) state.camera.getWorldPosition(head);
    else head.set(player.position.x, 0, player.position.z);
    const offX = head.x - player.position.x;
    const offZ = head.z - player.position.z;

    const turn = i.turn * TURN_SPEED * dt + i.lookYaw + i.snapTurn;
    if (turn !== 0) {
      player.yaw += turn;
      // Turn about the head so the view does not swing sideways in a headset.
      const c = Math.cos(turn);
      const s = Math.sin(turn);
      player.position.x = head.x - (offX * c + offZ * s);
      player.position.z = head.z - (-offX * s + offZ * c);
    }
    player.pitch = clampPitch(player.pitch + i.lookPitch);

    let heading = player.yaw;
    if (xr) {
      state.camera.getWorldDirection(dir);
      heading = Math.atan2(-dir.x, -dir.z);
    }
    if (i.walkTo) walkTarget.current = i.walkTo;
    if (i.moveX !== 0 || i.moveY !== 0 || i.teleport) walkTarget.current = null;
    // Turning pivots about the head, so the head has not moved: walk the body from there.
    body.set(head.x, 0, head.z);
    if (i.teleport) body.set(i.teleport.x, 0, i.teleport.z);
    else walkTarget.current = walkBody(body, dt, { moveX: i.moveX, moveY: i.moveY, heading, target: walkTarget.current }, bounds, obstacles);
    resolveCollisions(body, bounds, obstacles);
    player.position.x += body.x - head.x;
    player.position.z += body.z - head.z;

    const o = origin.current;
    if (o) {
      o.position.set(player.position.x, useXRPreferences.getState().seated ? SEATED_OFFSET : 0, player.position.z);
      o.rotation.set(0, player.yaw, 0);
    }
    if (!xr) {
      state.camera.position.set(player.position.x, EYE_HEIGHT, player.position.z);
      state.camera.rotation.set(player.pitch, player.yaw, 0, 'YXZ');
    }
  });
  return <XROrigin ref={origin} />;
}
