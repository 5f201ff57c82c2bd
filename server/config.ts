// Server configuration read from environment variables and validated once at start.
import path from 'node:path';
import { z } from 'zod';

const portSchema = z.coerce
  .number({ error: 'must be a whole number between 0 and 65535' })
  .int('must be a whole number between 0 and 65535')
  .min(0, 'must be a whole number between 0 and 65535')
  .max(65535, 'must be a whole number between 0 and 65535');

/** A period like `90s`, `30m`, `6h` or `1d`, read as milliseconds. */
const periodSchema = z
  .string()
  .regex(/^[1-9]\d*(s|m|h|d)$/, 'must be a whole number and a unit, e.g. 30m, 6h or 1d (s, m, h, d)')
  .transform((v) => Number(v.slice(0, -1)) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[v.slice(-1) as 's' | 'm' | 'h' | 'd']);

const envSchema = z.object({
  PORT: portSchema.default(8080),
  HOST: z
    .string()
    .min(1, 'must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0')
    .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  SHOWROOM_DATA_DIR: z.string().min(1, 'must be a folder path').default('./data'),
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SHOWROOM_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (a random secret Prometheus sends as a Bearer token)').optional(),
  METRICS_PORT: portSchema.optional(),
  SHOWROOM_BACKUP_DIR: z.string().min(1, 'must be a folder path').optional(),
  SHOWROOM_BACKUP_EVERY: periodSchema.default(86_400_000),
  SHOWROOM_BACKUP_KEEP: z.coerce
    .number({ error: 'must be a whole number of backups to keep, at least 1' })
    .int('must be a whole number of backups to keep, at least 1')
    .min(1, 'must be a whole number of backups to keep, at least 1')
    .max(10_000, 'must be at most 10000')
    .default(7),
});

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the folder holding the SQLite database file(s). */
  dataDir: string;
  /** Absolute path of the SQLite database file. */
  dbFile: string;
  /** Absolute path of the assets folder (catalogue, models, fonts). */
  assetsDir: string;
  /** Absolute path of the built client, served as static files. */
  clientDir: string;
  tls: { cert: string; key: string } | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /**
   * Where GET /metrics is served: `port` set, on that port only (0: a free one); `token` set, only to
   * `Authorization: Bearer <token>`. Null when neither variable is set (no /metrics).
   */
  metrics: { port: number | null; token: string | null } | null;
  /** Scheduled online backups into `dir` every `everyMs`, keeping the newest `keep`; null when SHOWROOM_BACKUP_DIR is unset. */
  backups: { dir: string; everyMs: number; keep: number } | null;
}

/** Thrown for a bad environment variable; the message names the variable and what it accepts. */
export class ConfigError extends Error {}

export const projectRoot = path.resolve(import.meta.dirname, '..');

/** Reads and validates the configuration from `env` (normally `process.env`). Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name}=${JSON.stringify(cleaned[name] ?? '')} ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT) !== Boolean(e.TLS_KEY)) {
    throw new ConfigError(
      'Invalid configuration:\n  TLS_CERT and TLS_KEY must be set together (paths to a PEM certificate and its private key)',
    );
  }
  const dataDir = path.resolve(e.SHOWROOM_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: path.join(dataDir, 'showroom.sqlite'),
    assetsDir: path.join(projectRoot, 'assets'),
    clientDir: path.join(projectRoot, 'dist', 'client'),
    tls: e.TLS_CERT && e.TLS_KEY ? { cert: path.resolve(e.TLS_CERT), key: path.resolve(e.TLS_KEY) } : null,
    logLevel: e.LOG_LEVEL,
    metrics: e.SHOWROOM_METRICS_TOKEN || e.METRICS_PORT !== undefined ? { port: e.METRICS_PORT ?? null, token: e.SHOWROOM_METRICS_TOKEN ?? null } : null,
    backups: e.SHOWROOM_BACKUP_DIR ? { dir: path.resolve(e.SHOWROOM_BACKUP_DIR), everyMs: e.SHOWROOM_BACKUP_EVERY, keep: e.SHOWROOM_BACKUP_KEEP } : null,
  };
}
