// One session: its summary and every event in the order the customer did them.
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, formatDuration } from '../format';
import { trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { MessagesCard } from '../live/MessagesCard';
import { PageHeader } from '../ui/PageHeader';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { useProductNames } from '../ui/useCatalog';

export function SessionPage({ id }: { id: string }) {
  const q = useQuery(trpc.staff.session.queryOptions({ id }, { refetchInterval: 5_000 }));
  const productName = useProductNames();
  const back = (
    <AppLink to="/sessions" className="back">
      ← All sessions
    </AppLink>
  );
  if (q.isPending) return <Loading what="the session" />;
  if (q.isError) return <>{back}<ErrorBox error={q.error} retry={() => void q.refetch()} /></>;
  const { session, events } = q.data;
  return (
    <section>
      {back}
      <PageHeader
        title={`Session ${formatDateTime(session.startedAt)}`}
        intro={
          <>
            {session.customerId ? <AppLink to={`/customers/${session.customerId}`}>{session.customerName || 'unnamed customer'}</AppLink> : 'Anonymous visitor'} ·{' '}
            {session.mode} · {formatDuration(session.durationMs)} · {session.eventCount} events · visitor <span className="mono">{session.visitorId.slice(0, 8)}</span>
          </>
        }
      />
      <MessagesCard sessionId={session.id} live={Date.now() - session.lastSeenAt < 60_000} />
      {events.length === 0 ? (
        <Empty title="No events yet.">The showroom sends them every few seconds while the customer looks around.</Empty>
      ) : (
        <table className="list events">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Time</th>
              <th>Event</th>
              <th>Product</th>
              <th>Input</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td className="num">{e.seq}</td>
                <td>{formatDateTime(e.ts)}</td>
                <td>{e.type}</td>
                <td>
                  {e.productId ? (
                    <>
                      {productName(e.productId, e.variantId)} <span className="mono muted">{e.productId}{e.variantId ? ` (${e.variantId})` : ''}</span>
                    </>
                  ) : null}
                </td>
                <td>{e.input}</td>
                <td className="mono">{Object.keys(e.props).length ? JSON.stringify(e.props) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
