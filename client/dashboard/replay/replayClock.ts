// The replay's clock: a plain mutable object advanced inside the render loop (never React state per frame).

/** Playback speeds offered, times real time. */
export const SPEEDS = [1, 2, 4, 8] as const;

export interface ReplayClock {
  /** Browser ms since the epoch that replay time 0 stands for. */
  originTs: number;
  /** Current replay time, ms since the replay's start. */
  timeMs: number;
  /** Length of the replay, ms. */
  durationMs: number;
  playing: boolean;
  /** Times real time. */
  speed: number;
  /** Called after every frame with the current time (the controls and the timeline update their DOM directly). */
  readonly tickers: Set<(timeMs: number) => void>;
  /** Called when playback stops by itself at the end. */
  onEnded: (() => void) | null;
}

/** A paused clock at 0 for a replay of `durationMs` starting at browser time `originTs`. */
export function createReplayClock(originTs: number, durationMs: number): ReplayClock {
  return { originTs, timeMs: 0, durationMs: Math.max(0, durationMs), playing: false, speed: 1, tickers: new Set(), onEnded: null };
}

/** Moves the clock to `ms`, clamped to the replay. */
export function seek(clock: ReplayClock, ms: number): void {
  clock.timeMs = Math.min(clock.durationMs, Math.max(0, ms));
}

/**
 * Longest frame played in full, seconds of real time: a slow device (1 fps and up) plays in real time; the first
 * frame after a hidden tab (the render loop paused) counts as this much, so the replay does not leap.
 */
export const MAX_FRAME_S = 1;

/**
 * Advances a playing clock by `deltaS` seconds of real time (at most MAX_FRAME_S; a bad delta is none) times its
 * speed; stops at the end.
 */
export function advance(clock: ReplayClock, deltaS: number): void {
  if (!clock.playing) return;
  const realS = Number.isFinite(deltaS) && deltaS > 0 ? Math.min(deltaS, MAX_FRAME_S) : 0;
  clock.timeMs += realS * 1000 * clock.speed;
  if (clock.timeMs >= clock.durationMs) {
    clock.timeMs = clock.durationMs;
    clock.playing = false;
    clock.onEnded?.();
  }
}
