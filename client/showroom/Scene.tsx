// The showroom scene: room, lighting, and a stand for every catalogue product.
import { useMemo } from 'react';
import type { Catalog } from '../../server/contracts/catalog';
import { layoutShowroom } from './layout';
import { Lighting } from './Lighting';
import { Locomotion } from './Locomotion';
import { Room } from './Room';
import { Stand } from './Stand';

export function Scene({ catalog }: { catalog: Catalog }) {
  const layout = useMemo(() => layoutShowroom(catalog), [catalog]);
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
