// AR: a reticle on the real floor (hit test, else the floor plane), select places the product at real scale, the stick or a drag turns it.
import { useFrame } from '@react-three/fiber';
import { useXRHitTest, useXRInputSourceEvent } from '@react-three/xr';
import { type ReactNode, useRef } from 'react';
import { type Group, Matrix4, type Mesh, Plane, Quaternion, Ray, Vector3 } from 'three';
import type { Product } from '../../../server/contracts/catalog';
import type { InputKind } from '../../../server/contracts/events';
import { track } from '../../telemetry/recorder';
import { inputKindOf } from '../input/pointerKind';
import { frameSeconds } from '../input/walkStep';
import { useShowroom } from '../store';

const hitMatrix = new Matrix4();
const hitPoint = new Vector3();
const floor = new Plane(new Vector3(0, 1, 0), 0);
const ray = new Ray();
const q = new Quaternion();
const scale = new Vector3();
/** Radians per second of turn at full stick. */
const TURN_SPEED = 1.5;

interface Props {
  product: Product;
  /** Draws the product (its model, in the chosen variant) at real scale, standing on y = 0. */
  children: ReactNode;
}

export function ARView({ product, children }: Props) {
  const reticle = useRef<Mesh>(null);
  const placed = useRef<Group>(null);
  const hasHit = useRef(false);
  const isPlaced = useRef(false);
  const drag = useRef<{ pointerId: number; lastX: number } | null>(null);

  // A real-floor hit from the centre of view, when the device offers hit testing.
  useXRHitTest((results, getWorldMatrix) => {
    hasHit.current = results.length > 0 && getWorldMatrix(hitMatrix, results[0]!);
    if (hasHit.current) hitMatrix.decompose(hitPoint, q, scale);
  }, 'viewer');

  useFrame((state, delta) => {
    const r = reticle.current;
    if (!r) return;
    if (!hasHit.current) {
      // No hit test: aim at the floor plane of the local-floor space.
      state.camera.getWorldPosition(ray.origin);
      state.camera.getWorldDirection(ray.direction);
      if (!ray.intersectPlane(floor, hitPoint)) {
        r.visible = false;
        return;
      }
    }
    r.visible = true;
    r.position.set(hitPoint.x, hitPoint.y + 0.002, hitPoint.z);
    // Any thumbstick turns the placed product.
    const g = placed.current;
    if (g && isPlaced.current) {
      for (const source of state.gl.xr.getSession()?.inputSources ?? []) {
        const x = source.gamepad?.axes[2] ?? 0;
        if (Math.abs(x) > 0.2) g.rotation.y -= x * TURN_SPEED * frameSeconds(delta);
      }
    }
  });

  const log = (input: InputKind) => {
    const g = placed.current!;
    track({
      type: 'ar_place',
      input,
      productId: product.id,
      variantId: useShowroom.getState().variants[product.id] ?? product.variants[0]!.id,
      props: { x: round(g.position.x), y: round(g.position.y), z: round(g.position.z), rotationY: round(g.rotation.y), surface: hasHit.current ? 'plane' : 'floor' },
    });
  };

  useXRInputSourceEvent(
    'all',
    'select',
    (e) => {
      const g = placed.current;
      const r = reticle.current;
      if (!g || !r?.visible || drag.current) return;
      g.position.copy(r.position).setY(hitPoint.y);
      g.visible = true;
      isPlaced.current = true;
      const kind = e.inputSource.hand ? 'hand' : e.inputSource.targetRayMode === 'screen' ? 'touch' : 'controller';
      log(kind);
    },
    [product.id],
  );

  return (
    <>
      <mesh ref={reticle} rotation-x={-Math.PI / 2} visible={false} pointerEvents="none">
        <ringGeometry args={[0.12, 0.16, 40]} />
        <meshBasicMaterial color="#ffffff" transparent opacity={0.9} />
      </mesh>
      <group
        ref={placed}
        visible={false}
        name={`product-${product.id}`}
        onPointerDown={(e) => {
          // Drag sideways across the placed product to turn it (phones and hands).
          (e.target as unknown as { setPointerCapture(id: number): void }).setPointerCapture(e.pointerId);
          drag.current = { pointerId: e.pointerId, lastX: e.point.x };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          const g = placed.current;
          if (!d || !g || e.pointerId !== d.pointerId) return;
          g.rotation.y += (e.point.x - d.lastX) * 4;
          d.lastX = e.point.x;
        }}
        onPointerUp={(e) => {
          if (drag.current?.pointerId !== e.pointerId) return;
          drag.current = null;
          log(inputKindOf(e));
        }}
      >
        {children}
      </group>
    </>
  );
}

const round = (v: number) => Math.round(v * 100) / 100;
