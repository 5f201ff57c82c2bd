// Products of one session ranked by how long the customer's head was turned to them, with selects and cart adds (from rollups).
import { useQuery } from '@tanstack/react-query';
import { spokenDuration } from '../replay/timeline';
import { trpc } from '../trpc';
import { ErrorBox, Loading } from '../ui/States';
import { useProductNames } from '../ui/useCatalog';

export function DwellRanking({ sessionId }: { sessionId: string }) {
  const q = useQuery(trpc.replay.attention.queryOptions({ id: sessionId }, { refetchInterval: 10_000 }));
  const name = useProductNames();
  if (q.isPending) return <Loading what="attention per product" />;
  if (q.isError) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  const rows = q.data.filter((r) => r.dwellMs > 0 || r.selectCount > 0 || r.cartAdds > 0 || r.wishlistAdds > 0);
  if (rows.length === 0) return <p className="muted">The customer has not looked at any product long enough to count (250 ms).</p>;
  const max = Math.max(1, ...rows.map((r) => r.dwellMs));
  return (
    <table className="list ranking" aria-label="Products by attention">
      <thead>
        <tr>
          <th>Product</th>
          <th>Looked at</th>
          <th className="num">Looks</th>
          <th className="num">Opened</th>
          <th className="num">Cart</th>
          <th className="num">Wishlist</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.productId}>
            <td>{name(r.productId)}</td>
            <td>
              <span className="bar" style={{ width: `${Math.round((r.dwellMs / max) * 120)}px` }} aria-hidden />
              {r.dwellMs ? spokenDuration(r.dwellMs) : '–'}
            </td>
            <td className="num">{r.dwellCount}</td>
            <td className="num">{r.selectCount}</td>
            <td className="num">{r.cartAdds}</td>
            <td className="num">{r.wishlistAdds}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
