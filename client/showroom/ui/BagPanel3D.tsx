// The cart and wishlist view, in the scene: change quantities, remove lines, move wishlist items to the cart.
import { Container, Text } from '@react-three/uikit';
import { addToCart, setQuantity, toggleWishlist, useShop } from '../../shop/shop';
import { formatPrice } from '../format';
import { useShowroom } from '../store';
import { Button } from './Button';
import { Panel3D } from './Panel3D';
import { colors, named } from './theme';

export function BagPanel3D() {
  const cart = useShop((s) => s.cart);
  const wishlist = useShop((s) => s.wishlist);
  const busy = useShop((s) => s.busy);
  const message = useShop((s) => s.message);
  const totals = Object.entries(cart.totals).map(([cur, amount]) => formatPrice(amount, cur)).join(' + ');
  return (
    <Panel3D name="bag-panel" width={460} title="Your cart" close={{ name: 'bag-close', onPress: () => useShowroom.getState().set({ panel: null, uiHover: 0 }) }}>
      <Container flexDirection="column" gap={8} maxHeight={330} overflow="scroll">
        {cart.items.length === 0 ? (
          <Text fontSize={15} color={colors.muted}>
            Nothing in your cart yet. Select a product and press Add to cart.
          </Text>
        ) : (
          cart.items.map((l) => (
            <Container key={`${l.productId}/${l.variantId}`} ref={named(`cart-line-${l.productId}-${l.variantId}`)} flexDirection="row" alignItems="center" gap={8} paddingY={4}>
              <Container flexDirection="column" flexGrow={1} flexShrink={1}>
                <Text fontSize={16} fontWeight="semi-bold">
                  {l.name}
                </Text>
                <Text fontSize={13} color={colors.muted}>
                  {`${l.variantName} · ${formatPrice(l.unitPrice, l.currency)} each`}
                </Text>
              </Container>
              <Button name={`cart-less-${l.productId}-${l.variantId}`} label="−" width={40} disabled={busy} onPress={(input) => void setQuantity(l.productId, l.variantId, l.quantity - 1, input)} />
              <Text fontSize={16} fontWeight="semi-bold" width={28} textAlign="center">
                {String(l.quantity)}
              </Text>
              <Button name={`cart-more-${l.productId}-${l.variantId}`} label="+" width={40} disabled={busy} onPress={(input) => void setQuantity(l.productId, l.variantId, l.quantity + 1, input)} />
              <Button name={`cart-remove-${l.productId}-${l.variantId}`} kind="ghost" fontSize={13} label="Remove" disabled={busy} onPress={(input) => void setQuantity(l.productId, l.variantId, 0, input)} />
            </Container>
          ))
        )}
      </Container>
      {cart.items.length > 0 ? (
        <Text fontSize={18} fontWeight="bold">
          {`Total ${totals}`}
        </Text>
      ) : null}
      <Container height={1} backgroundColor={colors.border} />
      <Text fontSize={20} fontWeight="bold">
        Wishlist
      </Text>
      <Container flexDirection="column" gap={8} maxHeight={220} overflow="scroll">
        {wishlist.length === 0 ? (
          <Text fontSize={15} color={colors.muted}>
            Save products you like here to find them again.
          </Text>
        ) : (
          wishlist.map((l) => (
            <Container key={`${l.productId}/${l.variantId}`} flexDirection="row" alignItems="center" gap={8}>
              <Container flexDirection="column" flexGrow={1} flexShrink={1}>
                <Text fontSize={16} fontWeight="semi-bold">
                  {l.name}
                </Text>
                <Text fontSize={13} color={colors.muted}>
                  {l.variantName}
                </Text>
              </Container>
              <Button name={`wish-to-cart-${l.productId}-${l.variantId}`} label="Add to cart" fontSize={13} disabled={busy} onPress={(input) => void addToCart(l.productId, l.variantId, input)} />
              <Button name={`wish-remove-${l.productId}-${l.variantId}`} kind="ghost" fontSize={13} label="Remove" disabled={busy} onPress={(input) => void toggleWishlist(l.productId, l.variantId, input)} />
            </Container>
          ))
        )}
      </Container>
      <Text fontSize={13} color={message?.kind === 'error' ? colors.danger : colors.ok}>
        {message?.text ?? ' '}
      </Text>
    </Panel3D>
  );
}
