// Push to talk in a headset: hold the right controller's B button (trigger selects, grip grabs, A is free for the product panel).
import { useFrame } from '@react-three/fiber';
import { useXRInputSourceStateContext } from '@react-three/xr';
import { useEffect, useRef } from 'react';
import { talkEnd, talkStart } from './pushToTalk';

/** The xr-standard button id held to talk, on the right controller. */
export const XR_TALK_BUTTON = 'b-button';

export function VoicePushToTalk() {
  const state = useXRInputSourceStateContext('controller');
  const wasDown = useRef(false);
  useEffect(() => () => {
    if (wasDown.current) talkEnd();
  }, []);
  useFrame(() => {
    if (state.inputSource.handedness !== 'right') return;
    const down = state.gamepad[XR_TALK_BUTTON]?.state === 'pressed';
    if (down && !wasDown.current) void talkStart();
    else if (!down && wasDown.current) talkEnd();
    wasDown.current = down;
  });
  return null;
}
