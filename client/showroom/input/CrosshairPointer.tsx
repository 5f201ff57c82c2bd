// While the mouse is locked for mouse look, a pointer through the centre of the view (the crosshair) clicks and hovers.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { createCentrePointer } from './CentrePointer';
import { SCREEN_POINTER_PREFIX } from './pointerKind';

/** The pointer type our events carry for the crosshair; `inputKindOf` maps it to `mouse`. */
export const CROSSHAIR_POINTER = 'crosshair';

export function CrosshairPointer() {
  const get = useThree((s) => s.get);
  const scene = useThree((s) => s.scene);
  const pointer = useMemo(() => createCentrePointer(CROSSHAIR_POINTER, () => get().camera), [get]);

  useEffect(() => {
    const isLocked = () => document.pointerLockElement !== null && !get().gl.xr.isPresenting;
    pointer.setEnabled(false, { timeStamp: performance.now() });
    const onLockChange = () => {
      const locked = isLocked();
      // The frozen mouse position must not hover or click anything while the crosshair is in charge.
      scene.pointerEventsType = locked ? { deny: [`${SCREEN_POINTER_PREFIX}mouse`, `${SCREEN_POINTER_PREFIX}pen`] } : 'all';
      pointer.setEnabled(locked, { timeStamp: performance.now() });
    };
    const onDown = (e: PointerEvent) => {
      if (isLocked()) pointer.down(e);
    };
    const onUp = (e: PointerEvent) => {
      if (isLocked()) pointer.up(e);
    };
    document.addEventListener('pointerlockchange', onLockChange);
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointerup', onUp, true);
    return () => {
      document.removeEventListener('pointerlockchange', onLockChange);
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointerup', onUp, true);
      scene.pointerEventsType = 'all';
      pointer.exit({ timeStamp: performance.now() });
    };
  }, [get, pointer, scene]);

  // Re-aim every frame so hover follows the view when only the keyboard moves it.
  useFrame(() => {
    if (pointer.getEnabled()) pointer.move(scene, { timeStamp: performance.now() });
  });
  return null;
}
