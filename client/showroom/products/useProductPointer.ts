// Pointer handlers of a product: hover and select from any pointer (mouse, touch, crosshair, XR ray, grab, touch).
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import { hoverEnd, hoverStart, selectProduct } from '../actions';
import { lastPressWasDrag } from '../input/dragLook';
import { inputKindOf } from '../input/pointerKind';
import { isGrabEvent } from '../xr/useGrab';

/** R3F pointer props for a product group; the same for every device. */
export function useProductPointer(productId: string) {
  return useMemo(
    () => ({
      onPointerEnter: (e: ThreeEvent<PointerEvent>) => hoverStart(productId, inputKindOf(e)),
      onPointerLeave: (e: ThreeEvent<PointerEvent>) => hoverEnd(productId, inputKindOf(e)),
      onClick: (e: ThreeEvent<MouseEvent>) => {
        e.stopPropagation();
        const input = inputKindOf(e);
        // A squeeze is a grab, and a drag across the product is looking around: neither selects it.
        if (isGrabEvent(e) || ((input === 'mouse' || input === 'touch') && lastPressWasDrag())) return;
        selectProduct(productId, input);
      },
    }),
    [productId],
  );
}
