// Webhook delivery settings read from environment variables (private addresses, timeout, retry schedule, public URL).
import { z } from 'zod';
import { ConfigError } from '../config';

const ms = (min: number, max: number) => z.coerce.number({ error: `must be a whole number of ms from ${min} to ${max}` }).int().min(min).max(max);

const envSchema = z.object({
  SHOWROOM_WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1'], { error: 'must be 1 (allow) or 0' }).default('0'),
  SHOWROOM_WEBHOOK_TIMEOUT_MS: ms(100, 60_000).default(10_000),
  SHOWROOM_WEBHOOK_RETRY_BASE_MS: ms(1, 3_600_000).default(30_000),
  SHOWROOM_WEBHOOK_MAX_ATTEMPTS: z.coerce.number({ error: 'must be a whole number from 1 to 20' }).int().min(1).max(20).default(9),
  SHOWROOM_WEBHOOK_POLL_MS: ms(10, 60_000).default(1_000),
  SHOWROOM_WEBHOOK_KEEP_DAYS: z.coerce.number({ error: 'must be a whole number of days from 1 to 3650' }).int().min(1).max(3650).default(30),
  SHOWROOM_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be the URL staff open the server at, e.g. https://showroom.example.com' }).optional(),
});

export interface WebhookSettings {
  /** Endpoints on loopback, link-local and private addresses are allowed (tests, a CRM on the LAN). */
  allowPrivate: boolean;
  /** One try gives up after this long, ms. */
  timeoutMs: number;
  /** The first retry's delay, ms; each later one is four times longer (at most 8 h), ±20 % jitter. */
  retryBaseMs: number;
  /** Tries before a delivery is marked failed. */
  maxAttempts: number;
  /** How often the worker looks for due deliveries, ms. */
  pollMs: number;
  /** Finished deliveries stay in the log this many days. */
  keepDays: number;
  /** Base of links to staff pages in payloads (no trailing slash), or null to use the server's own URL. */
  publicUrl: string | null;
}

/** Reads and validates the webhook settings; empty strings count as unset. Throws ConfigError naming the variable. */
export function webhookSettings(env: Record<string, string | undefined> = process.env): WebhookSettings {
  const cleaned = Object.fromEntries(Object.keys(envSchema.shape).flatMap((k) => (env[k] ? [[k, env[k]]] : [])));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')} ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    allowPrivate: e.SHOWROOM_WEBHOOK_ALLOW_PRIVATE === '1',
    timeoutMs: e.SHOWROOM_WEBHOOK_TIMEOUT_MS,
    retryBaseMs: e.SHOWROOM_WEBHOOK_RETRY_BASE_MS,
    maxAttempts: e.SHOWROOM_WEBHOOK_MAX_ATTEMPTS,
    pollMs: e.SHOWROOM_WEBHOOK_POLL_MS,
    keepDays: e.SHOWROOM_WEBHOOK_KEEP_DAYS,
    publicUrl: e.SHOWROOM_PUBLIC_URL ? e.SHOWROOM_PUBLIC_URL.replace(/\/+$/, '') : null,
  };
}
