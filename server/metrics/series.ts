// Counters and histograms kept as plain numbers in JS, read by prom-client only when /metrics is scraped.
import type { MetricValueWithName } from 'prom-client';

/** What prom-client's Registry formats: a metric's name, help, type and values. */
export interface ExportedMetric {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  aggregator: 'sum';
  values: MetricValueWithName<string>[];
}

/** Request and database durations, seconds: 1 ms to 10 s. */
export const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10] as const;

type Labels = Record<string, string>;

/** One labelled counter: `value` is incremented directly on the hot path. */
export class CounterChild {
  value = 0;
  constructor(readonly labels: Labels) {}
  /** Adds `n` (default 1). */
  inc(n = 1): void {
    this.value += n;
  }
}

/** One labelled histogram: observe walks a dozen bounds and adds, nothing is allocated. */
export class HistogramChild {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;
  constructor(
    readonly labels: Labels,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length);
  }
  /** Records one value (in the family's unit). */
  observe(v: number): void {
    const b = this.bounds;
    let i = 0;
    while (i < b.length && v > b[i]!) i++;
    if (i < b.length) this.counts[i]!++;
    this.sum += v;
    this.count++;
  }
}

/** Children of one metric name, made once per label set; callers keep the child they use on hot paths. */
abstract class Family<C extends { labels: Labels }> {
  protected readonly children = new Map<string, C>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}
  protected abstract make(labels: Labels): C;
  /** The child for these label values (in `labelNames` order); created at first use. */
  child(...values: string[]): C {
    const key = values.join('\u0001');
    let c = this.children.get(key);
    if (!c) {
      const labels: Labels = {};
      this.labelNames.forEach((n, i) => (labels[n] = values[i] ?? ''));
      this.children.set(key, (c = this.make(labels)));
    }
    return c;
  }
  /** prom-client's Registry calls this on reset. */
  reset(): void {
    this.children.clear();
  }
}

/** A counter family (Prometheus type counter). */
export class CounterFamily extends Family<CounterChild> {
  readonly type = 'counter';
  protected make(labels: Labels) {
    return new CounterChild(labels);
  }
  /** The values in prom-client's export shape (what Registry.metrics() formats). */
  get(): ExportedMetric {
    const values = [...this.children.values()].map((c) => ({ labels: c.labels, value: c.value }));
    return { name: this.name, help: this.help, type: 'counter', aggregator: 'sum', values };
  }
}

/** A histogram family (Prometheus type histogram) with fixed upper bounds. */
export class HistogramFamily extends Family<HistogramChild> {
  readonly type = 'histogram';
  constructor(name: string, help: string, labelNames: readonly string[], readonly bounds: readonly number[] = SECONDS_BUCKETS) {
    super(name, help, labelNames);
  }
  protected make(labels: Labels) {
    return new HistogramChild(labels, this.bounds);
  }
  /** The buckets (cumulative), sum and count in prom-client's export shape. */
  get(): ExportedMetric {
    const values: MetricValueWithName<string>[] = [];
    for (const c of this.children.values()) {
      let acc = 0;
      this.bounds.forEach((le, i) => {
        acc += c.counts[i]!;
        values.push({ metricName: `${this.name}_bucket`, labels: { ...c.labels, le }, value: acc });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { ...c.labels, le: '+Inf' }, value: c.count });
      values.push({ metricName: `${this.name}_sum`, labels: c.labels, value: c.sum });
      values.push({ metricName: `${this.name}_count`, labels: c.labels, value: c.count });
    }
    return { name: this.name, help: this.help, type: 'histogram', aggregator: 'sum', values };
  }
}
