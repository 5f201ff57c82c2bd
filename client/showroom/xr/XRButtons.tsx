// "Enter VR" / "Enter AR" buttons, shown only where the browser supports that kind of session, with comfort options.
import { useXRSessionModeSupported } from '@react-three/xr';
import { useState } from 'react';
import { useStore } from 'zustand';
import { useXRPreferences } from './preferences';
import { xrStore } from './xrStore';

export function XRButtons() {
  const vr = useXRSessionModeSupported('immersive-vr');
  const ar = useXRSessionModeSupported('immersive-ar');
  const session = useStore(xrStore, (s) => s.session);
  const prefs = useXRPreferences();
  const [error, setError] = useState<string | null>(null);
  if (!vr && !ar) return null;

  const enter = (mode: 'vr' | 'ar') => {
    setError(null);
    if (document.pointerLockElement) document.exitPointerLock();
    const p = mode === 'vr' ? xrStore.enterVR() : xrStore.enterAR();
    p.catch((e: Error) => setError(`Could not start ${mode.toUpperCase()}: ${e.message}`));
  };

  if (session) {
    return (
      <div className="xr-bar">
        <button onClick={() => void session.end()}>Exit {xrStore.getState().mode === 'immersive-ar' ? 'AR' : 'VR'}</button>
      </div>
    );
  }
  return (
    <div className="xr-bar" role="group" aria-label="Headset">
      {vr ? <button onClick={() => enter('vr')}>Enter VR</button> : null}
      {ar ? <button onClick={() => enter('ar')}>Enter AR</button> : null}
      {vr ? (
        <>
          <label>
            Move
            <select value={prefs.move} onChange={(e) => prefs.set({ move: e.target.value as 'glide' | 'teleport' })}>
              <option value="teleport">Teleport</option>
              <option value="glide">Glide</option>
            </select>
          </label>
          <label>
            Turn
            <select value={prefs.turn} onChange={(e) => prefs.set({ turn: e.target.value as 'snap' | 'smooth' })}>
              <option value="snap">Snap</option>
              <option value="smooth">Smooth</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={prefs.seated} onChange={(e) => prefs.set({ seated: e.target.checked })} /> Seated
          </label>
        </>
      ) : null}
      {error ? <span role="alert">{error}</span> : null}
    </div>
  );
}
