// What each XR controller brings: its model and pointers, thumbstick movement, and the teleport arc (left hand).
import { DefaultXRController, useXRInputSourceStateContext } from '@react-three/xr';
import { VoicePushToTalk } from '../../voice/VoicePushToTalk';
import { TeleportArc } from './TeleportArc';
import { ThumbstickControls } from './ThumbstickControls';

/**
 * A trigger pull (or pinch) counts as a click when released within this many ms on the same product. Longer than
 * the desktop's 300 ms: people new to VR hold the trigger longer. A longer hold, or a release elsewhere, is no click.
 */
export const XR_CLICK_MS = 1500;

export function ShowroomController() {
  const state = useXRInputSourceStateContext('controller');
  return (
    <>
      <DefaultXRController rayPointer={{ clickThresholdMs: XR_CLICK_MS }} />
      <ThumbstickControls />
      {state.inputSource.handedness === 'left' ? <TeleportArc /> : <VoicePushToTalk />}
    </>
  );
}
