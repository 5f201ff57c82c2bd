// Sends one signed webhook request (Standard Webhooks headers), to checked addresses only, with a timeout and no redirects.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Webhook } from 'standardwebhooks';
import { checkedAddresses, guardedLookup, UnsafeTargetError } from './addressCheck';

export interface SendResult {
  /** A 2xx answer. */
  ok: boolean;
  /** The HTTP status, or null when there was no answer. */
  statusCode: number | null;
  /** Why it failed, for the delivery log (never the secret), or null. */
  error: string | null;
  /** From the start of the request to the end of the answer (or the failure), ms. */
  durationMs: number;
}

/** The three Standard Webhooks headers for `body` signed with `secret` (whsec_...) at `at`. */
export function signatureHeaders(secret: string, msgId: string, body: string, at: Date): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, at, body),
  };
}

/** At most this much of an answer's body is read (and thrown away), bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs `body` (JSON) to `url`, signed for `msgId`. Resolves (never rejects) with the outcome: a 3xx is a failure
 * (redirects are not followed), as are a refused address, a network error and no full answer within `timeoutMs`.
 */
export async function sendSigned(
  o: { url: string; secret: string; msgId: string; body: string; timeoutMs: number; allowPrivate: boolean },
  now = () => Date.now(),
): Promise<SendResult> {
  const started = performance.now();
  const took = () => performance.now() - started;
  const target = new URL(o.url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  try {
    // A literal address skips the lookup below, so check it here.
    if (net.isIP(host)) await checkedAddresses(host, o.allowPrivate);
  } catch (err) {
    return { ok: false, statusCode: null, error: (err as Error).message, durationMs: took() };
  }
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Showroom-Webhooks/1',
    ...signatureHeaders(o.secret, o.msgId, o.body, new Date(now())),
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const done = (r: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: took() });
    };
    const req = client.request(target, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(o.body) }, lookup: guardedLookup(o.allowPrivate), agent: false }, (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) res.destroy();
      });
      const finish = () => {
        const code = res.statusCode ?? 0;
        const ok = code >= 200 && code < 300;
        const error = ok ? null : code >= 300 && code < 400 ? `redirect to ${res.headers.location ?? '(no location)'} not followed` : `HTTP ${code}`;
        done({ ok, statusCode: code, error });
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ ok: false, statusCode: null, error: `no answer within ${o.timeoutMs} ms` });
    }, o.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      const unsafe = err instanceof UnsafeTargetError || err.code === 'EUNSAFE';
      done({ ok: false, statusCode: null, error: unsafe ? err.message : `${err.code ?? 'error'}: ${err.message}` });
    });
    req.end(o.body);
  });
}
