// The showroom page: loads the catalogue, starts telemetry and the shop, renders the 3D scene and its overlays.
import { Canvas } from '@react-three/fiber';
import { noEvents, PointerEvents } from '@react-three/xr';
import { useEffect, useState } from 'react';
import { NeutralToneMapping } from 'three';
import { api } from '../api';
import { connectShop } from '../shop/shop';
import { startTelemetry } from '../telemetry/recorder';
import { closePanel } from './actions';
import { DebugHandle } from './DebugHandle';
import { CrosshairPointer } from './input/CrosshairPointer';
import { attachKeyboardMouse, requestMouseLook } from './input/keyboardMouse';
import { BagButton } from './overlay/BagButton';
import { ContactForm } from './overlay/ContactForm';
import { LoadingBar } from './overlay/LoadingBar';
import { Scene } from './Scene';
import { useShowroom } from './store';

export function App() {
  const catalog = useShowroom((s) => s.catalog);
  const panelOpen = useShowroom((s) => s.panel !== null);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);

  useEffect(() => {
    api.catalog.get
      .query()
      .then((c) => useShowroom.getState().setCatalog(c))
      .catch((e: Error) => setError(`The showroom could not load its catalogue: ${e.message}`));
    const session = startTelemetry('desktop');
    session.catch((e: Error) => console.error('Telemetry could not start', e));
    void connectShop(session);
    const onLock = () => setLocked(document.pointerLockElement !== null);
    const onKey = (e: KeyboardEvent) => {
      const s = useShowroom.getState();
      if (e.key === 'Escape' && !document.pointerLockElement && !s.contactForm && s.panel) closePanel('keyboard');
    };
    document.addEventListener('pointerlockchange', onLock);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerlockchange', onLock);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  if (error) return <div className="fatal">{error}</div>;
  if (!catalog) return <div className="loading">Loading the showroom…</div>;
  return (
    <>
      <Canvas
        className="scene"
        events={noEvents}
        style={{ touchAction: 'none' }}
        camera={{ fov: 70, near: 0.05, far: 100, position: [0, 1.6, 5] }}
        dpr={[1, 2]}
        gl={{ toneMapping: NeutralToneMapping, toneMappingExposure: 1.0 }}
        onCreated={({ gl }) => {
          attachKeyboardMouse(gl.domElement);
          // Clicking the room (not a product or a panel) starts mouse look.
          gl.domElement.addEventListener('click', () => {
            const s = useShowroom.getState();
            if (!s.hoveredId && s.uiHover === 0) requestMouseLook(gl.domElement);
          });
        }}
      >
        <PointerEvents />
        <CrosshairPointer />
        <Scene catalog={catalog} />
        <DebugHandle />
      </Canvas>
      {locked ? <div className="crosshair" aria-hidden /> : <div className="hint">{panelOpen ? 'Esc closes the panel · click the room to look around' : 'Click a product to see it · click the room to look around · WASD or arrows to walk'}</div>}
      <BagButton />
      <LoadingBar />
      <ContactForm />
    </>
  );
}
