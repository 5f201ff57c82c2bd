// Mounted once inside the Canvas: tells the server about twice a second where the visitor's head is and what they look at (the staff Live page).
import { useFrame } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import { PRESENCE_IDLE_MS, PRESENCE_INTERVAL_MS } from '../../server/contracts/live';
import { api } from '../api';
import { useShowroom } from '../showroom/store';
import { currentSession } from './recorder';
import { dwelledProductId } from './TelemetryProbe';

/** Samples of the head this often in the frame loop, ms (the beacon sends the newest). */
const SAMPLE_MS = 100;
/** The beacon timer looks for changes this often, ms; it sends at most once per PRESENCE_INTERVAL_MS. */
const TICK_MS = 100;
const eye = new Vector3();
const forward = new Vector3();
/** The newest head sample, written in the frame loop, read by the beacon timer. Metres and radians. */
const head = { x: 0, y: 0, z: 0, yaw: 0, at: 0 };

/** Sends the beacon when the head moved 5 cm, turned 3 degrees, or the gaze or panel changed, else every 5 s. */
function changed(a: typeof last, b: typeof last): boolean {
  return Math.hypot(a.x - b.x, a.z - b.z) > 0.05 || Math.abs(a.y - b.y) > 0.1 || Math.abs(a.yaw - b.yaw) > 0.05 || a.gaze !== b.gaze || a.selected !== b.selected || a.mode !== b.mode;
}
let last = { x: NaN, y: 0, z: 0, yaw: 0, gaze: null as string | null, selected: null as string | null, mode: 'desktop' as string, sentAt: 0 };

export function LivePresence() {
  useEffect(() => {
    let inFlight = false;
    let pausedUntil = 0;
    const timer = setInterval(() => {
      const session = currentSession();
      const now = Date.now();
      if (!session || inFlight || now < pausedUntil || head.at === 0 || document.visibilityState === 'hidden') return;
      const s = useShowroom.getState();
      const next = {
        x: head.x, y: head.y, z: head.z, yaw: head.yaw,
        gaze: dwelledProductId(),
        selected: s.panel === 'product' ? s.selectedId : null,
        mode: s.mode,
        sentAt: now,
      };
      const since = now - last.sentAt;
      // A change goes out at once after a quiet spell, and at most twice a second while the visitor keeps moving.
      if (since < PRESENCE_INTERVAL_MS - TICK_MS / 2 || (!changed(last, next) && since < PRESENCE_IDLE_MS)) return;
      inFlight = true;
      api.live.presence
        .mutate({ sessionId: session.sessionId, token: session.token, mode: s.mode, x: next.x, y: next.y, z: next.z, yaw: next.yaw, gazeProductId: next.gaze, selectedProductId: next.selected })
        .then(() => void (last = next))
        // A refusal (rate, a session the server no longer knows) or no network: wait a little and try again; it is only a beacon.
        .catch(() => void (pausedUntil = Date.now() + 2_000))
        .finally(() => void (inFlight = false));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);

  useFrame((state) => {
    const now = performance.now();
    if (now - head.at < SAMPLE_MS && head.at !== 0) return;
    // In a headset the XR camera carries the head pose (inside the XR origin); on a screen the camera is the head.
    const cam = state.gl.xr.isPresenting ? state.gl.xr.getCamera() : state.camera;
    cam.getWorldPosition(eye);
    cam.getWorldDirection(forward);
    head.x = eye.x;
    head.y = eye.y;
    head.z = eye.z;
    head.yaw = Math.atan2(-forward.x, -forward.z);
    head.at = now;
  });
  return null;
}
