// "Customers who looked at this also looked at": a product's co-viewed products with the sessions they share.
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../trpc';

export function AlsoLooked({ productId, name }: { productId: string; name: (id: string) => string }) {
  const q = useQuery(trpc.analytics.recommendations.queryOptions({ productId, limit: 3 }, { staleTime: 60_000 }));
  if (q.isPending) return <span className="muted">…</span>;
  if (q.isError) return <span className="inline-error">could not load</span>;
  if (q.data.items.length === 0) return <span className="muted">not yet seen with another product</span>;
  return (
    <span className="also-looked">
      {q.data.items.map((i, n) => (
        <span key={i.productId} title={`${i.together} of the ${q.data.sessions} sessions that looked at this also looked at ${name(i.productId)}`}>
          {n > 0 ? ', ' : ''}
          {name(i.productId)} <span className="muted">({i.together})</span>
        </span>
      ))}
    </span>
  );
}
