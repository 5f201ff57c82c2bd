// Mounted once inside the Canvas: runs gaze, dwell, pose and frame statistics each frame, and closes them when the page hides.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { useShowroom } from '../showroom/store';
import { installDebugHandle } from './debug';
import { ErrorReporter } from './errors';
import { onPageHide } from './lifecycle';
import { Probe } from './probe';
import { track } from './recorder';
import { telemetry } from './state';

/** The mounted probe, for readers outside the frame loop (the live presence beacon reads what the head ray rests on). */
export const activeProbe: { current: Probe | null } = { current: null };

export function TelemetryProbe() {
  const gl = useThree((s) => s.gl);
  const probe = useMemo(
    () =>
      new Probe(
        track,
        (id) => useShowroom.getState().variants[id],
        // Only catalogue products: in-scene panels and anchors carry names like `product-panel`.
        (id) => useShowroom.getState().catalog?.products.some((p) => p.id === id) ?? false,
      ),
    [],
  );

  useEffect(() => {
    const errors = new ErrorReporter(track);
    const stopErrors = errors.listen();
    const onLost = () => errors.report('webgl', 'WebGL context lost');
    const canvas = gl.domElement;
    canvas.addEventListener('webglcontextlost', onLost);
    const offHide = onPageHide(() => probe.flush(performance.now()));
    const onXRStart = () => probe.setMode(gl.xr.getSession()?.environmentBlendMode === 'opaque' ? 'vr' : 'ar', performance.now());
    const onXREnd = () => probe.setMode('desktop', performance.now());
    gl.xr.addEventListener('sessionstart', onXRStart);
    gl.xr.addEventListener('sessionend', onXREnd);
    const handle = {
      stats: () => {
        const cost = probe.perf.probeCost();
        const gaze = probe.dwell.current;
        return {
          targets: probe.targets.list.length,
          gazeProductId: gaze.productId,
          dwelling: gaze.dwelling,
          dwellsStarted: probe.dwell.started,
          poseSamples: probe.pose.samples,
          poseChunks: probe.pose.chunks,
          poseMask: probe.pose.lastMask,
          frameMsP50: cost.p50,
          frameMsP95: cost.p95,
          frameMsMax: cost.max,
          frameMsMean: cost.mean,
          frames: cost.frames,
          boundsComputed: probe.targets.boundsComputed,
        };
      },
      resetStats: () => probe.perf.resetProbeCost(),
      /** For automation with an emulated XR runtime: presents a session the page already holds. */
      presentXR: async (session: XRSession) => {
        gl.xr.enabled = true;
        await gl.xr.setSession(session);
      },
    };
    installDebugHandle();
    window.showroomTelemetry!.probe = handle;
    activeProbe.current = probe;
    return () => {
      if (activeProbe.current === probe) activeProbe.current = null;
      stopErrors();
      canvas.removeEventListener('webglcontextlost', onLost);
      offHide();
      gl.xr.removeEventListener('sessionstart', onXRStart);
      gl.xr.removeEventListener('sessionend', onXREnd);
      probe.flush(performance.now());
      if (window.showroomTelemetry?.probe === handle) window.showroomTelemetry.probe = null;
    };
  }, [gl, probe]);

  useFrame((state, _delta, frame) => {
    const now = performance.now();
    probe.frame(now, state, frame as XRFrame | undefined);
    if (probe.perf.due(now)) {
      const info = state.gl.info.render;
      track(probe.perf.report(now, { drawCalls: info.calls, triangles: info.triangles, queueEvents: telemetry.queue.size(), queueBytes: telemetry.queue.bytes() })!);
    }
  });
  return null;
}
