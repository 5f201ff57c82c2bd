// The list of customer sessions, newest first, a page at a time.
import { useInfiniteQuery } from '@tanstack/react-query';
import { formatDateTime, formatDuration } from './format';
import { navigate } from './router';
import { trpc } from './trpc';

export function SessionsPage() {
  const q = useInfiniteQuery(
    trpc.staff.sessions.infiniteQueryOptions({ limit: 50 }, { getNextPageParam: (last) => last.nextCursor, refetchInterval: 10_000 }),
  );
  if (q.isPending) return <p>Loading sessions…</p>;
  if (q.isError) return <p role="alert" className="error">{q.error.message}</p>;
  const sessions = q.data.pages.flatMap((p) => p.items);
  return (
    <section>
      <h2>Sessions</h2>
      {sessions.length === 0 ? (
        <p>No sessions yet. They appear here as soon as a customer opens the showroom.</p>
      ) : (
        <table className="sessions">
          <thead>
            <tr>
              <th>Started</th>
              <th>Duration</th>
              <th>Device mode</th>
              <th>Events</th>
              <th>Visitor</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} onClick={() => navigate(`/staff/sessions/${s.id}`)} className="clickable">
                <td>
                  <a
                    href={`/staff/sessions/${s.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/staff/sessions/${s.id}`);
                    }}
                  >
                    {formatDateTime(s.startedAt)}
                  </a>
                </td>
                <td>{formatDuration(s.durationMs)}</td>
                <td>{s.mode}</td>
                <td>{s.eventCount}</td>
                <td className="mono">{s.visitorId.slice(0, 8)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {q.hasNextPage ? (
        <button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          Older sessions
        </button>
      ) : null}
    </section>
  );
}
