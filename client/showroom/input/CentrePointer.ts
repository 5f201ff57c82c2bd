// A pointer that always aims through the centre of the view: the mouse-look crosshair and the gamepad's A button.
import { generateUniquePointerId, Pointer, ScreenRayIntersector } from '@pmndrs/pointer-events';
import type { Camera } from 'three';

/**
 * Creates a pointer whose ray goes through the centre of `camera()`; events it causes carry `pointerType`.
 * Call `move(scene, ...)` every frame while enabled, and `down`/`up` to click.
 */
export function createCentrePointer(pointerType: string, camera: () => Camera): Pointer {
  return new Pointer(
    generateUniquePointerId(),
    pointerType,
    undefined,
    new ScreenRayIntersector((_native, coords) => {
      coords.set(0, 0);
      return camera() as never;
    }, {}),
    camera as never,
  );
}
