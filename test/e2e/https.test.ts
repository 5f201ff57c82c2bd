// HTTPS for headsets on the LAN: `showroom cert` makes a certificate the server then serves with TLS_CERT/TLS_KEY.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startTestServer, tempDir, type TestServer } from '../helpers/server';

let server: TestServer | undefined;
afterAll(async () => server?.stop());

function request(url: string, ca: Buffer, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = https.request(url, { ca, method: init.method ?? 'GET', headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('HTTPS', () => {
  it('makes a certificate that the server serves, and marks the staff cookie Secure', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const made = runCli(['cert', '--host', 'showroom.test'], { dataDir });
    expect(made.status, made.stderr).toBe(0);
    const certFile = path.join(dataDir, 'tls', 'cert.pem');
    const keyFile = path.join(dataDir, 'tls', 'key.pem');
    expect(made.stdout).toContain(`TLS_CERT=${certFile}`);
    expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
    const added = runCli(['user', 'add', '--email', 'tls@example.com', '--role', 'viewer', '--password-stdin'], { dataDir, input: 'a long enough password\n' });
    expect(added.status, added.stderr).toBe(0);

    server = await startTestServer({ dataDir, env: { TLS_CERT: certFile, TLS_KEY: keyFile } });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = fs.readFileSync(certFile);
    // Verified against the certificate as a trust anchor: its names must cover the address.
    const health = await request(`${server.url}/healthz`, ca);
    expect(health.status).toBe(200);
    const page = await request(`${server.url}/`, ca);
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toBeDefined();

    const login = await request(`${server.url}/trpc/staff.login`, ca, {
      method: 'POST',
      headers: { origin: server.url },
      body: JSON.stringify({ email: 'tls@example.com', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/showroom_staff=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
  });

  it('refuses to start with only one of TLS_CERT and TLS_KEY, naming both', { timeout: 30_000 }, async () => {
    await expect(startTestServer({ env: { TLS_CERT: '/nonexistent/cert.pem' } })).rejects.toThrow(/TLS_CERT and TLS_KEY must be set together/);
  });
});
