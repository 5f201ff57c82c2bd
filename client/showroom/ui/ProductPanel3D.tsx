// The selected product's panel, drawn in the scene (usable in a headset): details, variant swatches and actions.
import { useThree } from '@react-three/fiber';
import { Container, Text } from '@react-three/uikit';
import type { InputKind } from '../../../server/contracts/events';
import { addToCart, cartQuantity, isWished, requestContact, toggleWishlist, useShop } from '../../shop/shop';
import { closePanel, endInspect, openBag, setVariant, startInspect } from '../actions';
import { formatDimensions, formatPrice } from '../format';
import { inputKindOf } from '../input/pointerKind';
import { markUiHover, productById, useShowroom, variantOf } from '../store';
import { AlsoLike3D } from './AlsoLike3D';
import { Button } from './Button';
import { Panel3D } from './Panel3D';
import { colors, named } from './theme';

/** Width of the panel, panel pixels. */
const PANEL_WIDTH = 380;

const finishNames: Record<string, string> = { fabric: 'Fabric', leather: 'Leather', wood: 'Wood', metal: 'Metal', plastic: 'Plastic', glass: 'Glass', ceramic: 'Ceramic', stone: 'Stone' };

export function ProductPanel3D() {
  const selectedId = useShowroom((s) => s.selectedId);
  const variants = useShowroom((s) => s.variants);
  const inspecting = useShowroom((s) => s.inspecting);
  const zoom = useShowroom((s) => s.zoom);
  const cart = useShop((s) => s.cart);
  const wishlist = useShop((s) => s.wishlist);
  const busy = useShop((s) => s.busy);
  const message = useShop((s) => s.message);
  const gl = useThree((s) => s.gl);
  const product = productById(selectedId);
  if (!product) return null;
  const variant = variantOf(product, variants);
  const inCart = cartQuantity(product.id, variant.id, cart);
  const wished = isWished(product.id, variant.id, wishlist);
  const bagCount = cart.items.reduce((n, l) => n + l.quantity, 0);

  const ask = (input: InputKind) => {
    // In a headset there is no keyboard: one press sends the request; on a screen a short form asks for details.
    if (gl.xr.isPresenting) void requestContact('one-press', { productId: product.id, variantId: variant.id }, input);
    else useShowroom.getState().set({ contactForm: { productId: product.id, variantId: variant.id } });
  };
  const zoomBy = (f: number) => useShowroom.setState((s) => ({ zoom: Math.max(0.45, Math.min(1.6, s.zoom * f)) }));

  return (
    <>
      <Panel3D name="product-panel" width={PANEL_WIDTH} gap={12} title={product.name} subtitle={product.sku} close={{ name: 'panel-close', onPress: (input) => closePanel(input) }}>
        <Text fontSize={26} fontWeight="bold" color={colors.accent}>
          {formatPrice(product.price + variant.priceDelta, product.currency)}
        </Text>
        <Container flexDirection="column" gap={8}>
          <Text fontSize={14} color={colors.muted}>
            {`${variant.name} · ${finishNames[variant.material] ?? variant.material}${variant.priceDelta ? ` (+${formatPrice(variant.priceDelta, product.currency)})` : ''}`}
          </Text>
          <Container flexDirection="row" gap={10} flexWrap="wrap">
            {product.variants.map((v) => (
              <Container
                key={v.id}
                ref={named(`swatch-${v.id}`)}
                width={38}
                height={38}
                borderRadius={19}
                borderWidth={v.id === variant.id ? 3 : 1}
                borderColor={v.id === variant.id ? colors.accent : colors.border}
                padding={3}
                cursor="pointer"
                hover={{ borderColor: colors.accent }}
                onPointerEnter={() => markUiHover(1)}
                onPointerLeave={() => markUiHover(-1)}
                onClick={(e) => {
                  e.stopPropagation();
                  setVariant(product.id, v.id, inputKindOf(e));
                }}
              >
                <Container flexGrow={1} borderRadius={16} backgroundColor={v.color} />
              </Container>
            ))}
          </Container>
        </Container>
        <Text fontSize={15} lineHeight="140%">
          {product.description}
        </Text>
        <Text fontSize={13} color={colors.muted}>
          {formatDimensions(product.dimensions)}
        </Text>
        <Button name="panel-add-to-cart" kind="primary" label={inCart ? `Add another (${inCart} in cart)` : 'Add to cart'} disabled={busy} onPress={(input) => void addToCart(product.id, variant.id, input)} />
        <Container flexDirection="row" gap={8}>
          <Button name="panel-wishlist" flexGrow={1} label={wished ? 'On your wishlist' : 'Add to wishlist'} disabled={busy} onPress={(input) => void toggleWishlist(product.id, variant.id, input)} />
          <Button name="panel-inspect" flexGrow={1} label={inspecting ? 'Put back' : 'Turn and zoom'} onPress={(input) => (inspecting ? endInspect(input) : startInspect(input))} />
        </Container>
        {inspecting ? (
          <Container flexDirection="row" gap={8} alignItems="center">
            <Button name="panel-zoom-out" label="−" width={48} onPress={() => zoomBy(1.25)} />
            <Button name="panel-zoom-in" label="+" width={48} onPress={() => zoomBy(0.8)} />
            <Text fontSize={13} color={colors.muted} flexShrink={1}>
              {`Drag the product to turn it · ${Math.round(100 / zoom)}%`}
            </Text>
          </Container>
        ) : null}
        <Button name="panel-ask" label="Ask a salesperson" disabled={busy} onPress={ask} />
        <AlsoLike3D productId={product.id} placement="inline" panelWidth={PANEL_WIDTH} />
        <Container flexDirection="row" justifyContent="space-between" alignItems="center" gap={8}>
          <Text fontSize={13} color={message?.kind === 'error' ? colors.danger : colors.ok} flexShrink={1}>
            {message?.text ?? ' '}
          </Text>
          <Button name="panel-view-bag" kind="ghost" fontSize={13} label={`Cart (${bagCount}) · Wishlist (${wishlist.length})`} onPress={(input) => openBag(input)} />
        </Container>
      </Panel3D>
      <AlsoLike3D productId={product.id} placement="side" panelWidth={PANEL_WIDTH} />
    </>
  );
}
