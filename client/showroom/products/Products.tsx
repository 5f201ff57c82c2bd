// Every product of the layout, grouped by product so repeated ones share one instanced draw per part; each streams in on its own.
import { memo, Suspense, useLayoutEffect, useMemo } from 'react';
import type { Product } from '../../../server/contracts/catalog';
import type { Placement, ShowroomLayout } from '../layout';
import { useShowroom } from '../store';
import { ProductModel } from './ProductModel';

export const Products = memo(function Products({ layout }: { layout: ShowroomLayout }) {
  const groups = useMemo(() => {
    const byId = new Map<string, { product: Product; placements: Placement[] }>();
    for (const p of layout.placements) {
      const g = byId.get(p.product.id) ?? { product: p.product, placements: [] };
      g.placements.push(p);
      byId.set(p.product.id, g);
    }
    return [...byId.values()];
  }, [layout]);
  // A layout effect: it runs before the models' own (passive) effects count themselves loaded, also when the models
  // come from the cache and mount at once (a second replay in the dashboard).
  useLayoutEffect(() => {
    useShowroom.setState({ loading: { loaded: 0, total: groups.length } });
  }, [groups]);
  return (
    <group name="products">
      {groups.map((g) => (
        <Suspense key={g.product.id} fallback={null}>
          <ProductModel product={g.product} placements={g.placements} />
        </Suspense>
      ))}
    </group>
  );
});
