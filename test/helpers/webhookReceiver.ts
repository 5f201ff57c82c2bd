// A real webhook receiver for tests: node:http on 127.0.0.1 that verifies Standard Webhooks signatures, answers as told and dedupes by webhook-id.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedHook {
  id: string;
  type: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  /** The signature verified with the endpoint's secret (set with `useSecret`). */
  verified: boolean;
  /** ms since the epoch when it arrived. */
  at: number;
}

/** What to answer to one request: a status code, or 'hang' to never answer. */
export type Answer = number | 'hang';

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order (tries included). */
  requests: ReceivedHook[];
  /** The first request of each webhook-id that was answered 2xx, in order: what a deduping receiver keeps. */
  accepted(): ReceivedHook[];
  useSecret(secret: string): void;
  answerWith(fn: (hook: ReceivedHook, triesOfThisId: number) => Answer): void;
  /** Resolves once `test` holds (checked on every request and every 20 ms), or rejects after `timeoutMs`. */
  waitFor(test: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let verifier: Webhook | null = null;
  let answer: (hook: ReceivedHook, tries: number) => Answer = () => 200;
  const requests: ReceivedHook[] = [];
  const ok: ReceivedHook[] = [];
  const okIds = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let verified = false;
      try {
        verifier?.verify(raw, headers);
        verified = verifier !== null;
      } catch {
        verified = false;
      }
      const body = JSON.parse(raw) as ReceivedHook['body'];
      const hook: ReceivedHook = { id: headers['webhook-id'] ?? '', type: body.type, body, verified, at: Date.now() };
      requests.push(hook);
      const a = answer(hook, requests.filter((r) => r.id === hook.id).length);
      if (a === 'hang') return;
      if (a >= 200 && a < 300 && !okIds.has(hook.id)) {
        okIds.add(hook.id);
        ok.push(hook);
      }
      res.writeHead(a, { 'content-type': 'text/plain' }).end(String(a));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    accepted: () => ok,
    useSecret: (s) => (verifier = new Webhook(s)),
    answerWith: (fn) => (answer = fn),
    waitFor(test, timeoutMs = 20_000, what = 'the webhooks') {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (test()) return resolve();
          if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}; got ${requests.map((r) => `${r.type}(${r.id})`).join(', ')}`));
          setTimeout(check, 20);
        };
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
