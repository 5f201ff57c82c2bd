// Live: the sessions in the showroom now (subscription over SSE), where each visitor stands on the floor map, and messages to them.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { LiveSession } from '../../../server/contracts/live';
import { formatAgo } from '../format';
import { queryClient, trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { PageHeader } from '../ui/PageHeader';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { useProductNames } from '../ui/useCatalog';
import { FloorMap } from './FloorMap';
import { MessagesCard } from './MessagesCard';
import { useLiveSessions } from './useLiveSessions';

const who = (s: LiveSession) => s.customerName ?? `Anonymous ${s.visitorId.slice(0, 4)}`;

export function LivePage() {
  const catalog = useQuery(trpc.catalog.get.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const productName = useProductNames();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const live = useLiveSessions((m) => void queryClient.invalidateQueries({ queryKey: trpc.live.history.queryKey({ sessionId: m.sessionId }) }));
  const selected = live.sessions.find((s) => s.sessionId === selectedId) ?? null;
  return (
    <section className="live-page">
      <PageHeader
        title="Live"
        intro={
          <>
            Visitors in the showroom now, updated as they move (within a second). "Looking at" is where the head points, an approximation of
            eye gaze. <span className={`live-status live-${live.status}`}>{live.status === 'pending' ? '● live' : live.status === 'connecting' ? 'connecting…' : live.status}</span>
          </>
        }
      />
      {live.error ? <ErrorBox error={live.error} /> : null}
      {catalog.isPending ? <Loading what="the floor plan" /> : catalog.isError ? <ErrorBox error={catalog.error} retry={() => void catalog.refetch()} /> : (
        <FloorMap catalog={catalog.data} sessions={live.sessions} selectedId={selectedId} onSelect={setSelectedId} label={who} />
      )}
      {live.sessions.length === 0 ? (
        <Empty title="Nobody is in the showroom right now.">A visitor appears here as soon as they open the showroom.</Empty>
      ) : (
        <table className="list live-sessions">
          <thead>
            <tr>
              <th>Visitor</th>
              <th>Device</th>
              <th>Looking at</th>
              <th>Panel open</th>
              <th>Last event</th>
              <th>Since</th>
            </tr>
          </thead>
          <tbody>
            {live.sessions.map((s) => (
              <tr key={s.sessionId} data-session-id={s.sessionId} className={s.sessionId === selectedId ? 'selected' : ''} onClick={() => setSelectedId(s.sessionId)}>
                <td>
                  <button type="button" className="link" onClick={() => setSelectedId(s.sessionId)}>
                    {who(s)}
                  </button>{' '}
                  <AppLink to={`/sessions/${s.sessionId}`} className="muted">
                    events
                  </AppLink>
                </td>
                <td>{s.mode === 'desktop' ? 'Desktop' : s.mode.toUpperCase()}</td>
                <td>{s.gazeProductId ? productName(s.gazeProductId) : <span className="muted">–</span>}</td>
                <td>{s.selectedProductId ? productName(s.selectedProductId) : <span className="muted">–</span>}</td>
                <td>{s.lastEvent ? `${s.lastEvent.type.replaceAll('_', ' ')}${s.lastEvent.productId ? ` · ${productName(s.lastEvent.productId)}` : ''}` : <span className="muted">–</span>}</td>
                <td>{formatAgo(s.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected ? <MessagesCard key={selected.sessionId} sessionId={selected.sessionId} live /> : live.sessions.length > 0 ? <p className="muted">Pick a visitor to send them a message.</p> : null}
    </section>
  );
}
