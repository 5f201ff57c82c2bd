// Sends one ingest batch over HTTP (tRPC's wire format) and classifies the answer; sendBeacon for pages being left.
import type { IngestBatchInput, IngestResult } from '../../server/contracts/events';

export const INGEST_PATH = '/trpc/session.ingest';

export type SendResult =
  | ({ ok: true } & IngestResult)
  /** `status` 0 is a network failure (offline, connection refused or reset). */
  | { ok: false; status: number; message: string; retryAfterMs?: number };

export interface Transport {
  send(batch: IngestBatchInput): Promise<SendResult>;
}

/**
 * Posts batches with fetch to `base + /trpc/session.ingest`. The server's error message names bad
 * events (`events[3].ts: ...`); 429 answers carry Retry-After in seconds.
 */
export function fetchTransport(base = ''): Transport {
  const url = base + INGEST_PATH;
  return {
    async send(batch) {
      let res: Response;
      try {
        res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch), credentials: 'same-origin' });
      } catch (err) {
        return { ok: false, status: 0, message: String(err) };
      }
      type Answer = { result?: { data?: IngestResult }; error?: { message?: string } };
      let body: Answer | null = null;
      try {
        body = (await res.json()) as Answer;
      } catch {
        /* a proxy's HTML error page, or a dropped connection mid-body */
      }
      if (res.ok && body?.result?.data) return { ok: true, ...body.result.data };
      const retryAfter = Number(res.headers.get('retry-after'));
      return {
        ok: false,
        status: res.ok ? 502 : res.status,
        message: body?.error?.message ?? `HTTP ${res.status}`,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
      };
    },
  };
}

/**
 * Hands a batch to the browser to deliver after the page is gone. Returns false when the browser
 * refused it (over its in-flight quota of about 64 KiB): the events stay queued for the next visit.
 */
export function beaconSend(batch: IngestBatchInput, base = ''): boolean {
  const body = JSON.stringify(batch);
  const url = base + INGEST_PATH;
  // A string body goes as text/plain, which needs no CORS preflight; the server reads it as JSON.
  if (typeof navigator.sendBeacon === 'function') {
    try {
      return navigator.sendBeacon(url, body);
    } catch {
      return false;
    }
  }
  try {
    void fetch(url, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'text/plain;charset=UTF-8' } }).catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}

/** Indices of the events a 400 answer names (`events[3]...`), at most the first few the server lists. */
export function refusedIndices(message: string): number[] {
  const out = new Set<number>();
  for (const m of message.matchAll(/events\[(\d+)\]/g)) out.add(Number(m[1]));
  return [...out];
}
