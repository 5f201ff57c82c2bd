// The retry schedule of a webhook delivery: exponential backoff with jitter, about a day in all by default.
import type { WebhookSettings } from './settings';

/** Each retry waits this many times longer than the one before. */
export const BACKOFF_FACTOR = 4;
/** No single wait is longer than this, ms (8 h). */
export const MAX_DELAY_MS = 8 * 3_600_000;
/** Each wait is spread by up to this fraction either way, so endpoints that fail together do not retry together. */
export const JITTER = 0.2;

/**
 * The wait after failed try number `attempt` (from 1), ms: `retryBaseMs * 4^(attempt-1)` capped at 8 h, ±20 %.
 * `random` is in [0, 1). With the defaults (30 s, 9 tries) the waits are 30 s, 2 min, 8 min, 32 min, 2 h 8 min,
 * then 8 h three times: the last try is about 27 hours after the first.
 */
export function retryDelayMs(attempt: number, retryBaseMs: number, random = Math.random()): number {
  const plain = Math.min(retryBaseMs * BACKOFF_FACTOR ** (attempt - 1), MAX_DELAY_MS);
  return Math.round(plain * (1 - JITTER + 2 * JITTER * random));
}

/** When to try again after failed try number `attempt` at `now` (ms), or null when that was the last try. */
export function nextAttemptAt(attempt: number, now: number, s: Pick<WebhookSettings, 'retryBaseMs' | 'maxAttempts'>, random = Math.random()): number | null {
  return attempt >= s.maxAttempts ? null : now + retryDelayMs(attempt, s.retryBaseMs, random);
}
