// Entry point of the server processes that tests and benchmarks start, SIGKILL and restart.
import { PerformanceObserver } from 'node:perf_hooks';

if (process.env.SHOWROOM_TRACE_GC) {
  // Benchmarks: print garbage-collection pauses longer than 8 ms.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > 8) console.log(`gc pause ${e.duration.toFixed(1)} ms`);
  }).observe({ entryTypes: ['gc'] });
}
if (process.env.SHOWROOM_EXIT_WITH_PARENT) {
  // The parent holds our stdin open; when it dies, even by SIGKILL, the pipe closes and this server goes too.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
await import('../../server/main');
