// A session's 3D replay (loaded on demand): fetches its pose chunks, decodes them, and shows the scene with its controls.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Catalog } from '../../../server/contracts/catalog';
import type { ReplayChunk } from '../../../server/contracts/replay';
import { layoutShowroom } from '../../showroom/layout';
import { useShowroom } from '../../showroom/store';
import { api } from '../trpc';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { placeMarkers } from './EventMarkers';
import { buildPoseTrack, headPath } from './poseTrack';
import { ReplayCanvas } from './ReplayCanvas';
import type { ReplayClock } from './replayClock';
import { CONTROLLER_COLOURS, GAZE_COLOUR, MARKER_COLOURS, MARKER_LABELS, PATH_COLOUR } from './replayColours';
import { ReplayControls } from './ReplayControls';
import type { TimelineEntry } from './timeline';

/** Every pose chunk of the session, page by page. */
async function allChunks(id: string): Promise<ReplayChunk[]> {
  const out: ReplayChunk[] = [];
  let cursor: { startTs: number; seq: number } | null = null;
  do {
    const page = await api.replay.poses.query({ id, cursor });
    out.push(...page.chunks);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export interface SessionReplayProps {
  sessionId: string;
  catalog: Catalog;
  entries: readonly TimelineEntry[];
  /** Browser ms of the session's first event. */
  firstTs: number;
  /** Browser ms of its last event. */
  lastTs: number;
  clock: ReplayClock;
}

export default function SessionReplay({ sessionId, catalog, entries, firstTs, lastTs, clock }: SessionReplayProps) {
  const q = useQuery({ queryKey: ['replay.poses', sessionId], queryFn: () => allChunks(sessionId), staleTime: 60_000 });
  const layout = useMemo(() => layoutShowroom(catalog), [catalog]);
  const data = useMemo(() => {
    if (!q.data) return null;
    // Time 0 is the session's first event, as in the timeline (the first head sample follows it within a frame or two).
    const origin = firstTs;
    const track = buildPoseTrack(q.data, origin);
    const last = track.count ? origin + track.t[track.count - 1]! : lastTs;
    return { origin, track, path: headPath(track), duration: Math.max(lastTs, last) - origin };
  }, [q.data, firstTs, lastTs]);
  // The shared product components report their loading to the showroom's store.
  const ready = useShowroom((s) => s.loading.total > 0 && s.loading.loaded >= s.loading.total);
  const markers = useMemo(() => (data ? placeMarkers(entries, data.track, data.origin) : []), [entries, data]);
  const variantChanges = useMemo(() => entries.filter((e) => e.kind === 'variant'), [entries]);
  if (q.isPending) return <Loading what="the replay" />;
  if (q.isError) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!data || data.track.count === 0) return <Empty title="Nothing to replay.">This session recorded no head positions (the showroom samples them ten times a second while the 3D view is open).</Empty>;
  // The clock belongs to the page (the timeline moves it too); the replay sets its extent.
  clock.originTs = data.origin;
  clock.durationMs = data.duration;
  const kinds = [...new Set(markers.map((m) => m.entry.kind))];
  return (
    <div className="replay" data-scene-ready={ready}>
      <ReplayCanvas layout={layout} track={data.track} path={data.path} markers={markers} variantChanges={variantChanges} clock={clock} />
      <ReplayControls clock={clock} />
      <p className="replay-legend">
        <span><i style={{ background: PATH_COLOUR }} /> path walked</span>
        <span><i style={{ background: GAZE_COLOUR }} /> head direction</span>
        {data.track.present.left.some(Boolean) || data.track.present.right.some(Boolean) ? (
          <span><i style={{ background: CONTROLLER_COLOURS.left }} /><i style={{ background: CONTROLLER_COLOURS.right }} /> left / right controller or hand</span>
        ) : null}
        {kinds.map((k) => (
          <span key={k}><i className="pin" style={{ background: MARKER_COLOURS[k] }} /> {MARKER_LABELS[k] ?? k}</span>
        ))}
      </p>
      <p className="muted replay-note">
        Gaze here is the direction of the customer’s head, an approximation of where their eyes looked: the headset does not
        report eye tracking. Drag to orbit, scroll to zoom.{data.track.skipped ? ` ${data.track.skipped} damaged pose chunk(s) were left out.` : ''}
      </p>
    </div>
  );
}
