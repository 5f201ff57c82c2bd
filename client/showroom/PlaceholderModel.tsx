// A product drawn from simple parts by category, sized to its catalogue dimensions.
import type { Product } from '../../server/contracts/catalog';

interface Props {
  product: Product;
  color: string;
}

export function PlaceholderModel({ product, color }: Props) {
  const { width: w, depth: d, height: h } = product.dimensions;
  const mat = <meshStandardMaterial color={color} roughness={0.6} />;
  const dark = <meshStandardMaterial color="#3b3228" roughness={0.5} />;
  switch (product.category) {
    case 'seating':
      return (
        <group>
          <mesh position={[0, h * 0.5, 0]} castShadow>
            <boxGeometry args={[w, h * 0.12, d]} />
            {mat}
          </mesh>
          <mesh position={[0, h * 0.78, -d * 0.45]} castShadow>
            <boxGeometry args={[w, h * 0.45, d * 0.1]} />
            {mat}
          </mesh>
          {[-1, 1].flatMap((sx) =>
            [-1, 1].map((sz) => (
              <mesh key={`${sx}${sz}`} position={[(sx * w) / 2.3, h * 0.22, (sz * d) / 2.3]}>
                <cylinderGeometry args={[0.02, 0.02, h * 0.44, 8]} />
                {dark}
              </mesh>
            )),
          )}
        </group>
      );
    case 'tables':
      return (
        <group>
          <mesh position={[0, h - 0.02, 0]} castShadow>
            <boxGeometry args={[w, 0.04, d]} />
            {mat}
          </mesh>
          {[-1, 1].flatMap((sx) =>
            [-1, 1].map((sz) => (
              <mesh key={`${sx}${sz}`} position={[(sx * w) / 2.4, h / 2, (sz * d) / 2.4]}>
                <cylinderGeometry args={[0.025, 0.02, h - 0.04, 8]} />
                {mat}
              </mesh>
            )),
          )}
        </group>
      );
    case 'lighting':
      return (
        <group>
          <mesh position={[0, 0.02, 0]}>
            <cylinderGeometry args={[w * 0.3, w * 0.32, 0.04, 24]} />
            {dark}
          </mesh>
          <mesh position={[0, h * 0.42, 0]}>
            <cylinderGeometry args={[0.012, 0.012, h * 0.84, 8]} />
            {dark}
          </mesh>
          <mesh position={[0, h * 0.88, 0]}>
            <cylinderGeometry args={[w * 0.3, w * 0.5, h * 0.24, 24, 1, true]} />
            <meshStandardMaterial color={color} roughness={0.8} emissive={color} emissiveIntensity={0.35} side={2} />
          </mesh>
        </group>
      );
    default:
      return (
        <mesh position={[0, h / 2, 0]} castShadow>
          {product.category === 'decor' ? <cylinderGeometry args={[w / 2, w / 2.4, h, 24]} /> : <boxGeometry args={[w, h, d]} />}
          {mat}
        </mesh>
      );
  }
}
