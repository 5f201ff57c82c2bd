// The showroom page: loads the catalogue, starts telemetry and the shop, renders the 3D scene (desktop, VR, AR) and its overlays.
import { Canvas } from '@react-three/fiber';
import { noEvents, PointerEvents, XR } from '@react-three/xr';
import { Suspense, useEffect, useState } from 'react';
import { NeutralToneMapping } from 'three';
import { api } from '../api';
import { renderQuality } from '../render/quality';
import { connectShop } from '../shop/shop';
import { onSession, startTelemetry } from '../telemetry/recorder';
import { LivePresence } from '../telemetry/LivePresence';
import { VoiceControl } from '../voice/VoiceControl';
import { VoiceIndicator3D } from '../voice/VoiceIndicator3D';
import { TelemetryProbe } from '../telemetry/TelemetryProbe';
import { closePanel } from './actions';
import { AutomationHandle, installTelemetryHandle } from './automation';
import { HelpOverlay } from './HelpOverlay';
import { CrosshairPointer } from './input/CrosshairPointer';
import { attachDragLook } from './input/dragLook';
import { GamepadBadge } from './input/GamepadBadge';
import { GamepadInput } from './input/GamepadInput';
import { attachKeyboardMouse, requestMouseLook } from './input/keyboardMouse';
import { SCREEN_POINTER_PREFIX } from './input/pointerKind';
import { BagButton } from './overlay/BagButton';
import { ContactForm } from './overlay/ContactForm';
import { LoadingBar } from './overlay/LoadingBar';
import { connectInbox } from './live/inbox';
import { MessagePanel3D } from './live/MessagePanel3D';
import { MessageToast } from './live/MessageToast';
import { Scene } from './Scene';
import { useShowroom } from './store';
import { ModeTracker } from './xr/ModeTracker';
import { XRButtons } from './xr/XRButtons';
import { xrStore } from './xr/xrStore';

export function App() {
  const catalog = useShowroom((s) => s.catalog);
  const panelOpen = useShowroom((s) => s.panel !== null);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);

  useEffect(() => {
    api.catalog.get
      .query()
      .then((c) => useShowroom.getState().setCatalog(c))
      .catch((e: Error) => setError(`The showroom could not load its catalogue: ${e.message}`));
    installTelemetryHandle();
    const session = startTelemetry('desktop');
    session.catch((e: Error) => console.error('Telemetry could not start', e));
    void connectShop(session);
    // The inbox follows the page's session, including one that replaces a session the server refused.
    const offSession = onSession(connectInbox);
    const onLock = () => setLocked(document.pointerLockElement !== null);
    const onKey = (e: KeyboardEvent) => {
      const s = useShowroom.getState();
      if (e.key === 'Escape' && !document.pointerLockElement && !s.contactForm && s.panel) closePanel('keyboard');
    };
    document.addEventListener('pointerlockchange', onLock);
    window.addEventListener('keydown', onKey);
    return () => {
      offSession();
      document.removeEventListener('pointerlockchange', onLock);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  useEffect(() => {
    if (!canvas) return;
    const detachKeys = attachKeyboardMouse(canvas);
    const detachDrag = attachDragLook(canvas);
    return () => {
      detachKeys();
      detachDrag();
    };
  }, [canvas]);

  if (error) return <div className="fatal">{error}</div>;
  if (!catalog) return <div className="loading">Loading the showroom…</div>;
  const quality = renderQuality();
  return (
    <>
      <Canvas
        className="scene"
        events={noEvents}
        style={{ touchAction: 'none' }}
        camera={{ fov: 70, near: 0.05, far: 100, position: [0, 1.6, 5] }}
        dpr={quality.dpr}
        gl={{ antialias: quality.antialias, toneMapping: NeutralToneMapping, toneMappingExposure: 1.0 }}
        onCreated={({ gl }) => setCanvas(gl.domElement)}
      >
        {/* Explicit: without it the library falls back to "forward-" and screen pointers would not be recognised. */}
        <PointerEvents pointerTypePrefix={SCREEN_POINTER_PREFIX} />
        <XR store={xrStore}>
          <CrosshairPointer />
          <GamepadInput />
          <Scene catalog={catalog} />
          <ModeTracker />
          {AutomationHandle ? (
            <Suspense fallback={null}>
              <AutomationHandle />
            </Suspense>
          ) : null}
          <TelemetryProbe />
          <LivePresence />
          <MessagePanel3D />
          <VoiceIndicator3D />
        </XR>
      </Canvas>
      {locked ? <div className="crosshair" aria-hidden /> : null}
      <div className="hint">
        {locked
          ? 'Esc releases the mouse'
          : panelOpen
            ? 'Esc closes the panel · drag to look · H for help'
            : 'Click a product to see it · drag to look · WASD to walk · click the floor to go there · hold Space to speak · H for help'}
      </div>
      <div className="toolbar">
        {canvas && !locked ? <button onClick={() => requestMouseLook(canvas)}>Mouse look</button> : null}
        <XRButtons />
      </div>
      <BagButton />
      <LoadingBar />
      <ContactForm />
      <MessageToast />
      <HelpOverlay />
      <GamepadBadge />
      <VoiceControl />
    </>
  );
}
