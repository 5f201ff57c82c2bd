// "You may also like" in the product panel: products customers looked at together with this one; a press selects and faces it.
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
import { colors } from './theme';

const target = new Vector3();

export function AlsoLike3D({ productId }: { productId: string }) {
  const ids = useRecommendations((s) => s.byProduct[productId]);
  const inXR = useXR((s) => s.session != null);
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  useEffect(() => loadRecommendations(productId), [productId]);
  const products = (ids ?? []).map(productById).filter((p) => p !== undefined);
  // Screens only for now: in a headset the taller panel hid neighbouring products from the controller ray.
  if (products.length === 0 || inXR) return null;

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

  return (
    <Container flexDirection="column" gap={6}>
      <Text fontSize={14} fontWeight="bold" color={colors.muted}>
        You may also like
      </Text>
      <Container flexDirection="row" gap={6} flexWrap="wrap">
        {products.map((p, i) => (
          <Button key={p.id} name={`panel-also-${p.id}`} kind="secondary" fontSize={13} label={p.name} onPress={(input) => press(p.id, i + 1, input)} />
        ))}
      </Container>
    </Container>
  );
}
