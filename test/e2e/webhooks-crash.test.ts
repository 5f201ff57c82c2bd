// The real server SIGKILLed while webhooks are in flight: after a restart every event reaches the receiver (at least once; deduped by webhook-id, none lost, none invented).
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliActor } from '../../server/crm/actors';
import { openDatabase } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { outboxStats } from '../../server/db/webhooks';
import { createWebhookEndpoint } from '../../server/webhooks/endpoints';
import { webhookSettings } from '../../server/webhooks/settings';
import { tempDir } from '../helpers/server';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { nextTs, select } from '../helpers/telemetry';
import { httpClient } from '../helpers/trpcHttp';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhookReceiver';

const SESSIONS = 5;
const env = { SHOWROOM_WEBHOOK_ALLOW_PRIVATE: '1', SHOWROOM_WEBHOOK_TIMEOUT_MS: '1500', SHOWROOM_WEBHOOK_RETRY_BASE_MS: '50', SHOWROOM_WEBHOOK_POLL_MS: '50' };

let server: ServerProcess;
let receiver: WebhookReceiver;
let dataDir: string;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  dataDir = tempDir();
  const db = openDatabase(path.join(dataDir, 'showroom.sqlite'));
  try {
    migrate(db);
    const { secret } = await createWebhookEndpoint({ db, now: Date.now, settings: webhookSettings(env) }, { url: receiver.url, events: ['session.ended'], description: '', enabled: true }, cliActor());
    receiver.useSecret(secret);
  } finally {
    db.close();
  }
  server = await startServerProcess({ dataDir, env });
});
afterAll(async () => {
  await server?.kill();
  await receiver?.close();
});

it('delivers every session.ended after a SIGKILL mid-delivery, each signed, none lost or invented', async () => {
  // The receiver takes the first tries and never answers: the server dies with all of them in flight.
  receiver.answerWith(() => 'hang');
  const client = httpClient(server.url);
  const sessionIds: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const s = await client.session.start.mutate({ visitorId: uuidv7(), mode: 'desktop' });
    const end = { id: uuidv7(), seq: 1, ts: nextTs(), type: 'session_end' as const, input: 'gaze' as const, props: { reason: 'exit' as const } };
    await client.session.ingest.mutate({ ...s, events: [select(0), end] });
    sessionIds.push(s.sessionId);
  }
  await receiver.waitFor(() => new Set(receiver.requests.map((r) => r.id)).size === SESSIONS, 20_000, 'every delivery to be in flight');
  await server.kill('SIGKILL');

  receiver.answerWith(() => 200);
  await server.restart();
  // The killed process's leases run out (timeout + 5 s), then the new process sends the rows again.
  await receiver.waitFor(() => receiver.accepted().length === SESSIONS, 60_000, 'every session.ended after the restart');

  const expected = sessionIds.map((id) => `msg_session_ended_${id}`).sort();
  expect(receiver.accepted().map((h) => h.id).sort()).toEqual(expected);
  expect(new Set(receiver.requests.map((r) => r.id))).toEqual(new Set(expected));
  expect(receiver.requests.every((r) => r.verified && r.type === 'session.ended')).toBe(true);
  expect(receiver.accepted().map((h) => (h.body.data.session as { id: string }).id).sort()).toEqual([...sessionIds].sort());
  const db = openDatabase(path.join(dataDir, 'showroom.sqlite'));
  try {
    await receiver.waitFor(() => outboxStats(db).depth === 0, 10_000, 'the outbox to be empty');
    expect(outboxStats(db)).toMatchObject({ depth: 0, failed: 0 });
  } finally {
    db.close();
  }
});
