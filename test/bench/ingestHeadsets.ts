// `npm run bench:ingest:headsets`: K simulated headsets, each one session on its own keep-alive connection, sending like delivery.ts.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../../server/db/connection';
import { insertBatch } from '../../server/db/events';
import { migrate } from '../../server/db/migrate';
import { createSession } from '../../server/db/sessions';
import { tempDir } from '../helpers/server';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { headsetBatch } from './eventMix';
import { fmt, pct, post, startSessions, type BenchSession } from './ingestClient';

const KS = (process.env.BENCH_HEADSETS ?? '250,500,1000,2000,4000').split(',').map(Number);
/** Measured seconds per K, after a ramp-up of RAMP_S (one full send interval and then some). */
const SECONDS = Number(process.env.BENCH_HEADSET_SECONDS ?? 20);
const RAMP_S = Number(process.env.BENCH_HEADSET_RAMP ?? 4);
/** delivery.ts: FLUSH_INTERVAL_MS. */
const INTERVAL_MS = 2000;
const EVENTS_PER_BATCH = 21;
const P99_TARGET_MS = 50;

/** In-process reference: CPU per headset batch of insertBatch (rollups included, no HTTP, no validation), µs. */
function insertBatchCost(): { usPerBatch: number; eventsPerSecond: number } {
  const dir = tempDir('showroom-bench-headsets-');
  const db = openDatabase(path.join(dir, 'ref.sqlite'));
  migrate(db);
  const sessions = Array.from({ length: 200 }, () => uuidv7());
  for (const id of sessions) createSession(db, { id, visitorId: crypto.randomUUID(), tokenHash: Buffer.alloc(32), mode: 'vr', userAgent: '', now: Date.now() });
  const rounds = 15;
  const batches = sessions.flatMap((_, s) => Array.from({ length: rounds }, (_, r) => ({ s, events: headsetBatch(r * 21, Date.now() - (rounds - r) * INTERVAL_MS, (s % 20) - 10, (s % 7) * 2 - 7) })));
  batches.sort((a, b) => a.events[0]!.seq - b.events[0]!.seq);
  const warm = batches.splice(0, 200);
  for (const b of warm) insertBatch(db, sessions[b.s]!, b.events);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const b of batches) insertBatch(db, sessions[b.s]!, b.events);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { usPerBatch: (cpu.user + cpu.system) / batches.length, eventsPerSecond: (batches.length * EVENTS_PER_BATCH) / wall };
}

interface Run {
  k: number;
  /** p99 of how late sends left the generator, ms. */
  lagP99: number;
  /** p99 of latency counted from the actual send, ms. */
  sentP99: number;
  requests: number;
  stored: number;
  latencies: number[];
  errors: Map<string, number>;
  cpuMsPerRequest: number;
  serverCpuShare: number;
  seconds: number;
}

/** K headsets for RAMP_S + SECONDS; only sends scheduled in the measured window count. Latency runs from the scheduled send time. */
async function runHeadsets(server: ServerProcess, k: number): Promise<Run> {
  const setup = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const sessions: BenchSession[] = await startSessions(setup, server.url, k, 16);
  setup.destroy();
  const url = new URL('/trpc/session.ingest', server.url);
  // Every body made before the clock starts (each event a new id), so the generator's own work does not delay sends.
  const sends = Math.ceil(((RAMP_S + SECONDS) * 1000) / INTERVAL_MS) + 1;
  const wallNow = Date.now() + 200;
  const bodies = sessions.map((s, h) => {
    const x0 = ((h * 7) % 40) - 20, z0 = ((h * 13) % 30) - 15;
    return Array.from({ length: sends }, (_, n) => JSON.stringify({ ...s, events: headsetBatch(n * EVENTS_PER_BATCH, wallNow + n * INTERVAL_MS - INTERVAL_MS, x0, z0) }));
  });
  /** How late each counted send left the load generator, ms (a busy generator shows here, not as server latency). */
  const lags: number[] = [];
  /** Latency from the moment the request left, ms: the server's and the network's part only. */
  const fromSend: number[] = [];
  const start = performance.now() + 200;
  const measureFrom = start + RAMP_S * 1000;
  const measureTo = measureFrom + SECONDS * 1000;
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let requests = 0;
  let stored = 0;
  let inWindowDone = 0;
  const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));
  // Server CPU over the measured window, and the answers that arrived within it.
  const cpuWindow = (async () => {
    await sleepUntil(measureFrom);
    const from = server.cpuSeconds();
    const doneBefore = inWindowDone;
    await sleepUntil(measureTo);
    return { cpu: server.cpuSeconds() - from, answers: inWindowDone - doneBefore };
  })();
  const error = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
  const agents: http.Agent[] = [];
  await Promise.all(
    sessions.map(async (s, h, all) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      let i = 0;
      for (let due = start + (h / all.length) * INTERVAL_MS; due < measureTo; due += INTERVAL_MS) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const body = bodies[h]![i++]!;
        const counted = due >= measureFrom;
        if (counted) lags.push(performance.now() - due);
        try {
          const r = await post(agent, url, body);
          if (counted) fromSend.push(r.ms);
          const done = performance.now();
          inWindowDone++;
          if (!counted) continue;
          requests++;
          latencies.push(done - due);
          if (r.status === 200) stored += (JSON.parse(r.text) as { result: { data: { accepted: number } } }).result.data.accepted;
          else error(String(r.status));
        } catch (err) {
          if (counted) error((err as NodeJS.ErrnoException).code ?? 'network');
        }
      }
    }),
  );
  const { cpu, answers } = await cpuWindow;
  for (const a of agents) a.destroy();
  return {
    k,
    lagP99: pct(lags.sort((a, b) => a - b), 99),
    sentP99: pct(fromSend.sort((a, b) => a - b), 99),
    requests,
    stored,
    latencies: latencies.sort((a, b) => a - b),
    errors,
    cpuMsPerRequest: (cpu * 1000) / Math.max(1, answers),
    serverCpuShare: cpu / SECONDS,
    seconds: SECONDS,
  };
}

