// The controls help: every device's controls, opened with the ? button or the H key.
import { useEffect, useState } from 'react';
import { HELP_EVENT } from '../voice/commands';
import { VoiceHelp } from '../voice/VoiceHelp';
import { HELP_KEYS } from './input/bindings';

export function HelpOverlay() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (!typing && HELP_KEYS.includes(e.code)) setOpen((o) => !o);
      else if (e.key === 'Escape') setOpen(false);
    };
    const onVoice = () => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(HELP_EVENT, onVoice);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(HELP_EVENT, onVoice);
    };
  }, []);
  return (
    <>
      <button className="help-button" aria-label="Controls help" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        ?
      </button>
      {open ? (
        <div className="help" role="dialog" aria-label="Controls">
          <h2>Controls</h2>
          <section>
            <h3>Keyboard and mouse</h3>
            <dl>
              <dt>W A S D or arrow keys</dt><dd>walk</dd>
              <dt>Q / E</dt><dd>turn left / right</dd>
              <dt>Drag the room</dt><dd>look around</dd>
              <dt>M</dt><dd>mouse look (the pointer locks; Esc releases it); click with the crosshair</dd>
              <dt>Click the floor</dt><dd>walk there</dd>
              <dt>Click a product</dt><dd>open its details</dd>
              <dt>Esc</dt><dd>close the details</dd>
              <dt>H or ?</dt><dd>this help</dd>
            </dl>
          </section>
          <section>
            <h3>Touch</h3>
            <dl>
              <dt>Drag one finger</dt><dd>look around</dd>
              <dt>Tap</dt><dd>select a product, or walk to a spot on the floor</dd>
              <dt>Two fingers</dt><dd>move (push up to walk forward)</dd>
            </dl>
          </section>
          <section>
            <h3>Gamepad</h3>
            <dl>
              <dt>Left stick</dt><dd>walk</dd>
              <dt>Right stick</dt><dd>turn and look up or down</dd>
              <dt>A</dt><dd>select the product in the centre</dd>
              <dt>B</dt><dd>close the details</dd>
              <dt>D-pad left / right</dt><dd>previous / next colour</dd>
            </dl>
          </section>
          <section>
            <h3>VR headset</h3>
            <dl>
              <dt>Trigger (or pinch)</dt><dd>select what the ray points at</dd>
              <dt>Grip (or grab with the hand)</dt><dd>pick a product up and turn it; let go to put it back</dd>
              <dt>Left stick</dt><dd>teleport (push forward, aim the arc, let go) or glide</dd>
              <dt>Right stick</dt><dd>turn (snap or smooth)</dd>
              <dt>Y</dt><dd>switch between teleport and glide</dd>
            </dl>
          </section>
          <VoiceHelp />
          <button onClick={() => setOpen(false)}>Close</button>
        </div>
      ) : null}
    </>
  );
}
