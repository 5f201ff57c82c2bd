// The showroom scene: room, fixtures, labels, lighting, contact shadows, products, in-scene panels and locomotion; in AR, the product to place.
import { Suspense, useMemo } from 'react';
import type { Catalog } from '../../server/contracts/catalog';
import { layoutShowroom, layoutStress } from './layout';
import { Lighting } from './Lighting';
import { Locomotion } from './Locomotion';
import { ProductMeshes } from './products/ProductMeshes';
import { renderMode } from './renderMode';
import { ShowroomHall } from './ShowroomHall';
import { productById, useShowroom } from './store';
import { Panels } from './ui/Panels';
import { ARView } from './xr/ARView';

export function Scene({ catalog }: { catalog: Catalog }) {
  const layout = useMemo(() => (renderMode.stress ? layoutStress(catalog, renderMode.stress) : layoutShowroom(catalog)), [catalog]);
  const mode = useShowroom((s) => s.mode);
  const selectedId = useShowroom((s) => s.selectedId);
  if (mode === 'ar') {
    // The customer's room replaces the showroom: only the chosen product (or the first one) is there to place.
    const product = productById(selectedId) ?? catalog.products[0]!;
    return (
      <>
        <Lighting />
        <Locomotion layout={layout} />
        <ARView product={product}>
          <Suspense fallback={null}>
            <ProductMeshes product={product} />
          </Suspense>
        </ARView>
      </>
    );
  }
  return (
    <>
      <ShowroomHall layout={layout} />
      <Panels />
      <Locomotion layout={layout} />
    </>
  );
}
