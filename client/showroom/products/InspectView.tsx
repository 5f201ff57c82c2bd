// Inspect mode: the selected product floats in front of the visitor; drag (pointer capture) turns it, wheel or buttons zoom.
import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { use, useLayoutEffect, useMemo, useRef } from 'react';
import { Box3, type Group, Vector3 } from 'three';
import { markUiHover, productById, useShowroom, variantOf } from '../store';
import { modelUrl } from '../renderMode';
import { loadProductAsset, materialFor } from './productAsset';

const eye = new Vector3();
const forward = new Vector3();
const right = new Vector3();
const upAxis = new Vector3(0, 1, 0);
const delta = new Vector3();

/** How far ahead a product of this bounding radius floats at zoom 1, metres: big pieces further away. */
export function inspectDistance(radius: number): number {
  return 0.6 + radius * 2.3;
}

interface Drag {
  pointerId: number;
  start: Vector3;
  yaw: number;
  pitch: number;
}

export function InspectView({ productId }: { productId: string }) {
  const product = productById(productId)!;
  const asset = use(loadProductAsset(modelUrl(product.model)));
  const variantId = useShowroom((s) => variantOf(product, s.variants).id);
  const get = useThree((s) => s.get);
  const anchor = useRef<Group>(null);
  const slide = useRef<Group>(null);
  const pitchGroup = useRef<Group>(null);
  const yawGroup = useRef<Group>(null);
  const turn = useRef({ yaw: -0.5, pitch: 0.15, drag: null as Drag | null });
  const { width, depth, height } = product.dimensions;
  const radius = Math.max(width, depth, height) / 2;
  // Centre the product's bounding box on the turning point.
  const centre = useMemo(() => {
    const b = new Box3();
    for (const p of asset.parts) {
      p.geometry.computeBoundingBox();
      b.union(p.geometry.boundingBox!.clone().applyMatrix4(p.matrix));
    }
    return b.getCenter(new Vector3()).negate();
  }, [asset]);

  useLayoutEffect(() => {
    const { camera } = get();
    camera.getWorldPosition(eye);
    camera.getWorldDirection(forward).setY(0).normalize().applyAxisAngle(upAxis, 0.3);
    // The anchor sits at the eyes (a little lower), turned to where the visitor looks; the product floats ahead of it.
    anchor.current!.position.set(eye.x, eye.y - 0.25, eye.z);
    anchor.current!.rotation.set(0, Math.atan2(-forward.x, -forward.z), 0);
    slide.current!.position.set(0, 0, -inspectDistance(radius) * 1.3);
  }, [get, productId, radius]);

  useFrame((_, dt) => {
    if (!slide.current || !pitchGroup.current || !yawGroup.current) return;
    // Distance grows with the product's size; zoom brings it nearer (< 1) or further (> 1).
    const dist = inspectDistance(radius) * useShowroom.getState().zoom;
    const k = 1 - Math.exp(-dt * 8);
    slide.current.position.z += (-dist - slide.current.position.z) * k;
    yawGroup.current.rotation.y += (turn.current.yaw - yawGroup.current.rotation.y) * k;
    pitchGroup.current.rotation.x += (turn.current.pitch - pitchGroup.current.rotation.x) * k;
  });

  const onDown = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    (e.target as unknown as { setPointerCapture(id: number): void }).setPointerCapture(e.pointerId);
    turn.current.drag = { pointerId: e.pointerId, start: e.point.clone(), yaw: turn.current.yaw, pitch: turn.current.pitch };
  };
  const onMove = (e: ThreeEvent<PointerEvent>) => {
    const d = turn.current.drag;
    if (!d || d.pointerId !== e.pointerId) return;
    const { camera } = get();
    right.setFromMatrixColumn(camera.matrixWorld, 0);
    delta.copy(e.point).sub(d.start);
    const r = Math.max(0.15, radius);
    turn.current.yaw = d.yaw + (delta.dot(right) / r) * 1.4;
    turn.current.pitch = Math.max(-1.0, Math.min(1.0, d.pitch - (delta.y / r) * 1.2));
  };
  const onUp = (e: ThreeEvent<PointerEvent>) => {
    if (turn.current.drag?.pointerId === e.pointerId) turn.current.drag = null;
  };
  const onWheel = (e: ThreeEvent<WheelEvent>) => {
    const dy = (e.nativeEvent as WheelEvent).deltaY ?? 0;
    useShowroom.setState((s) => ({ zoom: Math.max(0.45, Math.min(1.6, s.zoom * Math.exp(dy * 0.001))) }));
  };

  return (
    <group ref={anchor} name="inspect-anchor">
      <group ref={slide}>
        <group ref={pitchGroup}>
          <group
            ref={yawGroup}
            name={`inspect-${product.id}`}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onUp}
            onWheel={onWheel}
            onPointerEnter={() => markUiHover(1)}
            onPointerLeave={() => markUiHover(-1)}
            onClick={(e) => e.stopPropagation()}
          >
            <group position={centre}>
              {asset.parts.map((part, i) => (
                <mesh key={i} geometry={part.geometry} material={materialFor(part, variantId)} matrix={part.matrix} matrixAutoUpdate={false} />
              ))}
            </group>
          </group>
        </group>
      </group>
    </group>
  );
}
