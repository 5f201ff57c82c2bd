// Pointer handlers of a product: hover and select from any pointer (mouse, touch, crosshair, XR ray, grab, touch).
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import { hoverEnd, hoverStart, selectProduct } from '../actions';
import { inputKindOf } from '../input/pointerKind';

/** R3F pointer props for a product group; the same for every device. */
export function useProductPointer(productId: string) {
  return useMemo(
    () => ({
      onPointerEnter: (e: ThreeEvent<PointerEvent>) => hoverStart(productId, inputKindOf(e)),
      onPointerLeave: (e: ThreeEvent<PointerEvent>) => hoverEnd(productId, inputKindOf(e)),
      onClick: (e: ThreeEvent<MouseEvent>) => {
        e.stopPropagation();
        selectProduct(productId, inputKindOf(e));
      },
    }),
    [productId],
  );
}
