// `showroom export` at scale (slow project): a million events stream out as CSV in bounded memory.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEventsDatabase, runExport } from '../../test/bench/exportBench';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('export at scale', () => {
  it('exports 1,000,000 events as CSV with memory no higher than a 20,000-event export allows', { timeout: 240_000 }, async () => {
    const large = makeEventsDatabase(1_000_000);
    const small = makeEventsDatabase(20_000);
    dirs.push(large, small);
    const base = await runExport(small, 'csv');
    const big = await runExport(large, 'csv');
    console.log(`export: 20,000 events peak ${base.peakMiB} MiB; 1,000,000 events peak ${big.peakMiB} MiB (${(big.peakMiB / base.peakMiB).toFixed(2)}x) in ${big.seconds} s`);
    expect(big.rows).toBe(1_000_000);
    expect(big.lines).toBe(1_000_001);
    expect(big.firstLine).toBe('id,session_id,visitor_id,seq,type,client_ts,server_ts,input,product_id,variant_id,props');
    expect(big.lastLine).toMatch(/^0190a000-0000-7000-8000-0000000f423f,00000000-0000-4000-9000-0000000003e7,00000000-0000-4000-8000-0000000003e7,999,cart_add,/);
    expect(big.stderr).toMatch(/^events: [\d,]+ of 1,000,000 rows \(\d+%\)$/m);
    // Fifty times the rows may not cost more than a bounded extra (the heap settles; 3,000,000 rows peak at the same level).
    expect(big.peakMiB).toBeLessThan(base.peakMiB * 1.6);
    expect(big.peakMiB - base.peakMiB).toBeLessThan(96);
  });
});
