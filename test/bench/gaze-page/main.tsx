// Benchmark page: a grid of product groups all in view, the camera sweeping across them, with or without the telemetry probe.
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BoxGeometry, CylinderGeometry, MeshStandardMaterial } from 'three';
import { startTelemetry, track } from '../../../client/telemetry/recorder';
import { TelemetryProbe } from '../../../client/telemetry/TelemetryProbe';

const params = new URLSearchParams(location.search);
const withProbe = params.get('probe') !== '0';
const count = Number(params.get('products') ?? 200);
const columns = 20;
const spacing = 1.3;
const catalogue = ['oslo-chair', 'bergen-armchair', 'fjord-sofa', 'kobe-stool', 'lund-bench', 'aria-dining-table', 'nord-coffee-table', 'halo-floor-lamp'];

const seat = new BoxGeometry(0.8, 0.1, 0.8);
const back = new BoxGeometry(0.8, 0.6, 0.1);
const leg = new CylinderGeometry(0.03, 0.03, 0.45, 8);
const materials = ['#4f6b3a', '#a0522d', '#3b5b7a', '#c9a66b'].map((c) => new MeshStandardMaterial({ color: c, roughness: 0.6 }));

/** One product like the showroom's: a group named product-<id> with a seat, a back and four legs. */
function Product({ index }: { index: number }) {
  const x = ((index % columns) - (columns - 1) / 2) * spacing;
  const y = (Math.floor(index / columns) - (Math.ceil(count / columns) - 1) / 2) * spacing + 1.6;
  const material = materials[index % materials.length]!;
  return (
    <group name={`product-${catalogue[index % catalogue.length]}`} position={[x, y - 0.4, -13]} rotation-y={index * 0.3}>
      <mesh geometry={seat} material={material} position-y={0.45} />
      <mesh geometry={back} material={material} position={[0, 0.8, -0.35]} />
      {[-1, 1].flatMap((sx) => [-1, 1].map((sz) => <mesh key={`${sx}${sz}`} geometry={leg} material={material} position={[sx * 0.35, 0.22, sz * 0.35]} />))}
    </group>
  );
}

declare global {
  interface Window {
    bench?: { frames: number; frameMs: number[]; trackCost(n: number): { trackUs: number; baselineUs: number } };
  }
}

/** Sweeps the view across the grid and records each frame's length (ms). */
function Sweep() {
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    let sink: unknown[] = [];
    window.bench = {
      frames: 0,
      frameMs: [],
      trackCost(n) {
        // track() against the same work without the recorder: building the object and keeping it.
        const t0 = performance.now();
        for (let i = 0; i < n; i++) track({ type: 'product_hover_start', input: 'mouse', productId: 'oslo-chair' });
        const t1 = performance.now();
        for (let i = 0; i < n; i++) sink.push({ type: 'product_hover_start', input: 'mouse', productId: 'oslo-chair', props: {}, id: crypto.randomUUID(), seq: i, ts: Date.now() });
        const t2 = performance.now();
        sink = [];
        return { trackUs: ((t1 - t0) / n) * 1000, baselineUs: ((t2 - t1) / n) * 1000 };
      },
    };
  }, []);
  let last = -1;
  useFrame(({ clock }) => {
    const t = clock.elapsedTime;
    // Small enough that all products stay in view; the centre ray still crosses several of them.
    camera.rotation.set(0.1 * Math.sin(t * 0.31), 0.1 * Math.sin(t * 0.23), 0, 'YXZ');
    const now = performance.now();
    if (last >= 0 && window.bench) window.bench.frameMs.push(now - last);
    last = now;
    if (window.bench) window.bench.frames++;
  });
  return null;
}

function App() {
  useEffect(() => {
    if (withProbe) void startTelemetry('desktop');
  }, []);
  return (
    <Canvas camera={{ fov: 70, near: 0.05, far: 100, position: [0, 1.6, 0] }} dpr={1}>
      <ambientLight intensity={0.6} />
      <directionalLight position={[3, 8, 4]} intensity={1.5} />
      {Array.from({ length: count }, (_, i) => (
        <Product key={i} index={i} />
      ))}
      <Sweep />
      {withProbe ? <TelemetryProbe /> : null}
    </Canvas>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
