// One product stand: a plinth with the product on top, reacting to pointer events from any device.
import type { ThreeEvent } from '@react-three/fiber';
import { memo, useCallback, useRef } from 'react';
import type { Group } from 'three';
import { track } from '../telemetry/recorder';
import { lastPressWasDrag } from './input/dragLook';
import { inputKindOf } from './input/pointerKind';
import { isGrabEvent, useGrab } from './xr/useGrab';
import { STAND_HEIGHT, type StandPlacement } from './layout';
import { PlaceholderModel } from './PlaceholderModel';
import { useShowroom } from './store';

export const Stand = memo(function Stand({ stand }: { stand: StandPlacement }) {
  const { product } = stand;
  const hovered = useShowroom((s) => s.hoveredId === product.id);
  const selected = useShowroom((s) => s.selectedId === product.id);
  const variantId = useShowroom((s) => s.variants[product.id]) ?? product.variants[0]!.id;
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0]!;

  const onOver = useCallback(
    (e: ThreeEvent<PointerEvent>) => {
      e.stopPropagation();
      useShowroom.getState().hover(product.id);
    },
    [product.id],
  );
  const onOut = useCallback(() => {
    if (useShowroom.getState().hoveredId === product.id) useShowroom.getState().hover(null);
  }, [product.id]);
  const productRef = useRef<Group>(null);
  const grab = useGrab(productRef, product.id);
  const onClick = useCallback(
    (e: ThreeEvent<MouseEvent>) => {
      e.stopPropagation();
      const input = inputKindOf(e);
      // A squeeze is a grab, and a drag over the product is looking around: neither selects it.
      if (isGrabEvent(e) || ((input === 'mouse' || input === 'touch') && lastPressWasDrag())) return;
      useShowroom.getState().select(product.id);
      track({ type: 'product_select', input, productId: product.id, variantId: variant.id });
    },
    [product.id, variant.id],
  );

  return (
    <group position={[stand.x, 0, stand.z]} rotation-y={stand.rotationY} name={`stand-${product.id}`}>
      <mesh position={[0, STAND_HEIGHT / 2, 0]} receiveShadow>
        <boxGeometry args={[stand.width, STAND_HEIGHT, stand.depth]} />
        <meshStandardMaterial color={selected ? '#d9cdb8' : hovered ? '#e8dfcf' : '#efebe4'} roughness={0.7} />
      </mesh>
      <group
        ref={productRef}
        position-y={STAND_HEIGHT}
        onPointerOver={onOver}
        onPointerOut={onOut}
        onClick={onClick}
        {...grab}
        name={`product-${product.id}`}
      >
        <PlaceholderModel product={product} color={variant.color} />
      </group>
    </group>
  );
});
