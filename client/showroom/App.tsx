// The showroom page: loads the catalogue, starts telemetry, renders the 3D scene and its overlays.
import { Canvas } from '@react-three/fiber';
import { noEvents, PointerEvents } from '@react-three/xr';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { startTelemetry } from '../telemetry/recorder';
import { TelemetryProbe } from '../telemetry/TelemetryProbe';
import { DebugHandle } from './DebugHandle';
import { CrosshairPointer } from './input/CrosshairPointer';
import { attachKeyboardMouse, requestMouseLook } from './input/keyboardMouse';
import { ProductPanel } from './ProductPanel';
import { Scene } from './Scene';
import { useShowroom } from './store';

export function App() {
  const catalog = useShowroom((s) => s.catalog);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);

  useEffect(() => {
    api.catalog.get
      .query()
      .then((c) => useShowroom.getState().setCatalog(c))
      .catch((e: Error) => setError(`The showroom could not load its catalogue: ${e.message}`));
    startTelemetry('desktop').catch((e: Error) => console.error('Telemetry could not start', e));
    const onLock = () => setLocked(document.pointerLockElement !== null);
    document.addEventListener('pointerlockchange', onLock);
    return () => document.removeEventListener('pointerlockchange', onLock);
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
        onCreated={({ gl }) => {
          attachKeyboardMouse(gl.domElement);
          // Clicking the room (anything but a product) starts mouse look.
          gl.domElement.addEventListener('click', () => {
            if (!useShowroom.getState().hoveredId) requestMouseLook(gl.domElement);
          });
        }}
      >
        <PointerEvents />
        <CrosshairPointer />
        <Scene catalog={catalog} />
        <DebugHandle />
        <TelemetryProbe />
      </Canvas>
      {locked ? <div className="crosshair" aria-hidden /> : <div className="hint">Click the room to look around · WASD or arrows to walk · Esc to release</div>}
      <ProductPanel />
    </>
  );
}