/** Runs the headsets benchmark and prints one line per K. */
export async function headsetsBench(): Promise<void> {
  console.log(`Headsets: K sessions, each on its own keep-alive connection, sending ${EVENTS_PER_BATCH} events (20 business events and one 20-sample`);
  console.log(`VR pose chunk) every ${INTERVAL_MS / 1000} s, start times spread over the interval; ${RAMP_S} s ramp-up, then ${SECONDS} s measured per K.`);
  console.log('Latency is from the scheduled send time (a send waits for the headset\'s previous answer, as delivery.ts does);');
  console.log('"generator lag" is how late sends left this process, "p99 from send" the latency once a request had left.');
  console.log('The machine has 2 cores shared with the load generator and other work: compare figures within one run.\n');
  const ref = insertBatchCost();
  console.log(`reference, in process: insertBatch() of one headset batch (rollups included, no HTTP or validation): ${ref.usPerBatch.toFixed(0)} µs CPU, ${fmt(ref.eventsPerSecond)} events/s\n`);
  const server = await startServerProcess({ env: { SHOWROOM_TRACE_GC: '1' } });
  const runs: Run[] = [];
  try {
    console.log('      K   req/s  events/s    p50 ms   p95 ms   p99 ms  errors  server CPU/req  server CPU  (insertBatch alone)  generator lag p99  p99 from send');
    for (const k of KS) {
      const r = await runHeadsets(server, k);
      runs.push(r);
      const errs = r.errors.size ? JSON.stringify(Object.fromEntries(r.errors)) : '0';
      console.log(
        `${String(k).padStart(7)} ${fmt(r.requests / r.seconds).padStart(7)} ${fmt(r.stored / r.seconds).padStart(9)} ${pct(r.latencies, 50).toFixed(1).padStart(9)} ${pct(r.latencies, 95).toFixed(1).padStart(8)} ${pct(r.latencies, 99).toFixed(1).padStart(8)}  ${errs.padStart(6)}  ${r.cpuMsPerRequest.toFixed(2).padStart(11)} ms  ${(r.serverCpuShare * 100).toFixed(0).padStart(7)}%   (${(ref.usPerBatch / 1000).toFixed(2)} ms)  ${r.lagP99.toFixed(1).padStart(12)} ms  ${r.sentP99.toFixed(1).padStart(10)} ms`,
      );
    }
  } finally {
    await server.kill();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  const ok = runs.filter((r) => r.errors.size === 0 && pct(r.latencies, 99) <= P99_TARGET_MS).map((r) => r.k);
  console.log(`\nlargest K with p99 <= ${P99_TARGET_MS} ms and no errors: ${ok.length ? Math.max(...ok) : 'none'}    target 2,000: ${ok.includes(2000) || ok.some((k) => k > 2000) ? 'MET' : 'NOT MET'}`);
  const at2000 = runs.find((r) => r.k === 2000);
  if (at2000) console.log(`server CPU per headset batch at K = 2,000: ${at2000.cpuMsPerRequest.toFixed(2)} ms    target <= 1 ms: ${at2000.cpuMsPerRequest <= 1 ? 'MET' : 'NOT MET'}`);
}
