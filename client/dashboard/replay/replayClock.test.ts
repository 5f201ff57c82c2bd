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

  it('caps a long frame (a background tab) at a quarter second of real time', () => {
    const c = createReplayClock(0, 60_000);
    c.playing = true;
    advance(c, 5);
    expect(c.timeMs).toBe(250);
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
