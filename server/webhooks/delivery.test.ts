// Webhook delivery against a real HTTP receiver: retries deliver each event once, signatures verify, per-customer order, give-up and resend, session.ended, erase, leases.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { dwellEnd, nextTs, select } from '../../test/helpers/telemetry';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/helpers/webhookReceiver';
import type { WebhookEventType } from '../contracts/webhooks';
import { claimDue, listDeliveries, outboxStats, pruneFinished } from '../db/webhooks';
import type { WebhookSettings } from './settings';
import { startWebhookWorker, type WebhookWorker } from './worker';

const fast: WebhookSettings = { allowPrivate: true, timeoutMs: 2_000, retryBaseMs: 20, maxAttempts: 5, pollMs: 10, keepDays: 30, publicUrl: null };

let env: TestEnv;
let receiver: WebhookReceiver;
let worker: WebhookWorker | null;
const warnings: string[] = [];

beforeEach(async () => {
  vi.stubEnv('SHOWROOM_WEBHOOK_ALLOW_PRIVATE', '1');
  env = createTestEnv();
  receiver = await startWebhookReceiver();
  worker = null;
  warnings.length = 0;
});
afterEach(async () => {
  await worker?.stop();
  await receiver.close();
  env.close();
  vi.unstubAllEnvs();
});

const startWorker = (settings: WebhookSettings = fast) =>
  (worker = startWebhookWorker({ ...env.deps, settings, baseUrl: 'https://showroom.example.com', warn: (d, m) => void warnings.push(`${m} ${JSON.stringify(d)}`) }));

async function addEndpoint(events: WebhookEventType[]) {
  const admin = await env.staff('admin');
  const { endpoint, secret } = await admin.webhooks.create({ url: receiver.url, events });
  receiver.useSecret(secret);
  return { admin, endpoint, secret };
}

const pending = () => outboxStats(env.deps.db).depth;
/** The newest customer, read straight from the database. */
const newestCustomer = () => env.deps.db.prepare('SELECT id FROM customers ORDER BY id DESC LIMIT 1').get();

