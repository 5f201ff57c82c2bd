// The showroom scene: room, fixtures, labels, lighting, contact shadows, products, in-scene panels and locomotion.
import { useMemo } from 'react';
import type { Catalog } from '../../server/contracts/catalog';
import { layoutShowroom, layoutStress } from './layout';
import { Lighting } from './Lighting';
import { Locomotion } from './Locomotion';
import { Products } from './products/Products';
import { renderMode } from './renderMode';
import { Fixtures } from './scenery/Fixtures';
import { Labels } from './scenery/Labels';
import { Room } from './scenery/Room';
import { Shadows } from './scenery/Shadows';
import { Panels } from './ui/Panels';

export function Scene({ catalog }: { catalog: Catalog }) {
  const layout = useMemo(() => (renderMode.stress ? layoutStress(catalog, renderMode.stress) : layoutShowroom(catalog)), [catalog]);
  return (
    <>
      <color attach="background" args={['#e9e4dc']} />
      <Lighting />
      <Room layout={layout} />
      <Fixtures layout={layout} />
      <Labels layout={layout} />
      <Shadows layout={layout} />
      <Products layout={layout} />
      <Panels />
      <Locomotion layout={layout} />
    </>
  );
}
