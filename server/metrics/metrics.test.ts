// GET /metrics on the real server: the token guards it, METRICS_PORT moves it, and the counters and histograms follow requests.
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { root, startTestServer, tempDir, type TestServer } from '../../test/helpers/server';

const TOKEN = 'metrics-secret-0123456789';
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

/** The value of one sample in a Prometheus text page (0 when absent), e.g. sample(text, 'x_total{a="b"}'). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const scrape = async (url: string, token = TOKEN) => {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

async function post(url: string, procedure: string, input: unknown): Promise<Response> {
  return fetch(`${url}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify(input) });
}

describe('/metrics', () => {
  it('answers 401 without the token or with a wrong one, and the Prometheus text with it', async () => {
    const server = await startTestServer({ env: { SHOWROOM_METRICS_TOKEN: TOKEN } });
    servers.push(server);
    const bare = await fetch(`${server.url}/metrics`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await bare.text()).not.toMatch(/showroom_/);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
    const text = await scrape(server.url);
    for (const name of ['process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'showroom_up', 'showroom_uptime_seconds', 'showroom_sqlite_wal_bytes', 'showroom_live_streams_open']) {
      expect(text, name).toMatch(new RegExp(`^${name}(\\{.*\\})? `, 'm'));
    }
    expect(sample(text, 'showroom_up')).toBe(1);
  });

  it('counts requests and ingest, with duration, queue, service and wait histograms per procedure', async () => {
    const server = await startTestServer({ env: { SHOWROOM_METRICS_TOKEN: TOKEN } });
    servers.push(server);
    const before = await scrape(server.url);

    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const start = await post(server.url, 'session.start', { visitorId: crypto.randomUUID(), mode: 'desktop' });
    const { sessionId, token } = ((await start.json()) as { result: { data: { sessionId: string; token: string } } }).result.data;
    const events = Array.from({ length: 7 }, (_, seq) => ({ id: uuidv7(), seq, ts: Date.now(), type: 'product_select', input: 'mouse', productId: 'fjord-sofa', props: {} }));
    expect((await post(server.url, 'session.ingest', { sessionId, token, events })).status).toBe(200);
    expect((await post(server.url, 'session.ingest', { sessionId, token, events })).status).toBe(200); // all duplicates
    expect((await post(server.url, 'session.ingest', { sessionId, token: 'x'.repeat(43), events })).status).toBe(403);
    expect((await post(server.url, 'session.ingest', { sessionId, token, events: [{ ...events[0], productId: 'no-such-product', id: uuidv7() }] })).status).toBe(400);
    expect((await fetch(`${server.url}/no/such/page`)).status).toBe(404);

    const after = await scrape(server.url);
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('showroom_http_requests_total{procedure="/healthz",status="200"}')).toBe(3);
    expect(delta('showroom_http_requests_total{procedure="session.ingest",status="200"}')).toBe(2);
    expect(delta('showroom_http_requests_total{procedure="session.ingest",status="403"}')).toBe(1);
    expect(delta('showroom_http_errors_total{procedure="session.ingest",kind="client"}')).toBe(2);
    expect(delta('showroom_http_errors_total{procedure="unmatched",kind="client"}')).toBe(1);
    expect(delta('showroom_http_request_duration_seconds_count{procedure="session.start",status="200"}')).toBe(1);
    expect(after).toMatch(/^showroom_http_request_duration_seconds_bucket\{procedure="session.ingest",status="200",le="0.05"\} \d+$/m);
    expect(sample(after, 'showroom_http_request_duration_seconds_bucket{procedure="session.ingest",status="200",le="+Inf"}')).toBe(2);
    for (const h of ['queue', 'service', 'db_wait']) {
      expect(sample(after, `showroom_http_${h}_seconds_count{procedure="session.ingest"}`), h).toBe(4);
      expect(sample(after, `showroom_http_${h}_seconds_count{procedure="session.start"}`), h).toBe(1);
    }
    // The group commit waits up to 4 ms for other batches: an accepted batch's database wait is above zero.
    expect(sample(after, 'showroom_http_db_wait_seconds_sum{procedure="session.ingest"}')).toBeGreaterThan(0);
    expect(delta('showroom_ingest_events_total{outcome="accepted"}')).toBe(7);
    expect(delta('showroom_ingest_events_total{outcome="duplicate"}')).toBe(7);
    expect(delta('showroom_ingest_batch_events_count')).toBe(2);
    expect(delta('showroom_ingest_refused_batches_total{reason="token"}')).toBe(1);
    expect(delta('showroom_ingest_refused_events_total{reason="token"}')).toBe(7);
    expect(delta('showroom_ingest_refused_batches_total{reason="unknown_product"}')).toBe(1);
    expect(delta('showroom_ingest_commit_batches_count')).toBe(2);
  });

  it('on METRICS_PORT, serves /metrics there (with the token when set) and not on the main port', async () => {
    const server = await startTestServer({ env: { METRICS_PORT: '0', SHOWROOM_METRICS_TOKEN: TOKEN } });
    servers.push(server);
    const metricsUrl = /Metrics at (http:\/\/[^/\s"]+)\/metrics/.exec(server.output())?.[1];
    expect(metricsUrl, server.output()).toBeDefined();
    expect(metricsUrl).not.toBe(server.url);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect((await fetch(`${metricsUrl}/metrics`)).status).toBe(401);
    await fetch(`${server.url}/healthz`);
    const text = await scrape(metricsUrl!);
    expect(sample(text, 'showroom_http_requests_total{procedure="/healthz",status="200"}')).toBe(1);
  });

  it('serves every metric the Grafana dashboard (docs/grafana-showroom.json) reads', async () => {
    const server = await startTestServer({ env: { SHOWROOM_METRICS_TOKEN: TOKEN, SHOWROOM_BACKUP_DIR: path.join(tempDir(), 'b'), SHOWROOM_BACKUP_EVERY: '1h' } });
    servers.push(server);
    for (;;) {
      const h = (await (await fetch(`${server.url}/healthz`)).json()) as { backup: unknown };
      if (h.backup) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const served = new Set([...(await scrape(server.url)).matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
    const dashboard = JSON.parse(fs.readFileSync(path.join(root, 'docs/grafana-showroom.json'), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
    const read = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/\b((?:showroom|nodejs|process)_[a-z0-9_]+)/g)].map((m) => m[1]!))));
    expect(read.size).toBeGreaterThan(20);
    const missing = [...read].filter((name) => !served.has(name) && !served.has(name.replace(/_(bucket|sum|count)$/, '')));
    expect(missing).toEqual([]);
  });
});
