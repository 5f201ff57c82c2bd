// Live streams open right now (the staff Live page's session stream, each showroom tab's message inbox).
import { Gauge } from 'prom-client';
import { metricsRegistry } from './registry';

/** Which live stream: `sessions` (staff Live page) or `inbox` (a customer's messages). */
export type LiveStreamKind = 'sessions' | 'inbox';

const open: Record<LiveStreamKind, number> = { sessions: 0, inbox: 0 };

new Gauge({
  name: 'showroom_live_streams_open',
  help: 'Live server-sent event streams open, by stream (sessions: staff Live page; inbox: a showroom tab\'s messages)',
  labelNames: ['stream'],
  registers: [metricsRegistry],
  collect() {
    for (const kind of Object.keys(open) as LiveStreamKind[]) this.set({ stream: kind }, open[kind]);
  },
});

/** Counts a stream of `kind` as open; call the returned function once when it ends. */
export function streamOpened(kind: LiveStreamKind): () => void {
  open[kind]++;
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    open[kind]--;
  };
}
