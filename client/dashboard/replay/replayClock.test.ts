// The replay clock: speed, the end of the replay, long frames, seeking within bounds.
import { describe, expect, it } from 'vitest';
import { advance, createReplayClock, seek } from './replayClock';

describe('replay clock', () => {
  it('advances only while playing, at its speed, and stops at the end', () => {
    const c = createReplayClock(1000, 10_000);
    advance(c, 0.1);
    expect(c.timeMs).toBe(0);
    c.playing = true;
    c.speed = 8;
    advance(c, 0.1);
    expect(c.timeMs).toBeCloseTo(800, 6);
    let ended = 0;
    c.onEnded = () => ended++;
    for (let i = 0; i < 20; i++) advance(c, 0.1);
    expect(c.timeMs).toBe(10_000);
    expect(c.playing).toBe(false);
    expect(ended).toBe(1);
  });

  it('plays 8x in real time at 2 fps as at 90 fps', () => {
    const replayTimeAfter = (fps: number, seconds: number) => {
      const c = createReplayClock(0, 600_000);
      c.playing = true;
      c.speed = 8;
      for (let f = 0; f < Math.round(seconds * fps); f++) advance(c, 1 / fps);
      return c.timeMs;
    };
    expect(replayTimeAfter(2, 3)).toBeCloseTo(24_000, 6);
    expect(replayTimeAfter(90, 3)).toBeCloseTo(24_000, 6);
  });

  it('caps a very long frame (a tab coming back from the background) at one second of real time', () => {
    const c = createReplayClock(0, 60_000);
    c.playing = true;
    advance(c, 5);
    expect(c.timeMs).toBe(1000);
    advance(c, Number.NaN);
    expect(c.timeMs).toBe(1000);
  });

  it('seeks within the replay', () => {
    const c = createReplayClock(0, 5_000);
    seek(c, -20);
    expect(c.timeMs).toBe(0);
    seek(c, 9_999);
    expect(c.timeMs).toBe(5_000);
    seek(c, 1_234);
    expect(c.timeMs).toBe(1_234);
  });
});
