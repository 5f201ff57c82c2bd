// The in-scene UI that is open now: the product panel (with the inspected product) or the cart and wishlist view.
import { Suspense } from 'react';
import { InspectView } from '../products/InspectView';
import { useShowroom } from '../store';
import { BagPanel3D } from './BagPanel3D';
import { FollowAnchor } from './FollowAnchor';
import { ProductPanel3D } from './ProductPanel3D';

export function Panels() {
  const panel = useShowroom((s) => s.panel);
  const selectedId = useShowroom((s) => s.selectedId);
  const inspecting = useShowroom((s) => s.inspecting);
  return (
    <>
      {panel === 'product' && selectedId ? (
        <FollowAnchor openKey={`product-${selectedId}`} angle={-0.3} drop={-0.2} name="product-panel-anchor">
          <ProductPanel3D />
        </FollowAnchor>
      ) : null}
      {panel === 'bag' ? (
        <FollowAnchor openKey="bag" drop={-0.25} name="bag-panel-anchor">
          <BagPanel3D />
        </FollowAnchor>
      ) : null}
      {inspecting && selectedId ? (
        <Suspense fallback={null}>
          <InspectView productId={selectedId} />
        </Suspense>
      ) : null}
    </>
  );
}
