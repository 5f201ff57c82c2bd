// "You may also like" for the product panel: products customers looked at together with this one; a press selects and faces it.
import { useThree } from '@react-three/fiber';
import { Container, Text } from '@react-three/uikit';
import { useXR } from '@react-three/xr';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import type { InputKind } from '../../../server/contracts/events';
import { selectRecommended } from '../actions';
import { EYE_HEIGHT, player } from '../player';
import { loadRecommendations, useRecommendations } from '../recommendations';
import { productById } from '../store';
import { Button } from './Button';
import { Panel3D } from './Panel3D';
import { colors, PIXEL_SIZE } from './theme';

const target = new Vector3();
/** Width of the side card in a headset, panel pixels. */
const SIDE_WIDTH = 210;
/** How far the side card turns in towards the visitor, radians. */
const SIDE_TURN = 0.35;

/**
 * The recommendations of `productId`. On a screen they sit inside the product panel (`placement="inline"`); in a
 * headset (`placement="side"`) they are a card of their own beside the panel's right edge, so the panel does not
 * grow downwards into the line between the visitor's hands and the products ahead. `panelWidth` is the product
 * panel's width in panel pixels (the side card is placed from it).
 */
export function AlsoLike3D({ productId, placement, panelWidth }: { productId: string; placement: 'inline' | 'side'; panelWidth: number }) {
  const ids = useRecommendations((s) => s.byProduct[productId]);
  const inXR = useXR((s) => s.session != null);
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  useEffect(() => loadRecommendations(productId), [productId]);
  const products = (ids ?? []).map(productById).filter((p) => p !== undefined);
  if (products.length === 0 || inXR !== (placement === 'side')) return null;

  const press = (id: string, position: number, input: InputKind) => {
    selectRecommended(id, productId, position, input);
    // On a screen the view turns to the product; in a headset the visitor turns their own head.
    const group = scene.getObjectByName(`product-${id}`);
    if (!group || gl.xr.isPresenting) return;
    group.getWorldPosition(target);
    const dx = target.x - player.position.x;
    const dz = target.z - player.position.z;
    player.yaw = Math.atan2(-dx, -dz);
    player.pitch = Math.atan2(target.y + 0.4 - EYE_HEIGHT, Math.hypot(dx, dz));
  };
  const title = (
    <Text fontSize={14} fontWeight="bold" color={colors.muted}>
      You may also like
    </Text>
  );
  const buttons = products.map((p, i) => (
    <Button key={p.id} name={`panel-also-${p.id}`} kind="secondary" fontSize={13} label={p.name} onPress={(input) => press(p.id, i + 1, input)} />
  ));

  if (placement === 'inline') {
    return (
      <Container flexDirection="column" gap={6}>
        {title}
        <Container flexDirection="row" gap={6} flexWrap="wrap">
          {buttons}
        </Container>
      </Container>
    );
  }
  return (
    // A second root in the product panel's anchor: its left edge 12 px right of the panel, tops level, turned in
    // towards the visitor like the next leaf of a folding screen.
    <group position={[(panelWidth / 2 + 12) * PIXEL_SIZE, 0, 0]} rotation={[0, -SIDE_TURN, 0]}>
      <Panel3D name="also-like-panel" width={SIDE_WIDTH} anchorX="left" padding={16} gap={8} radius={16}>
        {title}
        {buttons}
      </Panel3D>
    </group>
  );
}
