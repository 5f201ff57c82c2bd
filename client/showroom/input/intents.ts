// Movement intents: every device adapter writes here; locomotion reads here once per frame.

/** A continuous intent from one device: strafe and walk in [-1, 1], turn rate in [-1, 1] (+ = left). */
export interface AxisIntent {
  moveX: number;
  moveY: number;
  turn: number;
}

const axes = new Map<string, AxisIntent>();
let lookYaw = 0;
let lookPitch = 0;
let snapTurn = 0;
let teleport: { x: number; z: number } | null = null;
let walkTo: { x: number; z: number } | null = null;

/** Sets the continuous intent of one source (e.g. 'keyboard', 'gamepad', 'xr-left'). */
export function setAxes(source: string, intent: AxisIntent): void {
  const current = axes.get(source);
  if (current) {
    current.moveX = intent.moveX;
    current.moveY = intent.moveY;
    current.turn = intent.turn;
  } else axes.set(source, { ...intent });
}

export function clearAxes(source: string): void {
  axes.delete(source);
}

/** Adds a look rotation in radians (mouse or touch drag). +yaw = left, +pitch = up. */
export function addLook(yaw: number, pitch: number): void {
  lookYaw += yaw;
  lookPitch += pitch;
}

/** Asks for an instant turn by `radians` (+ = left). */
export function requestSnapTurn(radians: number): void {
  snapTurn += radians;
}

/** Asks to move the visitor to a floor point, metres. */
export function requestTeleport(x: number, z: number): void {
  teleport = { x, z };
}

/** Asks to walk (not jump) to a floor point, metres; any other movement cancels it. */
export function requestWalkTo(x: number, z: number): void {
  walkTo = { x, z };
}

export interface FrameIntents {
  moveX: number;
  moveY: number;
  turn: number;
  lookYaw: number;
  lookPitch: number;
  snapTurn: number;
  teleport: { x: number; z: number } | null;
  walkTo: { x: number; z: number } | null;
}

const frame: FrameIntents = { moveX: 0, moveY: 0, turn: 0, lookYaw: 0, lookPitch: 0, snapTurn: 0, teleport: null, walkTo: null };

/** Sums every source's intent (clamped) and takes the one-shot intents. The result is reused: copy what you keep. */
export function consumeIntents(): FrameIntents {
  let mx = 0;
  let my = 0;
  let t = 0;
  for (const a of axes.values()) {
    mx += a.moveX;
    my += a.moveY;
    t += a.turn;
  }
  frame.moveX = Math.max(-1, Math.min(1, mx));
  frame.moveY = Math.max(-1, Math.min(1, my));
  frame.turn = Math.max(-1, Math.min(1, t));
  frame.lookYaw = lookYaw;
  frame.lookPitch = lookPitch;
  frame.snapTurn = snapTurn;
  frame.teleport = teleport;
  frame.walkTo = walkTo;
  lookYaw = lookPitch = snapTurn = 0;
  teleport = null;
  walkTo = null;
  return frame;
}
