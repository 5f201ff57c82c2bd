// Logs `mode_change` when a VR or AR session starts or ends, with the headset's input profile once known.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { track } from '../../telemetry/recorder';
import { useShowroom } from '../store';
import { xrStore } from './xrStore';

/** How long to wait for the first controller or hand to learn the device profile, ms. */
const PROFILE_WAIT_MS = 2000;

export function ModeTracker() {
  const session = useStore(xrStore, (s) => s.session);
  useEffect(() => {
    if (!session) return;
    const mode = xrStore.getState().mode === 'immersive-ar' ? 'ar' : 'vr';
    useShowroom.getState().set({ mode });
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      const profile = Array.from(session.inputSources).flatMap((s) => s.profiles)[0];
      track({ type: 'mode_change', input: 'system', props: profile ? { mode, profile: profile.slice(0, 100) } : { mode } });
    };
    const timer = setTimeout(log, PROFILE_WAIT_MS);
    const onSources = () => {
      if (session.inputSources.length > 0) log();
    };
    session.addEventListener('inputsourceschange', onSources);
    onSources();
    const onEnd = () => {
      if (!logged) log();
      useShowroom.getState().set({ mode: 'desktop' });
      track({ type: 'mode_change', input: 'system', props: { mode: 'desktop' } });
    };
    session.addEventListener('end', onEnd);
    return () => {
      clearTimeout(timer);
      session.removeEventListener('inputsourceschange', onSources);
      session.removeEventListener('end', onEnd);
    };
  }, [session]);
  return null;
}
