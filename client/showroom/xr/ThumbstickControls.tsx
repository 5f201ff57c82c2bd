// Reads one XR controller's thumbstick and buttons each frame and turns them into movement intents.
import { useFrame } from '@react-three/fiber';
import { useXRInputSourceStateContext } from '@react-three/xr';
import { useEffect, useRef } from 'react';
import { clearAxes, requestSnapTurn, setAxes } from '../input/intents';
import { SNAP_TURN_DEGREES, useXRPreferences } from './preferences';

/** Stick deflection below this counts as centred. */
const DEAD_ZONE = 0.15;
/** A snap turn fires past this deflection and re-arms below `SNAP_REARM`. */
const SNAP_FIRE = 0.7;
const SNAP_REARM = 0.3;

const dead = (v: number | undefined) => (v === undefined || Math.abs(v) < DEAD_ZONE ? 0 : v);

/**
 * Left stick: glide (in glide mode; in teleport mode the arc takes it). Right stick: snap or smooth turn.
 * Left Y button: switch between glide and teleport.
 */
export function ThumbstickControls() {
  const state = useXRInputSourceStateContext('controller');
  const hand = state.inputSource.handedness;
  const source = `xr-${hand}`;
  const snapArmed = useRef(true);
  const yWasDown = useRef(false);

  useEffect(() => () => clearAxes(source), [source]);

  useFrame(() => {
    const stick = state.gamepad['xr-standard-thumbstick'];
    const x = dead(stick?.xAxis);
    const y = dead(stick?.yAxis);
    const prefs = useXRPreferences.getState();
    if (hand === 'left') {
      if (prefs.move === 'glide') setAxes(source, { moveX: x, moveY: -y, turn: 0 });
      else clearAxes(source);
      const yDown = state.gamepad['y-button']?.state === 'pressed';
      if (yDown && !yWasDown.current) prefs.set({ move: prefs.move === 'glide' ? 'teleport' : 'glide' });
      yWasDown.current = yDown;
    } else if (hand === 'right') {
      if (prefs.turn === 'smooth') {
        setAxes(source, { moveX: 0, moveY: 0, turn: -x });
      } else {
        clearAxes(source);
        if (snapArmed.current && Math.abs(x) > SNAP_FIRE) {
          requestSnapTurn((-Math.sign(x) * SNAP_TURN_DEGREES * Math.PI) / 180);
          snapArmed.current = false;
        } else if (Math.abs(x) < SNAP_REARM) snapArmed.current = true;
      }
    }
  });
  return null;
}
