// Key bindings as data: which key drives which movement intent.

export type AxisName = 'moveX' | 'moveY' | 'turn';

/** `KeyboardEvent.code` -> [axis, direction]. Codes are layout-independent (WASD on AZERTY too). */
export const keyBindings: Record<string, readonly [AxisName, 1 | -1]> = {
  KeyW: ['moveY', 1],
  ArrowUp: ['moveY', 1],
  KeyS: ['moveY', -1],
  ArrowDown: ['moveY', -1],
  KeyA: ['moveX', -1],
  ArrowLeft: ['moveX', -1],
  KeyD: ['moveX', 1],
  ArrowRight: ['moveX', 1],
  KeyQ: ['turn', 1],
  KeyE: ['turn', -1],
};

/** Radians of view rotation per pixel of mouse movement. */
export const MOUSE_LOOK_SENSITIVITY = 0.0022;

/** Toggles mouse look (pointer lock); Esc also releases it. */
export const MOUSE_LOOK_KEY = 'KeyM';
/** Opens and closes the controls help. */
export const HELP_KEYS = ['KeyH', 'Slash'];
