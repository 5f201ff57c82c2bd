// Holds in-scene UI in front of the viewer: placed when it opens, then following lazily when the viewer turns or walks away.
import { useFrame, useThree } from '@react-three/fiber';
import { type ReactNode, useLayoutEffect, useRef } from 'react';
import { type Group, Quaternion, Vector3 } from 'three';
import { panelDistance } from './theme';

const eye = new Vector3();
const forward = new Vector3();
const desired = new Vector3();
const look = new Quaternion();
const up = new Vector3(0, 1, 0);

interface Props {
  /** Changes when the UI (re)opens: it is then placed at once. */
  openKey: string;
  /** Yaw offset from straight ahead, radians (+ = to the left). */
  angle?: number;
  /** How far below the line of sight the anchor (the panel's top edge) sits, metres; negative = above. */
  drop?: number;
  name?: string;
  children: ReactNode;
}

function target(camera: { getWorldPosition(v: Vector3): Vector3; getWorldDirection(v: Vector3): Vector3 }, inXr: boolean, angle: number, drop: number) {
  camera.getWorldPosition(eye);
  camera.getWorldDirection(forward);
  // Follow the gaze up or down a little (looking down at a product), but stay upright.
  const pitchY = Math.max(-0.35, Math.min(0.2, forward.y));
  forward.setY(0);
  if (forward.lengthSq() < 1e-6) forward.set(0, 0, -1);
  forward.normalize().applyAxisAngle(up, angle);
  const d = panelDistance(inXr);
  desired.copy(eye).addScaledVector(forward, d);
  desired.y = eye.y + pitchY * d - drop;
  // Face the viewer: the panel's +z points back at the eyes.
  look.setFromAxisAngle(up, Math.atan2(-forward.x, -forward.z));
}

export function FollowAnchor({ openKey, angle = 0, drop = 0.1, name, children }: Props) {
  const ref = useRef<Group>(null);
  const following = useRef(false);
  const get = useThree((s) => s.get);
  useLayoutEffect(() => {
    const { camera, gl } = get();
    camera.updateMatrixWorld();
    target(camera, gl.xr.isPresenting, angle, drop);
    ref.current!.position.copy(desired);
    ref.current!.quaternion.copy(look);
  }, [openKey, angle, drop, get]);
  useFrame((state, delta) => {
    const g = ref.current;
    if (!g) return;
    target(state.camera, state.gl.xr.isPresenting, angle, drop);
    const off = g.position.distanceTo(desired);
    const turned = g.quaternion.angleTo(look);
    if (off > 0.45 || turned > 0.75) following.current = true;
    if (!following.current) return;
    const k = 1 - Math.exp(-delta * 4);
    g.position.lerp(desired, k);
    g.quaternion.slerp(look, k);
    if (off < 0.02 && turned < 0.02) following.current = false;
  });
  return (
    <group ref={ref} name={name}>
      {children}
    </group>
  );
}
