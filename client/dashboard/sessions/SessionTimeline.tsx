// The session as readable moments; clicking one moves the replay to that time, and the moment being replayed is marked.
import { useEffect, useRef } from 'react';
import type { ReplayClock } from '../replay/replayClock';
import { seek } from '../replay/replayClock';
import { MARKER_COLOURS } from '../replay/replayColours';
import { clock as clockText, type TimelineEntry } from '../replay/timeline';

export function SessionTimeline({ entries, clock, firstTs }: { entries: readonly TimelineEntry[]; clock: ReplayClock; firstTs: number }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    let current = -2;
    // Runs in the replay's render loop: marks the latest moment at or before the replay time, in the DOM only.
    const tick = (ms: number) => {
      const now = clock.originTs + ms;
      let i = -1;
      while (i + 1 < entries.length && entries[i + 1]!.ts <= now) i++;
      if (i === current || !list.current) return;
      list.current.children[current]?.removeAttribute('aria-current');
      list.current.children[i]?.setAttribute('aria-current', 'step');
      current = i;
    };
    clock.tickers.add(tick);
    return () => void clock.tickers.delete(tick);
  }, [clock, entries]);
  if (entries.length === 0) return <p className="muted">Nothing happened yet that a salesperson would need: no looks, selections or cart changes.</p>;
  return (
    <ol className="timeline" aria-label="Timeline" ref={list}>
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
