// Play, pause, speed (1-8×) and the scrub slider of a replay; the time read-out is written by the render loop, not React.
import { useEffect, useRef, useState } from 'react';
import { type ReplayClock, seek, SPEEDS } from './replayClock';
import { clock as clockText } from './timeline';

export function ReplayControls({ clock }: { clock: ReplayClock }) {
  const [playing, setPlaying] = useState(clock.playing);
  const [speed, setSpeed] = useState(clock.speed);
  const slider = useRef<HTMLInputElement>(null);
  const readout = useRef<HTMLOutputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef(-1);

  useEffect(() => {
    const tick = (ms: number) => {
      const rounded = Math.round(ms);
      if (rounded === shown.current) return;
      shown.current = rounded;
      if (slider.current && document.activeElement !== slider.current) slider.current.value = String(rounded);
      if (readout.current) readout.current.textContent = `${clockText(rounded)} / ${clockText(clock.durationMs)}`;
      // For automation and tests: the replay time in ms.
      box.current?.setAttribute('data-replay-ms', String(rounded));
    };
    clock.tickers.add(tick);
    clock.onEnded = () => setPlaying(false);
    return () => {
      clock.tickers.delete(tick);
      clock.onEnded = null;
    };
  }, [clock]);

  const toggle = () => {
    if (!clock.playing && clock.timeMs >= clock.durationMs) seek(clock, 0);
    clock.playing = !clock.playing;
    setPlaying(clock.playing);
  };
  const changeSpeed = (s: number) => {
    clock.speed = s;
    setSpeed(s);
  };

  return (
    <div className="replay-controls" ref={box} data-replay-ms="0">
      <button type="button" onClick={toggle} className="primary">
        {playing ? 'Pause' : 'Play'}
      </button>
      <div role="group" aria-label="Speed" className="segmented">
        {SPEEDS.map((s) => (
          <button key={s} type="button" aria-pressed={speed === s} onClick={() => changeSpeed(s)}>
            {s}×
          </button>
        ))}
      </div>
      <input
        ref={slider}
        type="range"
        aria-label="Replay time"
        min={0}
        max={Math.max(1, Math.round(clock.durationMs))}
        step="any"
        defaultValue={0}
        onInput={(e) => seek(clock, Number(e.currentTarget.value))}
      />
      <output ref={readout} aria-label="Replay time read-out">
        {`0:00 / ${clockText(clock.durationMs)}`}
      </output>
    </div>
  );
}
