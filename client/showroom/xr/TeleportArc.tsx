// In teleport mode, pushing the left stick forward draws an arc to the floor; releasing it jumps there.
import { createPortal, useFrame, useThree } from '@react-three/fiber';
import { useXRInputSourceStateContext, XRSpace } from '@react-three/xr';
import { useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type Group, Line, LineBasicMaterial, type Mesh, Vector3 } from 'three';
import { track } from '../../telemetry/recorder';
import { requestTeleport } from '../input/intents';
import { isWalkable } from '../navigation';
import { player } from '../player';
import { useXRPreferences } from './preferences';

const POINTS = 40;
/** Launch speed of the arc, m/s, and gravity, m/s². */
const SPEED = 7;
const GRAVITY = 9.8;
/** Stick forward past this aims; back inside RELEASE jumps. */
const AIM = -0.6;
const RELEASE = -0.3;

const round = (v: number) => Math.round(v * 100) / 100;
const origin = new Vector3();
const dir = new Vector3();
const p = new Vector3();

/**
 * Samples the ballistic arc from `o` along `d` (unit) until it meets the floor (y = 0). Writes the points into
 * `out` (xyz triples) and returns how many points were written and where it landed (or null).
 */
export function traceArc(o: Vector3, d: Vector3, out: Float32Array, land: Vector3): { count: number; landed: boolean } {
  const dt = 0.05;
  let count = 0;
  for (let i = 0; i < POINTS; i++) {
    const t = i * dt;
    p.set(o.x + d.x * SPEED * t, o.y + d.y * SPEED * t - 0.5 * GRAVITY * t * t, o.z + d.z * SPEED * t);
    if (p.y <= 0 && i > 0) {
      // Interpolate back to the floor between the previous point and this one.
      const prevY = out[(i - 1) * 3 + 1]!;
      const f = prevY / (prevY - p.y);
      land.set(out[(i - 1) * 3]! + (p.x - out[(i - 1) * 3]!) * f, 0, out[(i - 1) * 3 + 2]! + (p.z - out[(i - 1) * 3 + 2]!) * f);
      out.set([land.x, 0.01, land.z], i * 3);
      return { count: i + 1, landed: true };
    }
    out.set([p.x, p.y, p.z], i * 3);
    count = i + 1;
  }
  return { count, landed: false };
}

export function TeleportArc() {
  const state = useXRInputSourceStateContext('controller');
  const scene = useThree((s) => s.scene);
  const rayRef = useRef<Group>(null);
  const targetRef = useRef<Mesh>(null);
  const aiming = useRef(false);
  const valid = useRef(false);
  const land = useMemo(() => new Vector3(), []);
  const { line, positions } = useMemo(() => {
    const positions = new Float32Array(POINTS * 3);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    const line = new Line(geometry, new LineBasicMaterial({ color: '#4fc3f7' }));
    line.frustumCulled = false;
    line.visible = false;
    return { line, positions };
  }, []);

  useFrame(() => {
    const ray = rayRef.current;
    const target = targetRef.current;
    if (!ray || !target) return;
    const y = state.gamepad['xr-standard-thumbstick']?.yAxis ?? 0;
    const teleportMode = useXRPreferences.getState().move === 'teleport';
    if (teleportMode && y < AIM) aiming.current = true;
    if (aiming.current && (!teleportMode || y > RELEASE)) {
      aiming.current = false;
      if (valid.current && teleportMode) {
        requestTeleport(land.x, land.z);
        track({
          type: 'teleport',
          input: 'controller',
          props: { toX: round(land.x), toZ: round(land.z), fromX: round(player.position.x), fromZ: round(player.position.z), method: 'arc' },
        });
      }
    }
    if (!aiming.current) {
      line.visible = target.visible = false;
      return;
    }
    ray.getWorldPosition(origin);
    ray.getWorldDirection(dir).negate(); // the target-ray space points down -z
    const { count, landed } = traceArc(origin, dir, positions, land);
    valid.current = landed && isWalkable(land.x, land.z);
    line.geometry.setDrawRange(0, count);
    line.geometry.attributes.position!.needsUpdate = true;
    (line.material as LineBasicMaterial).color.set(valid.current ? '#4fc3f7' : '#e57373');
    line.visible = true;
    target.visible = valid.current;
    target.position.set(land.x, 0.01, land.z);
  });

  return (
    <>
      <XRSpace space="target-ray-space">
        <group ref={rayRef} />
      </XRSpace>
      {createPortal(
        <>
          <primitive object={line} pointerEvents="none" />
          <mesh ref={targetRef} rotation-x={-Math.PI / 2} visible={false} pointerEvents="none">
            <ringGeometry args={[0.18, 0.25, 32]} />
            <meshBasicMaterial color="#4fc3f7" />
          </mesh>
        </>,
        scene,
      )}
    </>
  );
}