describe('webhook delivery', () => {
  it('delivers each event exactly once to a receiver that fails the first three tries, signed so standardwebhooks verifies it', async () => {
    const { admin, endpoint } = await addEndpoint(['customer.created']);
    receiver.answerWith((_hook, tries) => (tries <= 3 ? 503 : 204));
    const emails = ['ana@example.com', 'ben@example.com', 'cy@example.com'];
    for (const email of emails) await admin.customers.create({ name: email.split('@')[0], email });
    startWorker();
    await receiver.waitFor(() => receiver.accepted().length === 3 && pending() === 0, 20_000, 'three accepted deliveries');

    const accepted = receiver.accepted();
    expect(accepted.map((h) => (h.body.data.customer as { email: string }).email).sort()).toEqual(emails);
    expect(accepted.every((h) => h.verified && h.type === 'customer.created')).toBe(true);
    expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(3);
    for (const h of accepted) expect(receiver.requests.filter((r) => r.id === h.id)).toHaveLength(4);
    expect(receiver.requests.every((r) => r.verified)).toBe(true);
    const log = await admin.webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.items.map((d) => [d.status, d.attempts, d.lastStatusCode, d.nextAttemptAt])).toEqual(Array(3).fill(['succeeded', 4, 204, null]));
    expect(log.items.every((d) => d.lastDurationMs !== null && d.lastDurationMs >= 0)).toBe(true);
    // The endpoint list never shows the secret.
    expect(JSON.stringify(await admin.webhooks.list())).not.toContain('whsec_');
  });

  it("keeps one customer's deliveries in order while another customer's go ahead", async () => {
    const { admin } = await addEndpoint(['customer.created', 'customer.updated', 'lead.created', 'lead.stage_changed']);
    const a = await admin.customers.create({ name: 'Ana', email: 'ana@example.com' });
    await admin.customers.update({ id: a.id, city: 'Porto' });
    const lead = await admin.leads.create({ customerId: a.id, title: 'Sofa for the lobby', value: 2400 });
    await admin.leads.moveStage({ id: lead.id, stage: 'lost', lostReason: 'Bought elsewhere' });
    const b = await admin.customers.create({ name: 'Ben', email: 'ben@example.com' });
    const aCreated = (h: { type: string; body: { data: Record<string, unknown> } }) => h.type === 'customer.created' && (h.body.data.customer as { id: number }).id === a.id;
    receiver.answerWith((hook, tries) => (aCreated(hook) && tries <= 2 ? 500 : 200));
    startWorker();
    await receiver.waitFor(() => receiver.accepted().length === 5 && pending() === 0, 20_000, 'five accepted deliveries');

    const aTypes = receiver.requests.filter((r) => JSON.stringify(r.body.data).includes(`"customerId":${a.id}`) || (r.body.data.customer as { id?: number })?.id === a.id);
    // Every try of a later event of Ana's came after her first event was accepted.
    const firstOk = receiver.accepted().find(aCreated)!;
    expect(aTypes.filter((r) => !aCreated(r)).every((r) => r.at >= firstOk.at)).toBe(true);
    expect(receiver.accepted().filter((h) => h.type !== 'customer.created' || aCreated(h)).map((h) => h.type)).toEqual([
      'customer.created',
      'customer.updated',
      'lead.created',
      'lead.stage_changed',
    ]);
    // Ben was not held up behind Ana's failing delivery.
    const benOk = receiver.accepted().find((h) => (h.body.data.customer as { id?: number })?.id === b.id)!;
    expect(benOk.at).toBeLessThanOrEqual(firstOk.at);
    const moved = receiver.accepted().find((h) => h.type === 'lead.stage_changed')!.body.data;
    expect(moved).toMatchObject({ from: 'new', to: 'lost', outcome: 'lost', lostReason: 'Bought elsewhere', lead: { id: lead.id, customerId: a.id, value: 2400 } });
    expect((receiver.accepted().find((h) => h.type === 'customer.updated')!.body.data as { changedFields: string[] }).changedFields).toEqual(['city']);
  });

  it('gives up after the last try, and a resend from the admin delivers it', async () => {
    const { admin, endpoint } = await addEndpoint(['customer.created']);
    await admin.customers.create({ name: 'Ana', email: 'ana@example.com' });
    let up = false;
    receiver.answerWith(() => (up ? 200 : 500));
    startWorker({ ...fast, maxAttempts: 3 });
    await receiver.waitFor(() => outboxStats(env.deps.db).failed === 1, 20_000, 'the delivery to fail for good');
    expect(receiver.requests).toHaveLength(3);
    const [failed] = (await admin.webhooks.deliveries({ endpointId: endpoint.id, status: 'failed' })).items;
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: null });
    expect(warnings.some((w) => w.startsWith('webhook delivery failed for good'))).toBe(true);
    expect(warnings.join('\n')).not.toContain('whsec_');
    await expect(admin.webhooks.resend({ deliveryId: failed!.id + 1000 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    up = true;
    expect(await admin.webhooks.resend({ endpointId: endpoint.id, allFailed: true })).toEqual({ requeued: 1 });
    worker!.kick();
    await receiver.waitFor(() => receiver.accepted().length === 1, 20_000, 'the resent delivery');
    expect(receiver.accepted()[0]!.id).toBe(receiver.requests[0]!.id);
    await expect(admin.webhooks.resend({ deliveryId: failed!.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('sends session.ended once per session with products ranked by attention, the cart and the staff link; nothing is queued without a subscriber', async () => {
    const visitor = env.anonymous();
    const early = await visitor.session.start({ visitorId: uuidv7(), mode: 'desktop' });
    const end = (seq: number) => ({ id: uuidv7(), seq, ts: nextTs(), type: 'session_end' as const, input: 'gaze' as const, props: { reason: 'exit' as const } });
    await visitor.session.ingest({ ...early, events: [select(0), end(1)] });
    expect(pending()).toBe(0);

    await addEndpoint(['session.ended']);
    const s = await visitor.session.start({ visitorId: uuidv7(), mode: 'desktop' });
    await visitor.shop.addToCart({ sessionId: s.sessionId, token: s.token, productId: 'oslo-chair', variantId: 'sand', quantity: 2 });
    await visitor.session.ingest({ ...s, events: [dwellEnd(0, 'oslo-chair', 800), dwellEnd(1, 'fjord-sofa', 5000), select(2, 'oslo-chair'), end(3)] });
    await visitor.session.ingest({ ...s, events: [end(4)] });
    expect(pending()).toBe(1);
    startWorker();
    await receiver.waitFor(() => receiver.accepted().length === 1 && pending() === 0);
    const body = receiver.accepted()[0]!.body.data as { session: Record<string, unknown>; products: { productId: string; rank: number; dwellMs: number }[]; cart: { items: unknown[]; value: number } };
    expect(body.session).toMatchObject({ id: s.sessionId, customerId: null, endReason: 'exit', staffUrl: `https://showroom.example.com/staff/sessions/${s.sessionId}` });
    expect(body.products.map((p) => [p.rank, p.productId, p.dwellMs])).toEqual([
      [1, 'fjord-sofa', 5000],
      [2, 'oslo-chair', 800],
    ]);
    expect(body.cart.items).toEqual([expect.objectContaining({ productId: 'oslo-chair', variantId: 'sand', quantity: 2 })]);
    expect(receiver.requests).toHaveLength(1);
    const finishedAt = listDeliveries(env.deps.db, { endpointId: 1, limit: 1 })[0]!.finishedAt!;
    expect(pruneFinished(env.deps.db, finishedAt)).toBe(0);
    expect(pruneFinished(env.deps.db, finishedAt + 1)).toBe(1);
  });

  it('a contact form sends contact_request.created, customer.created and lead.created; a quote sends quote.created', async () => {
    const { admin } = await addEndpoint(['contact_request.created', 'customer.created', 'lead.created', 'quote.created', 'order.created']);
    const visitor = env.anonymous();
    const s = await visitor.session.start({ visitorId: uuidv7(), mode: 'desktop' });
    await visitor.shop.addToCart({ ...s, productId: 'oslo-chair', variantId: 'sand', quantity: 1 });
    await visitor.shop.requestContact({ ...s, channel: 'form', productId: 'oslo-chair', name: 'Ana Lima', email: 'ana@example.com', message: 'Call me' });
    const customerId = (newestCustomer() as { id: number }).id;
    await admin.orders.createFromCart({ customerId, kind: 'quote' });
    startWorker();
    await receiver.waitFor(() => receiver.accepted().length === 4 && pending() === 0);
    expect(receiver.accepted().map((h) => h.type)).toEqual(['customer.created', 'lead.created', 'contact_request.created', 'quote.created']);
    const [, lead, request, quote] = receiver.accepted().map((h) => h.body.data);
    expect(lead).toMatchObject({ lead: { customerId, source: 'cart' } });
    expect(request).toMatchObject({ contactRequest: { channel: 'form', customerId, email: 'ana@example.com', message: 'Call me', productId: 'oslo-chair' } });
    expect(quote).toMatchObject({ quote: { customerId, items: [expect.objectContaining({ productId: 'oslo-chair', quantity: 1 })] } });
  });

  it('erasing a customer drops the webhooks not yet sent about them and sends customer.erased with ids only', async () => {
    const { admin } = await addEndpoint(['customer.created', 'customer.updated', 'customer.erased']);
    const a = await admin.customers.create({ name: 'Ana', email: 'ana@example.com' });
    await admin.customers.update({ id: a.id, city: 'Porto' });
    expect(pending()).toBe(2);
    await admin.customers.erase({ id: a.id });
    expect(pending()).toBe(1);
    startWorker();
    await receiver.waitFor(() => receiver.accepted().length === 1 && pending() === 0);
    expect(receiver.requests.map((r) => [r.type, r.body.data])).toEqual([['customer.erased', { customerId: a.id }]]);
  });

  it('claims a row for one worker until its lease ends (a crashed worker’s rows are taken over)', async () => {
    const { admin } = await addEndpoint(['customer.created']);
    await admin.customers.create({ name: 'Ana', email: 'ana@example.com' });
    const db = env.deps.db;
    const now = Date.now();
    const first = claimDue(db, { now, leaseMs: 1_000, owner: 'one', limit: 10 });
    expect(first).toHaveLength(1);
    expect(claimDue(db, { now: now + 999, leaseMs: 1_000, owner: 'two', limit: 10 })).toEqual([]);
    const again = claimDue(db, { now: now + 1_000, leaseMs: 1_000, owner: 'two', limit: 10 });
    expect(again.map((r) => [r.id, r.attempts])).toEqual([[first[0]!.id, 2]]);
    expect(listDeliveries(db, { endpointId: first[0]!.endpointId, limit: 5 })[0]).toMatchObject({ status: 'pending', attempts: 2 });
    // Pending rows are never pruned from the log; finished ones are, once old enough.
    expect(pruneFinished(db, Date.now() + 1)).toBe(0);
  });
});
