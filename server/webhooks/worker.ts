// The delivery worker inside the server process: claims due outbox rows with a lease, sends them signed, records each try and schedules retries.
import crypto from 'node:crypto';
import os from 'node:os';
import type { Catalog } from '../contracts/catalog';
import type { DB } from '../db/connection';
import { type ClaimedDelivery, claimDue, dropUnsendable, finishTry, pruneFinished, setPayload } from '../db/webhooks';
import { nextAttemptAt } from './schedule';
import { sendSigned } from './send';
import { sessionEndedBody } from './sessionEnded';
import type { WebhookSettings } from './settings';

/** Rows claimed per round (each to its own endpoint and key, so they are sent side by side). */
export const CLAIM_BATCH = 16;
/** A claim outlives the request timeout by this much, ms, so a slow try is never sent twice at once. */
export const LEASE_MARGIN_MS = 5_000;
/** How often finished deliveries older than `settings.keepDays` are deleted from the log, ms. */
export const PRUNE_EVERY_MS = 3_600_000;

export interface WorkerDeps {
  db: DB;
  catalog: Catalog;
  now: () => number;
  settings: WebhookSettings;
  /** Base URL of links to staff pages (no trailing slash). */
  baseUrl: string;
  /** Reports a try that failed or a round that broke (never with a secret in it). */
  warn: (details: Record<string, unknown>, message: string) => void;
}

export interface WebhookWorker {
  /** Looks for due rows now instead of at the next poll. */
  kick(): void;
  /** Stops claiming and waits for the tries in flight (at most the request timeout). */
  stop(): Promise<void>;
}

/** The body to send for a claimed row: stored, or built now (session.ended) and stored for the next tries; null: cannot be sent. */
function bodyOf(deps: WorkerDeps, row: ClaimedDelivery): string | null {
  if (row.payload !== null) return row.payload;
  if (row.type !== 'session.ended' || row.subject === null) return null;
  const built = sessionEndedBody(deps.db, deps.catalog, row.subject, deps.baseUrl, deps.now());
  return built === null ? null : setPayload(deps.db, row.msgId, built);
}

/** Sends one claimed row and records the outcome. */
async function deliver(deps: WorkerDeps, owner: string, row: ClaimedDelivery): Promise<void> {
  const body = bodyOf(deps, row);
  if (body === null) {
    dropUnsendable(deps.db, row.id, 'what this event reports was erased before it could be sent', deps.now());
    return;
  }
  const { settings } = deps;
  const r = await sendSigned({ url: row.url, secret: row.secret, msgId: row.msgId, body, timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate }, deps.now);
  const now = deps.now();
  const next = r.ok ? null : nextAttemptAt(row.attempts, now, settings);
  const kept = finishTry(deps.db, row.id, owner, { ...r, nextAttemptAt: next, now });
  if (!r.ok) {
    deps.warn(
      { delivery: row.id, endpoint: row.endpointId, type: row.type, attempt: row.attempts, statusCode: r.statusCode, error: r.error, nextAttemptAt: next, leaseLost: !kept },
      next === null ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry',
    );
  }
}

/** Starts the worker: a round every `settings.pollMs` (at once again after a full round). */
export function startWebhookWorker(deps: WorkerDeps): WebhookWorker {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const leaseMs = deps.settings.timeoutMs + LEASE_MARGIN_MS;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let prunedAt = 0;

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(round, delay);
  };
  function round() {
    timer = null;
    if (stopped || running) return;
    let claimed: ClaimedDelivery[] = [];
    try {
      const now = deps.now();
      if (now - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now;
        pruneFinished(deps.db, now - deps.settings.keepDays * 86_400_000);
      }
      claimed = claimDue(deps.db, { now: deps.now(), leaseMs, owner, limit: CLAIM_BATCH });
    } catch (err) {
      deps.warn({ err }, 'webhook worker could not claim deliveries');
    }
    if (claimed.length === 0) return schedule(deps.settings.pollMs);
    running = Promise.all(
      claimed.map((row) =>
        deliver(deps, owner, row).catch((err: unknown) => deps.warn({ err, delivery: row.id }, 'webhook delivery could not be recorded')),
      ),
    ).then(() => {
      running = null;
      schedule(0);
    });
  }
  schedule(0);
  return {
    kick: () => {
      if (!running) schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
