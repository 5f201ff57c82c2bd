// The WebXR session store: Quest-friendly frame rate and foveation, controller/hand models from our own assets.
import { createXRStore } from '@react-three/xr';
import { ShowroomController, XR_CLICK_MS } from './ShowroomController';

/** Picks 90 Hz, else 72 Hz, never the highest rate (120 Hz costs battery and frame budget). */
export function pickFrameRate(supported: ArrayLike<number>): number | false {
  const rates = Array.from(supported);
  if (rates.includes(90)) return 90;
  if (rates.includes(72)) return 72;
  const usable = rates.filter((r) => r >= 60 && r <= 90).sort((a, b) => b - a);
  return usable[0] ?? false;
}

export const xrStore = createXRStore({
  // Tests and headsets bring their own runtime; never inject the emulator or fetch it.
  emulate: false,
  offerSession: false,
  // Controller and hand models are served from assets/xr-profiles (the library's default is a CDN).
  baseAssetPath: new URL('/assets/xr-profiles/', location.href).href,
  defaultControllerProfileId: 'generic-trigger-squeeze-thumbstick',
  defaultXRHandProfileId: 'generic-hand',
  frameRate: pickFrameRate,
  foveation: 1,
  handTracking: true,
  hitTest: true,
  // Our controller adds thumbstick movement and the teleport arc (driven by the stick, not the trigger).
  controller: ShowroomController,
  hand: { teleportPointer: false, rayPointer: { clickThresholdMs: XR_CLICK_MS } },
  // Features we do not use: do not ask the headset for them.
  planeDetection: false,
  meshDetection: false,
  anchors: false,
  bodyTracking: false,
  layers: false,
  domOverlay: false,
});
