// Keyboard and mouse adapter: held keys become axis intents; locked-pointer mouse motion becomes look.
import { keyBindings, MOUSE_LOOK_KEY, MOUSE_LOOK_SENSITIVITY } from './bindings';
import { addLook, clearAxes, setAxes } from './intents';

const SOURCE = 'keyboard';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Listens on `window` and the canvas; returns a function that removes every listener. */
export function attachKeyboardMouse(canvas: HTMLCanvasElement): () => void {
  const held = new Set<string>();
  const update = () => {
    const a = { moveX: 0, moveY: 0, turn: 0 };
    for (const code of held) {
      const b = keyBindings[code];
      if (b) a[b[0]] += b[1];
    }
    setAxes(SOURCE, a);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.code === MOUSE_LOOK_KEY && !e.repeat) {
      if (document.pointerLockElement === canvas) document.exitPointerLock();
      else requestMouseLook(canvas);
      return;
    }
    if (!keyBindings[e.code]) return;
    e.preventDefault();
    held.add(e.code);
    update();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (held.delete(e.code)) update();
  };
  const onBlur = () => {
    held.clear();
    update();
  };
  const onMouseMove = (e: MouseEvent) => {
    if (document.pointerLockElement !== canvas) return;
    addLook(-e.movementX * MOUSE_LOOK_SENSITIVITY, -e.movementY * MOUSE_LOOK_SENSITIVITY);
  };
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', onBlur);
  document.addEventListener('mousemove', onMouseMove);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('blur', onBlur);
    document.removeEventListener('mousemove', onMouseMove);
    clearAxes(SOURCE);
  };
}

/** Locks the pointer to the canvas for mouse look; Esc (handled by the browser) releases it. */
export function requestMouseLook(canvas: HTMLCanvasElement): void {
  if (document.pointerLockElement === canvas) return;
  const p = canvas.requestPointerLock() as unknown as Promise<void> | undefined;
  p?.catch?.(() => undefined);
}
