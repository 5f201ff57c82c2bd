// HTTP helpers the ingest benchmarks share: POST a body on a keep-alive agent, start customer sessions, percentiles.
import http from 'node:http';

export interface Answer {
  status: number;
  /** Time from the call to the end of the answer, ms. */
  ms: number;
  text: string;
}

/** POSTs a JSON body through `agent`; resolves with the status code, the time it took (ms) and the answer text. */
export function post(agent: http.Agent, url: URL, body: string): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface BenchSession {
  sessionId: string;
  token: string;
}

/** Starts `n` desktop sessions on the server at `base`, `parallel` at a time. */
export async function startSessions(agent: http.Agent, base: string, n: number, parallel = 8): Promise<BenchSession[]> {
  const url = new URL('/trpc/session.start', base);
  const out: BenchSession[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, n) }, async () => {
      while (next < n) {
        const i = next++;
        const r = await post(agent, url, JSON.stringify({ visitorId: crypto.randomUUID(), mode: 'desktop' }));
        if (r.status !== 200) throw new Error(`session.start answered ${r.status}: ${r.text}`);
        out[i] = (JSON.parse(r.text) as { result: { data: BenchSession } }).result.data;
      }
    }),
  );
  return out;
}

/** The p-th percentile (0..100) of ascending `sorted`. */
export const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
