// The server's one Prometheus registry: process metrics, the families in this folder, and gauges other modules register.
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { CounterFamily, HistogramFamily } from './series';

/** Every metric /metrics serves. */
export const metricsRegistry = new Registry();

let defaultsStarted = false;

/**
 * Starts prom-client's process metrics (CPU, resident memory, heap, event-loop lag, GC, handles) once per
 * process; the event-loop delay is sampled every 10 ms.
 */
export function startProcessMetrics(): void {
  if (defaultsStarted) return;
  defaultsStarted = true;
  collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 10 });
}

/** Adds a family from ./series.ts to the registry (its values are read at scrape time). */
export function registerFamily<F extends CounterFamily | HistogramFamily>(family: F): F {
  metricsRegistry.registerMetric(family as never);
  return family;
}

export interface GaugeSource {
  /** Prometheus metric name, e.g. `showroom_webhook_outbox_depth`. */
  name: string;
  help: string;
  /** Read when /metrics is scraped; the number is reported as is (undefined: the gauge is left out). */
  read: () => number | undefined;
}

/**
 * Registers a gauge whose value is read at scrape time, and returns a function that removes it (a server
 * closing takes its gauges with it). This is the place other modules report into: the webhook outbox's
 * depth and failures are meant to be registered here by the webhooks code, reading its own statistics.
 */
export function registerGauge(source: GaugeSource): () => void {
  const existing = metricsRegistry.getSingleMetric(source.name);
  if (existing) metricsRegistry.removeSingleMetric(source.name);
  const gauge = new Gauge({
    name: source.name,
    help: source.help,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      const v = source.read();
      if (v !== undefined && Number.isFinite(v)) this.set(v);
    },
  });
  return () => {
    if (metricsRegistry.getSingleMetric(source.name) === gauge) metricsRegistry.removeSingleMetric(source.name);
  };
}

/** The registry in the Prometheus text exposition format, and its content type. */
export async function metricsText(): Promise<{ body: string; contentType: string }> {
  return { body: await metricsRegistry.metrics(), contentType: metricsRegistry.contentType };
}
