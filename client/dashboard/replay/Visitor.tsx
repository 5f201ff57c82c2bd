// The customer at the replay's time: a head with its gaze ray (head direction), and the controllers or hands when tracked.
import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { BoxGeometry, CylinderGeometry, type Group, MeshBasicMaterial, MeshStandardMaterial, SphereGeometry } from 'three';
import type { Pose } from '../../../server/contracts/pose';
import { indexAt, poseAt, type PoseTrack, type Tracked } from './poseTrack';
import type { ReplayClock } from './replayClock';
import { CONTROLLER_COLOURS, GAZE_COLOUR, HEAD_COLOUR } from './replayColours';

/** Length of the drawn gaze ray, metres. */
export const GAZE_LENGTH_M = 4;

/** The head is drawn larger than life so it reads from the overview camera. */
const HEAD_SCALE = 1.5;
const headGeo = new SphereGeometry(0.12, 24, 16);
const visorGeo = new BoxGeometry(0.17, 0.06, 0.06).translate(0, 0.01, -0.1);
// Along -z (where a camera looks), starting at the head.
const rayLength = GAZE_LENGTH_M / HEAD_SCALE;
const rayGeo = new CylinderGeometry(0.016, 0.016, rayLength, 8).rotateX(Math.PI / 2).translate(0, 0, -rayLength / 2);
const controllerGeo = new BoxGeometry(0.05, 0.05, 0.13);
const handGeo = new SphereGeometry(0.055, 16, 12);
const headMat = new MeshStandardMaterial({ color: HEAD_COLOUR, roughness: 0.5 });
const visorMat = new MeshStandardMaterial({ color: '#ffffff', roughness: 0.3 });
const rayMat = new MeshBasicMaterial({ color: GAZE_COLOUR, transparent: true, opacity: 0.85 });
const sideMats = { left: new MeshStandardMaterial({ color: CONTROLLER_COLOURS.left }), right: new MeshStandardMaterial({ color: CONTROLLER_COLOURS.right }) };

const pose: Pose = { px: 0, py: 0, pz: 0, qx: 0, qy: 0, qz: 0, qw: 1 };

function place(group: Group | null, track: PoseTrack, which: Tracked, ms: number): boolean {
  if (!group) return false;
  const ok = poseAt(track, which, ms, pose);
  group.visible = ok;
  if (ok) {
    group.position.set(pose.px, pose.py, pose.pz);
    group.quaternion.set(pose.qx, pose.qy, pose.qz, pose.qw);
  }
  return ok;
}

export function Visitor({ track, clock }: { track: PoseTrack; clock: ReplayClock }) {
  const head = useRef<Group>(null);
  const left = useRef<Group>(null);
  const right = useRef<Group>(null);
  const leftHand = useRef<Group>(null);
  const rightHand = useRef<Group>(null);
  useFrame(() => {
    const ms = clock.timeMs;
    place(head.current, track, 'head', ms);
    for (const [which, controller, hand] of [['left', left, leftHand], ['right', right, rightHand]] as const) {
      const ok = place(controller.current, track, which, ms);
      const isHand = ok && track.present[which][indexAt(track, ms)] === 2;
      if (controller.current) controller.current.visible = ok && !isHand;
      if (hand.current) {
        hand.current.visible = isHand;
        if (isHand) hand.current.position.copy(controller.current!.position);
      }
    }
  });
  return (
    <group name="replay-visitor">
      <group ref={head} name="replay-head" visible={false} scale={HEAD_SCALE}>
        <mesh geometry={headGeo} material={headMat} />
        <mesh geometry={visorGeo} material={visorMat} />
        <mesh geometry={rayGeo} material={rayMat} name="replay-gaze" />
      </group>
      {(['left', 'right'] as const).map((side) => (
        <group key={side}>
          <group ref={side === 'left' ? left : right} visible={false}>
            <mesh geometry={controllerGeo} material={sideMats[side]} />
          </group>
          <group ref={side === 'left' ? leftHand : rightHand} visible={false}>
            <mesh geometry={handGeo} material={sideMats[side]} />
          </group>
        </group>
      ))}
    </group>
  );
}

