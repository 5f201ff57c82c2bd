// The customer's current cart (all their browsers) with its value, their wishlist, and quotes made from the cart.
import { useMutation } from '@tanstack/react-query';
import { invalidateCrm } from '../followups/invalidate';
import { formatMoney } from '../format';
import { canWrite, useMe } from '../me';
import { trpc } from '../trpc';
import { Card } from '../ui/Card';
import { Empty, InlineError } from '../ui/States';
import type { CustomerProfile } from './customerTypes';

export function CartCard({ profile }: { profile: CustomerProfile }) {
  const me = useMe();
  const make = useMutation(trpc.orders.createFromCart.mutationOptions({ onSuccess: invalidateCrm }));
  const { cart, wishlist } = profile;
  const openLead = profile.leads.find((l) => !['won', 'lost'].includes(l.stage));
  return (
    <Card
      title="Cart and wishlist"
      actions={
        canWrite(me) && cart.items.length ? (
          <>
            <button type="button" disabled={make.isPending} onClick={() => make.mutate({ customerId: profile.customer.id, leadId: openLead?.id, kind: 'quote' })}>
              Make a quote
            </button>
            <button type="button" disabled={make.isPending} onClick={() => make.mutate({ customerId: profile.customer.id, leadId: openLead?.id, kind: 'order' })}>
              Make an order
            </button>
          </>
        ) : null
      }
    >
      <InlineError error={make.error} />
      <h3>Cart</h3>
      {cart.items.length === 0 ? (
        <Empty title="The cart is empty." />
      ) : (
        <table className="list compact">
          <tbody>
            {cart.items.map((i) => (
              <tr key={`${i.productId}/${i.variantId}`}>
                <td>
                  {i.name} <span className="muted">· {i.variantName}</span>
                </td>
                <td className="num">{i.quantity} ×</td>
                <td className="num">{formatMoney(i.unitPrice, i.currency)}</td>
              </tr>
            ))}
            <tr className="total">
              <td>Total</td>
              <td />
              <td className="num">{formatMoney(cart.value, cart.currency)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <h3>Wishlist</h3>
      {wishlist.length === 0 ? (
        <Empty title="Nothing on the wishlist." />
      ) : (
        <ul className="rows">
          {wishlist.map((w) => (
            <li key={`${w.productId}/${w.variantId}`}>
              {w.name} <span className="muted">· {w.variantName}</span>
              <span>{formatMoney(w.unitPrice, w.currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
