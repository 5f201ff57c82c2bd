// Lighting built in the scene itself (light formers, no HDR download): works on a closed network.
import { Environment, Lightformer } from '@react-three/drei';

export function Lighting() {
  return (
    <>
      <hemisphereLight args={['#fffaf0', '#b9ad9c', 0.9]} />
      <directionalLight position={[4, 8, 6]} intensity={1.6} color="#fff6e8" />
      <Environment resolution={128} frames={1}>
        <Lightformer form="rect" intensity={3} position={[0, 6, 0]} rotation-x={Math.PI / 2} scale={[20, 10, 1]} />
        <Lightformer form="rect" intensity={1.2} position={[0, 2, 8]} scale={[20, 3, 1]} />
        <Lightformer form="rect" intensity={0.8} color="#ffe9cc" position={[-10, 2, 0]} rotation-y={Math.PI / 2} scale={[14, 3, 1]} />
        <Lightformer form="rect" intensity={0.8} color="#e6efff" position={[10, 2, 0]} rotation-y={-Math.PI / 2} scale={[14, 3, 1]} />
      </Environment>
    </>
  );
}
