// One product's model drawn once at the origin in its chosen variant (for AR placement): no stand, no pointer handlers.
import { use } from 'react';
import type { Product } from '../../../server/contracts/catalog';
import { modelUrl } from '../renderMode';
import { useShowroom } from '../store';
import { loadProductAsset, materialFor } from './productAsset';

export function ProductMeshes({ product }: { product: Product }) {
  const asset = use(loadProductAsset(modelUrl(product.model)));
  const variantId = useShowroom((s) => s.variants[product.id]) ?? product.variants[0]!.id;
  return (
    <>
      {asset.parts.map((part, i) => (
        <mesh key={i} geometry={part.geometry} material={materialFor(part, variantId)} matrix={part.matrix} matrixAutoUpdate={false} />
      ))}
    </>
  );
}
