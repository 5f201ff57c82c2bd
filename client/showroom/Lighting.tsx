// Lighting built in the scene itself (light formers for reflections, no HDR download): works on a closed network.
import { Environment, Lightformer } from '@react-three/drei';

export function Lighting() {
  return (
    <>
      <hemisphereLight args={['#fffaf2', '#b8ab98', 1.1]} />
      <directionalLight position={[3, 7, 5]} intensity={1.5} color="#fff4e4" />
      <directionalLight position={[-5, 4, -2]} intensity={0.35} color="#e8eeff" />
      <Environment resolution={256} frames={1} environmentIntensity={0.9}>
        {/* Ceiling light strips, the bright walls of the hall, and a warm floor bounce. */}
        {[-6, -3, 0, 3, 6].map((z) => (
          <Lightformer key={z} form="rect" intensity={2.2} position={[0, 5, z]} rotation-x={Math.PI / 2} scale={[24, 0.6, 1]} />
        ))}
        <Lightformer form="rect" intensity={0.9} color="#fff3e2" position={[0, 2, 9]} scale={[24, 4, 1]} />
        <Lightformer form="rect" intensity={0.7} color="#f3efe8" position={[0, 2, -9]} rotation-y={Math.PI} scale={[24, 4, 1]} />
        <Lightformer form="rect" intensity={0.6} color="#ffe9cc" position={[-12, 2, 0]} rotation-y={Math.PI / 2} scale={[16, 4, 1]} />
        <Lightformer form="rect" intensity={0.6} color="#eef2ff" position={[12, 2, 0]} rotation-y={-Math.PI / 2} scale={[16, 4, 1]} />
        <Lightformer form="rect" intensity={0.35} color="#c9b89f" position={[0, -2, 0]} rotation-x={-Math.PI / 2} scale={[30, 30, 1]} />
      </Environment>
    </>
  );
}
