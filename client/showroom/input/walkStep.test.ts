// Walking steps by real elapsed time: 2 fps and 90 fps cover the same ground, reach the same walk target and stop at the same obstacle.
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { type Obstacle, WALK_SPEED } from '../player';
import { frameSeconds, MAX_FRAME_S, walkBody, type WalkIntent } from './walkStep';

const room = { minX: -20, maxX: 20, minZ: -20, maxZ: 20 };

/** Walks for `seconds` of real time at `fps`, from (0, 0); returns where the body ends and the walk target left. */
function walkFor(fps: number, seconds: number, intent: WalkIntent, obstacles: Obstacle[] = []) {
  const body = new Vector3(0, 0, 0);
  let target = intent.target;
  const frames = Math.round(seconds * fps);
  for (let f = 0; f < frames; f++) target = walkBody(body, frameSeconds(1 / fps), { ...intent, target }, room, obstacles);
  return { x: body.x, z: body.z, target };
}

describe('walkBody', () => {
  it('covers the same distance in 3 s at 2 fps and at 90 fps: walking speed, not frame rate', () => {
    const forward: WalkIntent = { moveX: 0, moveY: 1, heading: 0, target: null };
    const slow = walkFor(2, 3, forward);
    const fast = walkFor(90, 3, forward);
    expect(slow.z).toBeCloseTo(-WALK_SPEED * 3, 6);
    expect(fast.z).toBeCloseTo(-WALK_SPEED * 3, 6);
    expect(slow.x).toBeCloseTo(0, 9);
  });

  it('reaches a click-to-move target in the same time at 2 fps and 90 fps', () => {
    const to: WalkIntent = { moveX: 0, moveY: 0, heading: 0, target: { x: 3, z: 4 } };
    const slowEarly = walkFor(2, 2, to);
    const fastEarly = walkFor(90, 2, to);
    expect(Math.hypot(slowEarly.x, slowEarly.z)).toBeCloseTo(WALK_SPEED * 2, 6);
    expect(Math.hypot(fastEarly.x, fastEarly.z)).toBeCloseTo(WALK_SPEED * 2, 6);
    const slow = walkFor(2, 3, to);
    expect(slow).toEqual({ x: 3, z: 4, target: null });
  });

  it('stops at an obstacle in the way at 2 fps as at 90 fps, instead of stepping through it', () => {
    const pillar: Obstacle[] = [{ x: 0, z: -2, radius: 0.3 }];
    const forward: WalkIntent = { moveX: 0, moveY: 1, heading: 0, target: null };
    const slow = walkFor(2, 3, forward, pillar);
    const fast = walkFor(90, 3, forward, pillar);
    expect(fast.z).toBeGreaterThan(-1.71);
    expect(slow.z).toBeCloseTo(fast.z, 6);
  });

  it('treats a frame after a hidden tab as at most MAX_FRAME_S, and a bad delta as none', () => {
    expect(frameSeconds(30)).toBe(MAX_FRAME_S);
    expect(frameSeconds(0.5)).toBe(0.5);
    expect(frameSeconds(Number.NaN)).toBe(0);
    expect(frameSeconds(-1)).toBe(0);
  });
});
