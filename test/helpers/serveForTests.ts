// Entry point of the server processes that the telemetry tests and benchmarks start, SIGKILL and restart.
import { PerformanceObserver } from 'node:perf_hooks';

if (process.env.SHOWROOM_TRACE_GC) {
  // Benchmarks: print garbage-collection pauses longer than 8 ms.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > 8) console.log(`gc pause ${e.duration.toFixed(1)} ms`);
  }).observe({ entryTypes: ['gc'] });
}
await import('../../server/main');
