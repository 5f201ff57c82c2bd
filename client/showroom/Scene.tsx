// The showroom scene: room, lighting and a stand per product; in AR, just the chosen product to place in the room.
import { useMemo } from 'react';
import type { Catalog } from '../../server/contracts/catalog';
import { layoutShowroom } from './layout';
import { Lighting } from './Lighting';
import { Locomotion } from './Locomotion';
import { PlaceholderModel } from './PlaceholderModel';
import { Room } from './Room';
import { Stand } from './Stand';
import { useShowroom } from './store';
import { ARView } from './xr/ARView';

export function Scene({ catalog }: { catalog: Catalog }) {
  const layout = useMemo(() => layoutShowroom(catalog), [catalog]);
  const mode = useShowroom((s) => s.mode);
  const selectedId = useShowroom((s) => s.selectedId);
  const variants = useShowroom((s) => s.variants);
  if (mode === 'ar') {
    const product = catalog.products.find((p) => p.id === selectedId) ?? catalog.products[0]!;
    const variant = product.variants.find((v) => v.id === variants[product.id]) ?? product.variants[0]!;
    return (
      <>
        <Lighting />
        <Locomotion layout={layout} />
        <ARView product={product}>
          <PlaceholderModel product={product} color={variant.color} />
        </ARView>
      </>
    );
  }
  return (
    <>
      <color attach="background" args={['#e9e4dc']} />
      <Lighting />
      <Room layout={layout} />
      {layout.stands.map((s) => (
        <Stand key={s.product.id} stand={s} />
      ))}
      <Locomotion layout={layout} />
    </>
  );
}
