// Drag to look (mouse or one finger) and two fingers to move: screen gestures on the canvas become intents.
import { useShowroom } from '../store';
import { addLook, clearAxes, setAxes } from './intents';

const SOURCE = 'touch';
/** Radians per pixel dragged. */
const DRAG_LOOK = 0.005;
/** Pixels a press may move and still count as a tap or click. */
export const TAP_SLOP = 8;
/** Pixels of two-finger travel for full walking speed. */
const TWO_FINGER_RANGE = 90;

let lastPressMoved = false;

/** True when the press that just ended moved far enough to be a drag (so it is not a click). */
export function lastPressWasDrag(): boolean {
  return lastPressMoved;
}

interface Touch {
  x: number;
  y: number;
  startX: number;
  startY: number;
}

/** Listens on the canvas; returns a function that removes the listeners. */
export function attachDragLook(canvas: HTMLCanvasElement): () => void {
  const active = new Map<number, Touch>();
  let twoFingerStart: { x: number; y: number } | null = null;
  const mid = () => {
    let x = 0;
    let y = 0;
    for (const t of active.values()) {
      x += t.x;
      y += t.y;
    }
    return { x: x / active.size, y: y / active.size };
  };

  const onDown = (e: PointerEvent) => {
    if (document.pointerLockElement === canvas || (e.pointerType === 'mouse' && e.button !== 0)) return;
    // A press on an in-scene panel or the inspected product belongs to it (buttons, turning the product).
    if (useShowroom.getState().uiHover > 0) return;
    active.set(e.pointerId, { x: e.clientX, y: e.clientY, startX: e.clientX, startY: e.clientY });
    lastPressMoved = false;
    if (active.size === 2) twoFingerStart = mid();
  };
  const onMove = (e: PointerEvent) => {
    const t = active.get(e.pointerId);
    if (!t) return;
    const dx = e.clientX - t.x;
    const dy = e.clientY - t.y;
    t.x = e.clientX;
    t.y = e.clientY;
    if (Math.hypot(t.x - t.startX, t.y - t.startY) > TAP_SLOP) lastPressMoved = true;
    if (active.size === 1 && lastPressMoved) addLook(dx * DRAG_LOOK, dy * DRAG_LOOK);
    else if (active.size === 2 && twoFingerStart) {
      const m = mid();
      const clamp = (v: number) => Math.max(-1, Math.min(1, v));
      setAxes(SOURCE, { moveX: clamp((m.x - twoFingerStart.x) / TWO_FINGER_RANGE), moveY: clamp((twoFingerStart.y - m.y) / TWO_FINGER_RANGE), turn: 0 });
    }
  };
  const onUp = (e: PointerEvent) => {
    if (!active.delete(e.pointerId)) return;
    if (active.size < 2) {
      twoFingerStart = null;
      clearAxes(SOURCE);
    }
  };
  canvas.addEventListener('pointerdown', onDown);
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
  window.addEventListener('pointercancel', onUp);
  return () => {
    canvas.removeEventListener('pointerdown', onDown);
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onUp);
    clearAxes(SOURCE);
  };
}
