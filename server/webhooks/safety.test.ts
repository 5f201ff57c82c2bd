// Webhook safety: private, loopback and link-local targets refused (literal, resolved, IPv4-mapped), redirects not followed, admin-only procedures, audit without secrets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { listAudit } from '../db/audit';
import { isNonPublicAddress } from './addressCheck';
import { sendSigned } from './send';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => {
  env.close();
  vi.unstubAllEnvs();
});

describe('webhook targets', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['64:ff9b::a00:1', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
    ['::ffff:8.8.8.8', false],
  ])('%s is non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });

  it('refuses loopback and private URLs without SHOWROOM_WEBHOOK_ALLOW_PRIVATE, naming the setting', async () => {
    vi.stubEnv('SHOWROOM_WEBHOOK_ALLOW_PRIVATE', '');
    const admin = await env.staff('admin');
    for (const url of ['http://127.0.0.1:9/hooks', 'http://localhost:9/hooks', 'https://[::1]/x', 'http://[::ffff:10.0.0.1]/x', 'http://169.254.169.254/latest']) {
      await expect(admin.webhooks.create({ url, events: ['lead.created'] }), url).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('SHOWROOM_WEBHOOK_ALLOW_PRIVATE=1'),
      });
    }
    await expect(admin.webhooks.create({ url: 'ftp://crm.example.com/x', events: ['lead.created'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.webhooks.create({ url: 'https://user:pw@crm.example.com/x', events: ['lead.created'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await admin.webhooks.list()).toEqual([]);
    vi.stubEnv('SHOWROOM_WEBHOOK_ALLOW_PRIVATE', '1');
    const { endpoint, secret } = await admin.webhooks.create({ url: 'http://127.0.0.1:9/hooks', events: ['lead.created'] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // Audited, and neither the audit log nor any later answer holds the secret.
    const audit = listAudit(env.deps.db, { entity: 'webhook_endpoint', limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['webhook.create']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    await admin.webhooks.update({ id: endpoint.id, enabled: false });
    expect(JSON.stringify([await admin.webhooks.list(), await admin.webhooks.update({ id: endpoint.id, events: ['order.created'] })])).not.toContain('whsec_');
    await admin.webhooks.remove({ id: endpoint.id });
    expect(listAudit(env.deps.db, { entity: 'webhook_endpoint', limit: 10 }).map((a) => a.action)).toEqual(['webhook.delete', 'webhook.update', 'webhook.update', 'webhook.create']);
  });

  it('is for admins only', async () => {
    const sales = await env.staff('sales');
    await expect(sales.webhooks.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sales.webhooks.create({ url: 'https://crm.example.com/x', events: ['lead.created'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('does not follow a redirect, and refuses a literal private address at send time too', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    try {
      const redirected = await sendSigned({ url, secret, msgId: 'msg_1', body: '{}', timeoutMs: 2000, allowPrivate: true });
      expect(redirected).toMatchObject({ ok: false, statusCode: 307, error: 'redirect to http://169.254.169.254/latest/meta-data not followed' });
      const refused = await sendSigned({ url, secret, msgId: 'msg_2', body: '{}', timeoutMs: 2000, allowPrivate: false });
      expect(refused).toMatchObject({ ok: false, statusCode: null, error: expect.stringContaining('loopback') });
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });
});
