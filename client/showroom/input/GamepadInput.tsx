// Polls the Gamepad API each frame: sticks become movement intents, A clicks what is in the centre of view.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { closePanel, cycleVariant } from '../actions';
import { useShowroom } from '../store';
import { createCentrePointer } from './CentrePointer';
import { readGamepad, PITCH_SPEED } from './gamepadMapping';
import { addLook, clearAxes, setAxes } from './intents';
import { frameSeconds } from './walkStep';

/** Pointer type of gamepad clicks; `inputKindOf` maps it to `gamepad`. */
export const GAMEPAD_POINTER = 'gamepad';
const SOURCE = 'gamepad';

/** The first connected pad with the standard mapping, if any. */
export function activeGamepad(): Gamepad | null {
  const pads = typeof navigator.getGamepads === 'function' ? navigator.getGamepads() : [];
  for (const pad of pads) if (pad && pad.connected && pad.mapping === 'standard') return pad;
  return null;
}

export function GamepadInput() {
  const get = useThree((s) => s.get);
  const scene = useThree((s) => s.scene);
  const pointer = useMemo(() => createCentrePointer(GAMEPAD_POINTER, () => get().camera), [get]);
  const held = useRef(new Set<number>());

  useEffect(() => {
    pointer.setEnabled(false, { timeStamp: performance.now() });
    return () => {
      clearAxes(SOURCE);
      pointer.exit({ timeStamp: performance.now() });
    };
  }, [pointer]);

  useFrame((state, delta) => {
    const pad = state.gl.xr.isPresenting ? null : activeGamepad();
    const now = performance.now();
    if (!pad) {
      if (pointer.getEnabled()) {
        pointer.setEnabled(false, { timeStamp: now });
        clearAxes(SOURCE);
      }
      return;
    }
    if (!pointer.getEnabled()) pointer.setEnabled(true, { timeStamp: now });
    pointer.move(scene, { timeStamp: now });
    const f = readGamepad(pad, held.current);
    setAxes(SOURCE, { moveX: f.moveX, moveY: f.moveY, turn: f.turn });
    if (f.pitch !== 0) addLook(0, f.pitch * PITCH_SPEED * frameSeconds(delta));
    for (const action of f.pressed) {
      if (action === 'select') {
        // A press of A is one click on what is in the centre: down and up together.
        pointer.down({ button: 0, timeStamp: now } as never);
        pointer.up({ button: 0, timeStamp: now } as never);
      } else if (action === 'back') closePanel('gamepad');
      else if (action === 'previousVariant' || action === 'nextVariant') {
        const id = useShowroom.getState().selectedId;
        if (id) cycleVariant(id, action === 'nextVariant' ? 1 : -1, 'gamepad');
      }
    }
  });
  return null;
}
