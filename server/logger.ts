// The server's one logger (pino, JSON lines, used by Fastify): personal data redacted, request URLs without their query.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

/** Anything that looks like an email address inside a logged message. */
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;

/** Paths pino replaces with "[redacted]" wherever a log call passes them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'input',
  'password',
  'token',
  'email',
  'name',
  'phone',
  'cookie',
  'authorization',
  '*.input',
  '*.password',
  '*.token',
  '*.email',
  '*.name',
  '*.phone',
  '*.cookie',
  '*.authorization',
];

/** A request as logged: method, path without query (tRPC GET inputs travel in the query), client address. */
function requestSerializer(req: IncomingMessage & { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return { method: req.method, url: q < 0 ? url : url.slice(0, q), remoteAddress: req.ip ?? req.socket?.remoteAddress };
}

/** An error as logged: pino's standard fields with email addresses in the message and stack masked. */
function errorSerializer(err: Error) {
  const e = pino.stdSerializers.err(err) as ReturnType<typeof pino.stdSerializers.err> & Record<string, unknown>;
  if (typeof e.message === 'string') e.message = e.message.replace(EMAIL, '[email]');
  if (typeof e.stack === 'string') e.stack = e.stack.replace(EMAIL, '[email]');
  return e;
}

/**
 * Creates the logger at `level`, writing JSON lines to `destination`, by default standard output synchronously (the server logs little: no
 * line per request; a line is never lost to a crash or a kill).
 */
export function createLogger(level: LevelWithSilent, destination: DestinationStream = pino.destination({ fd: 1, sync: true })): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: requestSerializer,
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: errorSerializer,
      },
    },
    destination,
  );
}

/**
 * The logger for start-up and shutdown lines: at `info` even when LOG_LEVEL is quieter (warn, error), so
 * the address the server listens on is always printed; silent stays silent.
 */
export function lifecycleLogger(log: Logger): Logger {
  if (log.level === 'silent' || log.isLevelEnabled('info')) return log;
  return log.child({}, { level: 'info' });
}
