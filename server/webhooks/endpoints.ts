// Managing webhook endpoints (create with a secret shown once, change, remove, test) and their delivery log and resends, each change audited.
import crypto from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { v7 as uuidv7 } from 'uuid';
import { type Page, pageOf } from '../contracts/paging';
import type { DeliveryListInput, ResendInput, WebhookCreate, WebhookDelivery, WebhookEndpoint, WebhookUpdate } from '../contracts/webhooks';
import { type Actor, appendAudit } from '../db/audit';
import type { DB } from '../db/connection';
import { deleteEndpoint, endpointSecret, getDelivery, getEndpoint, insertEndpoint, listDeliveries, listEndpoints, requeueFailed, updateEndpoint } from '../db/webhooks';
import { checkedAddresses, UnsafeTargetError } from './addressCheck';
import { envelope } from './emit';
import { type SendResult, sendSigned } from './send';
import { type WebhookSettings, webhookSettings } from './settings';

export interface WebhookDeps {
  db: DB;
  now: () => number;
  /** Read from the environment when left out. */
  settings?: WebhookSettings;
}

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64')}`;
}

/** Checks that the URL's host resolves only to addresses webhooks may go to; BAD_REQUEST saying why not. */
async function checkUrl(url: string, settings: WebhookSettings): Promise<void> {
  try {
    await checkedAddresses(new URL(url).hostname, settings.allowPrivate);
  } catch (err) {
    if (err instanceof UnsafeTargetError) throw new TRPCError({ code: 'BAD_REQUEST', message: err.message });
    throw err;
  }
}

function loadEndpoint(db: DB, id: number): WebhookEndpoint {
  const e = getEndpoint(db, id);
  if (!e) throw new TRPCError({ code: 'NOT_FOUND', message: `No webhook endpoint ${id}` });
  return e;
}

/** Every endpoint with its pending and failed counts (never a secret). */
export const webhookEndpoints = (db: DB): WebhookEndpoint[] => listEndpoints(db);

/**
 * Adds an endpoint (its URL checked as `checkUrl` says) with a new secret, audited as `webhook.create` (URL and
 * events, never the secret). The secret is in this answer only: it cannot be read back later.
 */
export async function createWebhookEndpoint(deps: WebhookDeps, input: WebhookCreate, actor: Actor): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await checkUrl(input.url, deps.settings ?? webhookSettings());
  const secret = newWebhookSecret();
  const { db } = deps;
  const now = deps.now();
  return db.transaction(() => {
    const id = insertEndpoint(db, { ...input, secret, now });
    appendAudit(db, actor, { action: 'webhook.create', entity: 'webhook_endpoint', entityId: id, details: { url: input.url, events: input.events, enabled: input.enabled } }, now);
    return { endpoint: loadEndpoint(db, id), secret };
  })();
}

/** Changes an endpoint's URL (checked again), events, description or enabled flag, audited as `webhook.update` with what changed. */
export async function changeWebhookEndpoint(deps: WebhookDeps, input: WebhookUpdate, actor: Actor): Promise<WebhookEndpoint> {
  loadEndpoint(deps.db, input.id);
  if (input.url !== undefined) await checkUrl(input.url, deps.settings ?? webhookSettings());
  const { db } = deps;
  const now = deps.now();
  return db.transaction(() => {
    loadEndpoint(db, input.id);
    const changed = updateEndpoint(db, input.id, input, now);
    const after = loadEndpoint(db, input.id);
    if (changed.length) {
      const details = Object.fromEntries(changed.map((k) => [k, k === 'description' ? 'changed' : after[k as 'url' | 'events' | 'enabled']]));
      appendAudit(db, actor, { action: 'webhook.update', entity: 'webhook_endpoint', entityId: input.id, details }, now);
    }
    return after;
  })();
}

/** Removes an endpoint with its queue and delivery log, audited as `webhook.delete`; NOT_FOUND for no such endpoint. */
export function removeWebhookEndpoint(deps: WebhookDeps, id: number, actor: Actor): { removed: number } {
  const { db } = deps;
  return db.transaction(() => {
    const e = loadEndpoint(db, id);
    deleteEndpoint(db, id);
    appendAudit(db, actor, { action: 'webhook.delete', entity: 'webhook_endpoint', entityId: id, details: { url: e.url } }, deps.now());
    return { removed: id };
  })();
}

/**
 * Sends a signed `webhook.test` event to the endpoint now, outside the queue (nothing is stored or retried), and
 * answers with what came back. Audited as `webhook.test`.
 */
export async function testWebhookEndpoint(deps: WebhookDeps, id: number, actor: Actor): Promise<SendResult> {
  const e = loadEndpoint(deps.db, id);
  const settings = deps.settings ?? webhookSettings();
  const now = deps.now();
  const body = envelope('webhook.test', now, { endpointId: id, message: 'A test event from the showroom. Nothing to do.' });
  const result = await sendSigned({ url: e.url, secret: endpointSecret(deps.db, id)!, msgId: `msg_test_${uuidv7()}`, body, timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
  appendAudit(deps.db, actor, { action: 'webhook.test', entity: 'webhook_endpoint', entityId: id, details: { ok: result.ok, statusCode: result.statusCode } }, deps.now());
  return result;
}

/** An endpoint's delivery log, newest first, a page at a time; NOT_FOUND for no such endpoint. */
export function deliveryPage(db: DB, input: DeliveryListInput): Page<WebhookDelivery, number> {
  loadEndpoint(db, input.endpointId);
  return pageOf(listDeliveries(db, { ...input, limit: input.limit + 1 }), input.limit, (d) => d.id);
}

/**
 * Puts a failed delivery (or every failed delivery of an endpoint) back in the queue with a fresh set of tries,
 * audited as `webhook.resend`. BAD_REQUEST for a delivery that has not failed; NOT_FOUND for an unknown id.
 */
export function resendDeliveries(deps: WebhookDeps, input: ResendInput, actor: Actor): { requeued: number } {
  const { db } = deps;
  return db.transaction(() => {
    const now = deps.now();
    let endpointId: number;
    if ('deliveryId' in input) {
      const d = getDelivery(db, input.deliveryId);
      if (!d) throw new TRPCError({ code: 'NOT_FOUND', message: `No webhook delivery ${input.deliveryId}` });
      if (d.status !== 'failed') throw new TRPCError({ code: 'BAD_REQUEST', message: `deliveryId: delivery ${input.deliveryId} is ${d.status}; only failed deliveries are resent` });
      endpointId = d.endpointId;
    } else {
      endpointId = loadEndpoint(db, input.endpointId).id;
    }
    const requeued = requeueFailed(db, 'deliveryId' in input ? { deliveryId: input.deliveryId } : { endpointId }, now);
    appendAudit(db, actor, { action: 'webhook.resend', entity: 'webhook_endpoint', entityId: endpointId, details: { ...input, requeued } }, now);
    return { requeued };
  })();
}
