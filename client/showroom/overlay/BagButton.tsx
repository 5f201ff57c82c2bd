// Desktop shortcut to the in-scene cart and wishlist view, with their counts.
import { useShop } from '../../shop/shop';
import { openBag } from '../actions';
import { useShowroom } from '../store';

export function BagButton() {
  const count = useShop((s) => s.cart.items.reduce((n, l) => n + l.quantity, 0));
  const wished = useShop((s) => s.wishlist.length);
  const open = useShowroom((s) => s.panel === 'bag');
  return (
    <button
      type="button"
      className="bag-button"
      aria-pressed={open}
      onClick={(e) => {
        if (open) useShowroom.getState().set({ panel: null });
        else openBag(e.detail === 0 ? 'keyboard' : 'mouse');
      }}
    >
      Cart {count} · Wishlist {wished}
    </button>
  );
}
