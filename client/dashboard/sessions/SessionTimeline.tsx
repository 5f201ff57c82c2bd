// The session as readable moments; clicking one moves the replay to that time.
import type { ReplayClock } from '../replay/replayClock';
import { seek } from '../replay/replayClock';
import { MARKER_COLOURS } from '../replay/replayColours';
import { clock as clockText, type TimelineEntry } from '../replay/timeline';

export function SessionTimeline({ entries, clock, firstTs }: { entries: readonly TimelineEntry[]; clock: ReplayClock; firstTs: number }) {
  if (entries.length === 0) return <p className="muted">Nothing happened yet that a salesperson would need: no looks, selections or cart changes.</p>;
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((e) => (
        <li key={`${e.seq}-${e.kind}`}>
          <button type="button" onClick={() => seek(clock, e.ts - clock.originTs)} title="Show this moment in the replay">
            <span className="time mono">{clockText(e.ts - firstTs)}</span>
            <i className="dot" style={{ background: MARKER_COLOURS[e.kind] ?? '#9a9186' }} aria-hidden />
            <span className="text">{e.text}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
