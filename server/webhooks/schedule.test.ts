// The retry schedule (exponential, jittered, about a day with the defaults) and the webhook settings' validation.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { nextAttemptAt, retryDelayMs } from './schedule';
import { webhookSettings } from './settings';

describe('retry schedule', () => {
  const defaults = webhookSettings({});

  it('waits four times longer after each failed try, at most 8 h, and gives up after the last try', () => {
    const waits = Array.from({ length: defaults.maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1, defaults.retryBaseMs, 0.5));
    expect(waits.map((ms) => ms / 1000)).toEqual([30, 120, 480, 1920, 7680, 28800, 28800, 28800]);
    const totalHours = waits.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(totalHours).toBeGreaterThan(24);
    expect(totalHours).toBeLessThan(30);
    expect(nextAttemptAt(defaults.maxAttempts, 1_000, defaults)).toBeNull();
    expect(nextAttemptAt(1, 1_000, defaults, 0.5)).toBe(31_000);
  });

  it('spreads each wait by up to 20 % either way', () => {
    expect(retryDelayMs(2, 1000, 0)).toBe(3200);
    expect(retryDelayMs(2, 1000, 0.999999)).toBe(4800);
  });
});

describe('webhook settings', () => {
  it('has safe defaults: no private targets, a 10 s timeout, nine tries', () => {
    expect(webhookSettings({})).toEqual({ allowPrivate: false, timeoutMs: 10_000, retryBaseMs: 30_000, maxAttempts: 9, pollMs: 1_000, keepDays: 30, publicUrl: null });
    expect(webhookSettings({ SHOWROOM_WEBHOOK_ALLOW_PRIVATE: '1', SHOWROOM_PUBLIC_URL: 'https://showroom.example.com/' })).toMatchObject({ allowPrivate: true, publicUrl: 'https://showroom.example.com' });
  });

  it('names a bad variable and what it accepts', () => {
    expect(() => webhookSettings({ SHOWROOM_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(ConfigError);
    expect(() => webhookSettings({ SHOWROOM_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow('SHOWROOM_WEBHOOK_ALLOW_PRIVATE="yes" must be 1 (allow) or 0');
    expect(() => webhookSettings({ SHOWROOM_WEBHOOK_TIMEOUT_MS: '5' })).toThrow(/SHOWROOM_WEBHOOK_TIMEOUT_MS="5" must be a whole number of ms from 100 to 60000/);
    expect(() => webhookSettings({ SHOWROOM_PUBLIC_URL: 'ftp://x' })).toThrow(/SHOWROOM_PUBLIC_URL/);
  });
});
