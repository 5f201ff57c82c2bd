// `npm run bench:export`: exports 1,000,000 events as CSV and NDJSON, reporting time, rows/s and peak memory against a 20,000-event baseline.
import fs from 'node:fs';
import { makeEventsDatabase, runExport } from './exportBench';

const LARGE = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const BASELINE = 20_000;

const fillStart = performance.now();
const large = makeEventsDatabase(LARGE);
const small = makeEventsDatabase(BASELINE);
console.log(`filled ${LARGE.toLocaleString('en-US')} + ${BASELINE.toLocaleString('en-US')} events in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
console.log('format  events      seconds  rows/s     MiB out  peak MiB  peak vs baseline  rows/s vs baseline');
try {
  for (const format of ['csv', 'ndjson'] as const) {
    const base = await runExport(small, format);
    const big = await runExport(large, format);
    if (big.rows !== LARGE || base.rows !== BASELINE) throw new Error(`exported ${big.rows} and ${base.rows} rows`);
    const rate = (r: typeof big) => r.rows / Math.max(r.seconds, 0.05);
    for (const r of [base, big]) {
      console.log(
        `${format.padEnd(7)} ${r.rows.toLocaleString('en-US').padStart(9)}  ${r.seconds.toFixed(1).padStart(7)}  ${Math.round(rate(r)).toLocaleString('en-US').padStart(9)}  ${(r.bytes / 1048576).toFixed(0).padStart(7)}  ${r.peakMiB.toFixed(0).padStart(8)}  ${r === big ? `${(big.peakMiB / base.peakMiB).toFixed(2)}x`.padStart(16) : 'baseline'.padStart(16)}  ${r === big ? `${(rate(big) / rate(base)).toFixed(2)}x`.padStart(18) : ''}`,
      );
    }
  }
} finally {
  fs.rmSync(large, { recursive: true, force: true });
  fs.rmSync(small, { recursive: true, force: true });
}
