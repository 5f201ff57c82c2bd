// Gamepad bindings as data (standard mapping): which stick moves and turns, which button does what.

/** Button indices of the W3C "standard" gamepad mapping. */
export const BUTTON = { A: 0, B: 1, X: 2, Y: 3, DPAD_UP: 12, DPAD_DOWN: 13, DPAD_LEFT: 14, DPAD_RIGHT: 15 } as const;
export const AXIS = { LEFT_X: 0, LEFT_Y: 1, RIGHT_X: 2, RIGHT_Y: 3 } as const;

export type GamepadAction = 'select' | 'back' | 'previousVariant' | 'nextVariant';

/** Buttons that trigger a one-off action when pressed. */
export const buttonActions: Record<number, GamepadAction> = {
  [BUTTON.A]: 'select',
  [BUTTON.B]: 'back',
  [BUTTON.DPAD_LEFT]: 'previousVariant',
  [BUTTON.DPAD_RIGHT]: 'nextVariant',
};

export const STICK_DEAD_ZONE = 0.15;
/** Radians per second of view pitch at full right-stick deflection. */
export const PITCH_SPEED = 1.2;

const dead = (v: number | undefined) => (v === undefined || Math.abs(v) < STICK_DEAD_ZONE ? 0 : v);

export interface GamepadFrame {
  moveX: number;
  moveY: number;
  turn: number;
  pitch: number;
  /** Actions whose button went down since the previous frame. */
  pressed: GamepadAction[];
}

/**
 * Reads one pad against the buttons held in the previous frame (`held`, updated in place).
 * Sticks: left moves (up = forward), right turns (x) and looks up and down (y).
 */
export function readGamepad(pad: Pick<Gamepad, 'axes' | 'buttons'>, held: Set<number>): GamepadFrame {
  const pressed: GamepadAction[] = [];
  for (const [index, action] of Object.entries(buttonActions)) {
    const i = Number(index);
    const down = pad.buttons[i]?.pressed ?? false;
    if (down && !held.has(i)) pressed.push(action);
    if (down) held.add(i);
    else held.delete(i);
  }
  return {
    moveX: dead(pad.axes[AXIS.LEFT_X]),
    moveY: -dead(pad.axes[AXIS.LEFT_Y]),
    turn: -dead(pad.axes[AXIS.RIGHT_X]),
    pitch: -dead(pad.axes[AXIS.RIGHT_Y]),
    pressed,
  };
}
