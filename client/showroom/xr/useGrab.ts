// Lets a grab pointer (controller squeeze, hand grab) pick a product up, turn it in the hand, and put it back on release.
import type { PointerEvent as XPointerEvent } from '@pmndrs/pointer-events';
import { useFrame } from '@react-three/fiber';
import { type RefObject, useRef } from 'react';
import { type Group, Matrix4, type Object3D, Quaternion, Vector3 } from 'three';
import { track } from '../../telemetry/recorder';
import { inputKindOf } from '../input/pointerKind';

/** Seconds a released product takes to glide back to its stand. */
const RETURN_SECONDS = 0.35;

const pointerMatrix = new Matrix4();
const world = new Matrix4();
const parentInverse = new Matrix4();
const one = new Vector3(1, 1, 1);
const pos = new Vector3();
const quat = new Quaternion();
const scale = new Vector3();

interface Held {
  pointerId: number;
  offset: Matrix4;
  since: number;
  hand: 'left' | 'right' | undefined;
}

/** Pointer type of the grab pointers of controllers (squeeze) and hands (grab). */
export const GRAB_POINTER = 'grab';
/** Pointers that act at the hand (grab, and a finger's poke): building parts deny them so they reach only products and panels. */
export const NEAR_POINTERS = [GRAB_POINTER, 'touch'];

/** True for events from a grab pointer (squeeze on a controller, grab with a hand). */
export function isGrabEvent(e: object): boolean {
  return (e as { pointerType?: string }).pointerType === GRAB_POINTER;
}

/**
 * Pointer handlers for `ref`'s group: a grab pointer holds it (following the hand), release returns it to where
 * it stood. Spread the result onto the group. Logs `grab_start` and `grab_end` (with duration).
 */
export function useGrab(ref: RefObject<Group | null>, productId: string) {
  const held = useRef<Held | null>(null);
  const home = useRef<{ position: Vector3; quaternion: Quaternion } | null>(null);
  const returning = useRef(0);

  useFrame((_, delta) => {
    const g = ref.current;
    if (!g || held.current || returning.current <= 0 || !home.current) return;
    returning.current = Math.max(0, returning.current - delta);
    const t = 1 - returning.current / RETURN_SECONDS;
    g.position.lerp(home.current.position, t);
    g.quaternion.slerp(home.current.quaternion, t);
  });

  const follow = (e: XPointerEvent, g: Object3D, offset: Matrix4) => {
    pointerMatrix.compose(e.pointerPosition, e.pointerQuaternion, one);
    world.multiplyMatrices(pointerMatrix, offset);
    parentInverse.copy(g.parent!.matrixWorld).invert();
    world.premultiply(parentInverse).decompose(pos, quat, scale);
    g.position.copy(pos);
    g.quaternion.copy(quat);
  };

  return {
    onPointerDown(ev: unknown) {
      const e = ev as XPointerEvent;
      const g = ref.current;
      if (!isGrabEvent(e) || !g || held.current) return;
      e.stopPropagation();
      (e.target as Object3D & { setPointerCapture(id: number): void }).setPointerCapture(e.pointerId);
      if (!home.current || returning.current <= 0) home.current = { position: g.position.clone(), quaternion: g.quaternion.clone() };
      returning.current = 0;
      g.updateWorldMatrix(true, false);
      pointerMatrix.compose(e.pointerPosition, e.pointerQuaternion, one);
      const offset = pointerMatrix.clone().invert().multiply(g.matrixWorld);
      const handedness = (e.pointerState as { inputSource?: XRInputSource } | undefined)?.inputSource?.handedness;
      const hand = handedness === 'left' || handedness === 'right' ? handedness : undefined;
      held.current = { pointerId: e.pointerId, offset, since: performance.now(), hand };
      track({ type: 'grab_start', input: inputKindOf(e), productId, props: hand ? { hand } : {} });
    },
    onPointerMove(ev: unknown) {
      const e = ev as XPointerEvent;
      const g = ref.current;
      if (!g || !held.current || e.pointerId !== held.current.pointerId) return;
      follow(e, g, held.current.offset);
    },
    onPointerUp(ev: unknown) {
      const e = ev as XPointerEvent;
      const h = held.current;
      if (!h || e.pointerId !== h.pointerId) return;
      held.current = null;
      returning.current = RETURN_SECONDS;
      const durationMs = Math.round(performance.now() - h.since);
      track({ type: 'grab_end', input: inputKindOf(e), productId, props: h.hand ? { durationMs, hand: h.hand } : { durationMs } });
    },
  };
}
