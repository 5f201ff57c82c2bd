// Mounted once inside the Canvas: runs gaze, dwell, pose and frame statistics each frame, and closes them when the page hides.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { WebGLRenderer } from 'three';
import { useShowroom } from '../showroom/store';
import { ErrorReporter } from './errors';
import { onPageHide } from './lifecycle';
import { Probe } from './probe';
import { telemetry } from './state';
import { track } from './track';

/** The mounted probe and its renderer, for readers outside the frame loop (live presence, the automation handle). */
export const activeProbe: { current: { probe: Probe; gl: WebGLRenderer } | null } = { current: null };

/** The product the head (or centre-screen) ray has rested on long enough to count as looked at, if any. */
export function dwelledProductId(): string | null {
  const gaze = activeProbe.current?.probe.dwell.current;
  return gaze?.dwelling ? gaze.productId : null;
}

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
    const mounted = { probe, gl };
    activeProbe.current = mounted;
    return () => {
      if (activeProbe.current === mounted) activeProbe.current = null;
      stopErrors();
      canvas.removeEventListener('webglcontextlost', onLost);
      offHide();
      gl.xr.removeEventListener('sessionstart', onXRStart);
      gl.xr.removeEventListener('sessionend', onXREnd);
      probe.flush(performance.now());
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
