// One session: summary, 3D replay beside a readable timeline, products ranked by attention, and every raw event.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { formatDateTime, formatDuration } from '../format';
import { createReplayClock } from '../replay/replayClock';
import { buildTimeline } from '../replay/timeline';
import { trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { Card } from '../ui/Card';
import { MessagesCard } from '../live/MessagesCard';
import { PageHeader } from '../ui/PageHeader';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { DwellRanking } from './DwellRanking';
import { SessionEvents } from './SessionEvents';
import { SessionTimeline } from './SessionTimeline';
import './session.css';

// three.js and the showroom's scene load only when a session is opened.
const SessionReplay = lazy(() => import('../replay/SessionReplay'));

/** Events fetched for the page: the timeline needs the whole session (the server allows up to 5,000 a call). */
const EVENT_LIMIT = 5000;

export function SessionPage({ id }: { id: string }) {
  const q = useQuery(trpc.staff.session.queryOptions({ id, limit: EVENT_LIMIT }, { refetchInterval: 5_000 }));
  const catalog = useQuery(trpc.catalog.get.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const clock = useMemo(() => createReplayClock(0, 0), [id]);
  const entries = useMemo(() => (q.data && catalog.data ? buildTimeline(q.data.events, catalog.data) : []), [q.data, catalog.data]);
  const back = (
    <AppLink to="/sessions" className="back">
      ← All sessions
    </AppLink>
  );
  if (q.isPending) return <Loading what="the session" />;
  if (q.isError) return <>{back}<ErrorBox error={q.error} retry={() => void q.refetch()} /></>;
  const { session, events } = q.data;
  const firstTs = events[0]?.ts ?? session.startedAt;
  const lastTs = events.at(-1)?.ts ?? firstTs;
  if (clock.originTs === 0) clock.originTs = firstTs;
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
        <>
          <div className="session-grid">
            <Card title="Replay" className="replay-card">
              {catalog.data ? (
                <Suspense fallback={<Loading what="the 3D view" />}>
                  <SessionReplay sessionId={id} catalog={catalog.data} entries={entries} firstTs={firstTs} lastTs={lastTs} clock={clock} />
                </Suspense>
              ) : catalog.isError ? (
                <ErrorBox error={catalog.error} retry={() => void catalog.refetch()} />
              ) : (
                <Loading what="the catalogue" />
              )}
            </Card>
            <Card title="Timeline" className="timeline-card">
              <SessionTimeline entries={entries} clock={clock} firstTs={firstTs} />
            </Card>
          </div>
          <Card title="Products by attention">
            <DwellRanking sessionId={id} />
          </Card>
          <Card title={`All events (${events.length})`}>
            <SessionEvents events={events} />
          </Card>
        </>
      )}
    </section>
  );
}
