// All instances of one product: plain meshes for a single instance, one instanced mesh per part for many.
import { use, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { type Group, type InstancedMesh, Matrix4, Object3D } from 'three';
import type { Product } from '../../../server/contracts/catalog';
import type { Placement } from '../layout';
import { modelUrl, renderMode } from '../renderMode';
import { useShowroom } from '../store';
import { setHighlight } from './highlight';
import { type AssetPart, loadProductAsset, materialFor } from './productAsset';
import { useProductPointer } from './useProductPointer';
import { useGrab } from '../xr/useGrab';

const scratch = new Object3D();
const partMatrix = new Matrix4();

function PartInstances({ part, placements, variantId }: { part: AssetPart; placements: Placement[]; variantId: string }) {
  const ref = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const mesh = ref.current!;
    placements.forEach((p, i) => {
      scratch.position.set(p.x, p.y, p.z);
      scratch.rotation.set(0, p.rotationY, 0);
      scratch.updateMatrix();
      mesh.setMatrixAt(i, partMatrix.multiplyMatrices(scratch.matrix, part.matrix));
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingBox();
    mesh.computeBoundingSphere();
  }, [part, placements]);
  return <instancedMesh ref={ref} args={[part.geometry, undefined, placements.length]} material={materialFor(part, variantId)} />;
}

interface SingleProps {
  productId: string;
  placement: Placement;
  parts: AssetPart[];
  variantId: string;
  lifted: boolean;
  pointer: ReturnType<typeof useProductPointer>;
}

/** A product standing once: a group that a grab pointer (squeeze, hand grab) can also pick up and turn. */
function SinglePlacement({ productId, placement: p, parts, variantId, lifted, pointer }: SingleProps) {
  const ref = useRef<Group>(null);
  const grab = useGrab(ref, productId);
  return (
    <group ref={ref} name={`product-${productId}`} position={[p.x, p.y, p.z]} rotation-y={p.rotationY} visible={!lifted} {...pointer} {...grab}>
      {parts.map((part, i) => (
        <mesh key={i} geometry={part.geometry} material={materialFor(part, variantId)} matrix={part.matrix} matrixAutoUpdate={false} />
      ))}
    </group>
  );
}

/** Loads the product's model (suspends) and draws it at every placement. */
export function ProductModel({ product, placements }: { product: Product; placements: Placement[] }) {
  const asset = use(loadProductAsset(modelUrl(product.model)));
  const variantId = useShowroom((s) => s.variants[product.id]) ?? product.variants[0]!.id;
  const lit = useShowroom((s) => s.hoveredId === product.id || s.selectedId === product.id);
  const pointer = useProductPointer(product.id);
  // While inspected, the piece is lifted off its stand (the inspect view shows it).
  const lifted = useShowroom((s) => s.inspecting && s.selectedId === product.id);
  useEffect(() => setHighlight(asset.allMaterials, lit), [asset, lit]);
  useEffect(() => {
    useShowroom.setState((s) => ({ loading: { ...s.loading, loaded: s.loading.loaded + 1 } }));
  }, []);
  const instanced = placements.length > 1 && !renderMode.naive;
  const parts = useMemo(() => asset.parts, [asset]);

  if (instanced) {
    return (
      <group name={`product-${product.id}`} {...pointer}>
        {parts.map((part, i) => (
          <PartInstances key={i} part={part} placements={placements} variantId={variantId} />
        ))}
      </group>
    );
  }
  return (
    <>
      {placements.map((p, k) => (
        <SinglePlacement key={k} productId={product.id} placement={p} parts={parts} variantId={variantId} lifted={lifted} pointer={pointer} />
      ))}
    </>
  );
}
