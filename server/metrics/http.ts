// Request metrics: duration, count and errors per procedure and status, and each answer split into queue, service and wait.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registerFamily } from './registry';
import { CounterFamily, type CounterChild, HistogramFamily, type HistogramChild } from './series';
import { sqliteMs } from './sqliteTime';

declare module 'fastify' {
  interface FastifyRequest {
    /** performance.now() when the request's headers had been read (onRequest), ms. */
    metricsArrivedAt: number;
    /** performance.now() when its handler started (after body parsing and hooks), ms; 0 if it never did. */
    metricsHandlerAt: number;
    /** The process's SQLite time (./sqliteTime.ts) when the handler started, ms. */
    metricsSqliteAt: number;
    /** Time this request waited on the database, ms, when its handler measured it itself (ingest's group commit); -1 otherwise. */
    metricsDbWaitMs: number;
  }
}

const duration = registerFamily(
  new HistogramFamily('showroom_http_request_duration_seconds', 'Time from a request\'s arrival to its answer, by procedure (tRPC path or route) and HTTP status', ['procedure', 'status']),
);
const requests = registerFamily(new CounterFamily('showroom_http_requests_total', 'Requests answered, by procedure and HTTP status', ['procedure', 'status']));
const errors = registerFamily(
  new CounterFamily('showroom_http_errors_total', 'Requests answered with an error status, by procedure and kind (client: 4xx, server: 5xx)', ['procedure', 'kind']),
);
const queue = registerFamily(
  new HistogramFamily('showroom_http_queue_seconds', 'Time from a request\'s arrival to its handler starting (reading and parsing the body, hooks, waiting for the event loop)', ['procedure']),
);
const service = registerFamily(new HistogramFamily('showroom_http_service_seconds', 'Time from the handler starting to the answer being sent', ['procedure']));
const wait = registerFamily(
  new HistogramFamily('showroom_http_db_wait_seconds', 'Part of the service time spent waiting on SQLite (statement calls; for ingest, the group commit)', ['procedure']),
);

interface StatusSeries {
  duration: HistogramChild;
  requests: CounterChild;
  errors: CounterChild | null;
}

/** Every series of one procedure label, made once; the per-status ones at a status's first answer. */
class ProcedureSeries {
  readonly queue: HistogramChild;
  readonly service: HistogramChild;
  readonly wait: HistogramChild;
  private readonly byStatus: (StatusSeries | undefined)[] = [];
  constructor(readonly procedure: string) {
    this.queue = queue.child(procedure);
    this.service = service.child(procedure);
    this.wait = wait.child(procedure);
  }
  status(code: number): StatusSeries {
    let s = this.byStatus[code];
    if (!s) {
      const status = String(code);
      const kind = code >= 500 ? 'server' : code >= 400 ? 'client' : null;
      s = { duration: duration.child(this.procedure, status), requests: requests.child(this.procedure, status), errors: kind ? errors.child(this.procedure, kind) : null };
      this.byStatus[code] = s;
    }
    return s;
  }
}

/**
 * Adds the hooks that time every request of `app`. `procedures` are the tRPC paths (the label of a request to
 * `/trpc/<path>`); a tRPC batch of several procedures is labelled `batch`, an unknown path `unknown`, any other
 * request its route pattern (e.g. `/healthz`, `/assets/*`) or `unmatched`. Labels are bounded by the router.
 * On the hot path (a known URL) the hooks read the clock and add to numbers kept in JS: no label objects.
 */
export function installRequestMetrics(app: FastifyInstance, procedures: readonly string[]): void {
  // Series are made at a label's first request, so /metrics lists only what was used.
  const series = new Map<string, ProcedureSeries>();
  const seriesFor = (label: string) => {
    let s = series.get(label);
    if (!s) series.set(label, (s = new ProcedureSeries(label)));
    return s;
  };
  const byUrl = new Map<string, string>(procedures.map((p) => [`/trpc/${p}`, p]));
  const known = new Set(procedures);

  const seriesOf = (req: FastifyRequest): ProcedureSeries => {
    const exact = byUrl.get(req.url);
    if (exact !== undefined) return seriesFor(exact);
    if (req.url.startsWith('/trpc/')) {
      const q = req.url.indexOf('?');
      const p = q < 0 ? req.url.slice(6) : req.url.slice(6, q);
      return seriesFor(known.has(p) ? p : p.includes(',') || p.includes('%2C') ? 'batch' : 'unknown');
    }
    return seriesFor(req.routeOptions.url ?? 'unmatched');
  };

  app.decorateRequest('metricsArrivedAt', 0);
  app.decorateRequest('metricsHandlerAt', 0);
  app.decorateRequest('metricsSqliteAt', 0);
  app.decorateRequest('metricsDbWaitMs', -1);
  app.addHook('onRequest', (req, _reply, done) => {
    req.metricsArrivedAt = performance.now();
    done();
  });
  app.addHook('preHandler', (req, _reply, done) => {
    req.metricsHandlerAt = performance.now();
    req.metricsSqliteAt = sqliteMs();
    done();
  });
  app.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done) => {
    const end = performance.now();
    const s = seriesOf(req);
    const st = s.status(reply.statusCode);
    st.duration.observe((end - req.metricsArrivedAt) / 1000);
    st.requests.inc();
    st.errors?.inc();
    if (req.metricsHandlerAt > 0) {
      s.queue.observe((req.metricsHandlerAt - req.metricsArrivedAt) / 1000);
      s.service.observe((end - req.metricsHandlerAt) / 1000);
      s.wait.observe((req.metricsDbWaitMs >= 0 ? req.metricsDbWaitMs : sqliteMs() - req.metricsSqliteAt) / 1000);
    }
    done();
  });
}
