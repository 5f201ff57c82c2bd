// The products a lead is about: the cart's lines, requested products and staff picks, with prices.
import type { LeadProduct } from '../../../server/contracts/leads';
import { formatMoney } from '../format';
import { Card } from '../ui/Card';
import { Empty } from '../ui/States';

const reasons: Record<LeadProduct['reason'], string> = { cart: 'in the cart', request: 'asked about', staff: 'added by staff' };

export function LeadProducts({ products }: { products: readonly LeadProduct[] }) {
  return (
    <Card title="Products of interest">
      {products.length === 0 ? (
        <Empty title="No products yet.">They appear when the customer adds to the cart or asks about a product.</Empty>
      ) : (
        <table className="list compact">
          <thead>
            <tr>
              <th>Product</th>
              <th>Why</th>
              <th className="num">Qty</th>
              <th className="num">Price</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={`${p.productId}/${p.variantId}/${p.reason}`}>
                <td>
                  {p.name}
                  {p.variantName ? <span className="muted"> · {p.variantName}</span> : null}
                </td>
                <td>{reasons[p.reason]}</td>
                <td className="num">{p.quantity}</td>
                <td className="num">{formatMoney(p.unitPrice, p.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
