// `showroom webhook ...`: add (secret printed once), list without secrets, test against a real receiver, disable, deliveries, resend, remove; all audited.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { root, runCli, tempDir } from '../../test/helpers/server';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/helpers/webhookReceiver';
import { listAudit } from '../db/audit';
import { openDatabase } from '../db/connection';
import { dropUnsendable, enqueueOutbox } from '../db/webhooks';

let dataDir: string;
let receiver: WebhookReceiver;
beforeEach(async () => {
  dataDir = tempDir();
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await receiver.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(['webhook', ...args], { dataDir });
/** Runs the command without blocking this process, so the receiver here can answer it. */
const cliAsync = (...args: string[]) =>
  new Promise<string>((resolve) =>
    execFile(process.execPath, [path.join(root, 'server/bin/showroom.js'), 'webhook', ...args], { cwd: root, env: { ...process.env, SHOWROOM_DATA_DIR: dataDir } }, (_err, stdout, stderr) =>
      resolve(stdout + stderr),
    ),
  );
const withDb = <T>(fn: (db: ReturnType<typeof openDatabase>) => T): T => {
  const db = openDatabase(path.join(dataDir, 'showroom.sqlite'));
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

describe('showroom webhook', () => {
  it('manages an endpoint from add to remove', async () => {
    vi.stubEnv('SHOWROOM_WEBHOOK_ALLOW_PRIVATE', '');
    const refused = cli('add', '--url', receiver.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^error: url: 127\.0\.0\.1 is a loopback, link-local or private address.*SHOWROOM_WEBHOOK_ALLOW_PRIVATE=1/);
    expect(cli('add', '--url', receiver.url, '--events', 'lead.created,nope').stderr).toMatch(/events\[1\]: must be one of customer\.created/);

    vi.stubEnv('SHOWROOM_WEBHOOK_ALLOW_PRIVATE', '1');
    const added = cli('add', '--url', receiver.url, '--events', 'lead.created,order.created');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Added webhook endpoint 1 for http:\/\/127\.0\.0\.1:\d+\/hooks \(lead\.created, order\.created\)\n/);
    const secret = /(whsec_\S+)/.exec(added.stdout)![1]!;
    receiver.useSecret(secret);

    const list = cli('list');
    expect(list.stdout).toMatch(/^1\tenabled\thttp:\/\/127\.0\.0\.1:\d+\/hooks\tlead\.created,order\.created\tpending 0\tfailed 0\n$/);
    expect(list.stdout).not.toContain('whsec_');

    const tested = await cliAsync('test', '1');
    expect(tested).toMatch(/^OK: HTTP 200 in \d+ ms\n$/);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ type: 'webhook.test', verified: true });

    // A delivery that failed for good, queued again from the command line.
    withDb((db) => {
      enqueueOutbox(db, { msgId: 'msg_cli_1', type: 'lead.created', orderKey: null, customerId: null, payload: '{"type":"lead.created"}', now: Date.now() });
      dropUnsendable(db, 1, 'HTTP 500', Date.now());
    });
    expect(cli('deliveries', '1', '--status', 'failed').stdout).toMatch(/\n1\tfailed\tlead\.created\t0\t-\t-\t-\t-\tHTTP 500\n$/);
    expect(cli('resend', '--endpoint', '1').stdout).toBe('Queued 1 failed delivery again; the running server sends them.\n');
    expect(cli('resend', '1').stderr).toBe('error: deliveryId: delivery 1 is pending; only failed deliveries are resent\n');
    expect(cli('resend', '99').stderr).toBe('error: No webhook delivery 99\n');

    expect(cli('disable', '1').stdout).toBe('Webhook endpoint 1 is disabled\n');
    expect(cli('remove', '1').stdout).toBe('Removed webhook endpoint 1\n');
    expect(cli('remove', '1')).toMatchObject({ status: 1, stderr: 'error: No webhook endpoint 1\n' });
    const audit = withDb((db) => listAudit(db, { entity: 'webhook_endpoint', limit: 20 }));
    expect(audit.map((a) => a.action).reverse()).toEqual(['webhook.create', 'webhook.test', 'webhook.resend', 'webhook.update', 'webhook.delete']);
    expect(audit.every((a) => a.actor.startsWith('cli:'))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });
});
