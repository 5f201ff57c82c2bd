// Quotes and orders made from the customer's cart, with their lines and status.
import { useMutation, useQuery } from '@tanstack/react-query';
import { orderStatuses } from '../../../server/contracts/orders';
import { invalidateCrm } from '../followups/invalidate';
import { formatDateTime, formatMoney } from '../format';
import { canWrite, useMe } from '../me';
import { trpc } from '../trpc';
import { Card } from '../ui/Card';
import { Empty, ErrorBox, InlineError, Loading } from '../ui/States';

export function OrdersCard({ customerId }: { customerId: number }) {
  const me = useMe();
  const q = useQuery(trpc.orders.list.queryOptions({ customerId, limit: 50 }));
  const setStatus = useMutation(trpc.orders.setStatus.mutationOptions({ onSuccess: invalidateCrm }));
  return (
    <Card title="Quotes and orders">
      {q.isPending ? (
        <Loading what="orders" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <Empty title="No quotes or orders yet.">{canWrite(me) ? 'Make one from the cart above.' : null}</Empty>
      ) : (
        <table className="list compact">
          <thead>
            <tr>
              <th>#</th>
              <th>Made</th>
              <th>Items</th>
              <th className="num">Total</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.kind} {o.id}
                </td>
                <td>{formatDateTime(o.createdAt)}</td>
                <td className="small">{o.items.map((i) => `${i.quantity} × ${i.name} (${i.variantName})`).join(', ')}</td>
                <td className="num">{formatMoney(o.total, o.currency)}</td>
                <td>
                  {canWrite(me) ? (
                    <select aria-label={`Status of ${o.kind} ${o.id}`} value={o.status} disabled={setStatus.isPending} onChange={(e) => setStatus.mutate({ id: o.id, status: e.target.value as (typeof orderStatuses)[number] })}>
                      {orderStatuses.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  ) : (
                    o.status
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InlineError error={setStatus.error} />
    </Card>
  );
}
