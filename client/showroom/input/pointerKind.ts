// Tells which kind of device a pointer event came from, for the event's `input` field.
import type { InputKind } from '../../../server/contracts/events';

/** Prefix of the pointer types of mouse, pen and touch on the canvas (`screen-mouse`, `screen-touch`). */
export const SCREEN_POINTER_PREFIX = 'screen-';

interface PointerLike {
  pointerType?: string;
  /** Set by @pmndrs/pointer-events for XR pointers: the XR input source state. */
  pointerState?: unknown;
}

/** Maps a pointer event (mouse, touch, crosshair, gamepad, XR controller or hand) to our input kinds. */
export function inputKindOf(event: object): InputKind {
  const e = event as PointerLike;
  const state = e.pointerState as { type?: string } | undefined;
  switch (state?.type) {
    case 'controller':
      return 'controller';
    case 'hand':
    case 'transientPointer':
      return 'hand';
    case 'gaze':
      return 'gaze';
    case 'screenInput':
      return 'touch';
  }
  switch (e.pointerType) {
    case `${SCREEN_POINTER_PREFIX}touch`:
    case 'touch':
      return 'touch';
    case 'gamepad':
      return 'gamepad';
    default:
      return 'mouse';
  }
}
