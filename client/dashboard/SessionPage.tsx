// One session: its summary and every event in the order the customer did them.
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, formatDuration } from './format';
import { navigate } from './router';
import { trpc } from './trpc';

export function SessionPage({ id }: { id: string }) {
  const q = useQuery(trpc.staff.session.queryOptions({ id }, { refetchInterval: 5_000 }));
  const back = (
    <a
      href="/staff"
      onClick={(e) => {
        e.preventDefault();
        navigate('/staff');
      }}
    >
      ← All sessions
    </a>
  );
  if (q.isPending) return <p>Loading session…</p>;
  if (q.isError) return <>{back}<p role="alert" className="error">{q.error.message}</p></>;
  const { session, events } = q.data;
  return (
    <section>
      {back}
      <h2>Session {formatDateTime(session.startedAt)}</h2>
      <p>
        {session.mode} · {formatDuration(session.durationMs)} · {session.eventCount} events · visitor{' '}
        <span className="mono">{session.visitorId.slice(0, 8)}</span>
      </p>
      <table className="events">
        <thead>
          <tr>
            <th>#</th>
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
              <td>{e.seq}</td>
              <td>{formatDateTime(e.ts)}</td>
              <td>{e.type}</td>
              <td>{e.productId ?? ''}{e.variantId ? ` (${e.variantId})` : ''}</td>
              <td>{e.input}</td>
              <td className="mono">{Object.keys(e.props).length ? JSON.stringify(e.props) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
