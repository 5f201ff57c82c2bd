// Configuration: defaults, and bad values named with what they accept.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.tls).toBeNull();
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty" must be a whole number between 0 and 65535/],
    [{ PORT: '70000' }, /PORT="70000" must be a whole number between 0 and 65535/],
    [{ PORT: '80.5' }, /PORT="80.5" must be a whole number/],
    [{ HOST: 'local host' }, /HOST="local host" must be a host name or IP address/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud" must be one of fatal, error/],
    [{ TLS_CERT: 'cert.pem' }, /TLS_CERT and TLS_KEY must be set together/],
    [{ SHOWROOM_METRICS_TOKEN: 'short' }, /SHOWROOM_METRICS_TOKEN="short" must be at least 16 characters/],
    [{ METRICS_PORT: '-1' }, /METRICS_PORT="-1" must be a whole number between 0 and 65535/],
    [{ SHOWROOM_BACKUP_EVERY: '6 hours' }, /SHOWROOM_BACKUP_EVERY="6 hours" must be a whole number and a unit, e.g. 30m, 6h or 1d/],
    [{ SHOWROOM_BACKUP_EVERY: '0h' }, /SHOWROOM_BACKUP_EVERY="0h" must be a whole number and a unit/],
    [{ SHOWROOM_BACKUP_KEEP: '0' }, /SHOWROOM_BACKUP_KEEP="0" must be a whole number of backups to keep, at least 1/],
  ])('rejects %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads every variable', () => {
    const c = loadConfig({ PORT: '9000', HOST: '0.0.0.0', SHOWROOM_DATA_DIR: '/tmp/x', TLS_CERT: 'a.pem', TLS_KEY: 'b.pem' });
    expect(c).toMatchObject({ port: 9000, host: '0.0.0.0', dataDir: '/tmp/x', dbFile: '/tmp/x/showroom.sqlite' });
    expect(c.tls).toEqual({ cert: path.resolve('a.pem'), key: path.resolve('b.pem') });
  });

  it('reads metrics and backup settings, off by default', () => {
    expect(loadConfig({})).toMatchObject({ metrics: null, backups: null });
    expect(loadConfig({ SHOWROOM_METRICS_TOKEN: 'x'.repeat(16) }).metrics).toEqual({ port: null, token: 'x'.repeat(16) });
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, token: null });
    expect(loadConfig({ SHOWROOM_BACKUP_DIR: '/tmp/b' }).backups).toEqual({ dir: '/tmp/b', everyMs: 86_400_000, keep: 7 });
    expect(loadConfig({ SHOWROOM_BACKUP_DIR: '/tmp/b', SHOWROOM_BACKUP_EVERY: '6h', SHOWROOM_BACKUP_KEEP: '3' }).backups).toEqual({ dir: '/tmp/b', everyMs: 6 * 3_600_000, keep: 3 });
    expect(loadConfig({ SHOWROOM_BACKUP_DIR: '/tmp/b', SHOWROOM_BACKUP_EVERY: '90s' }).backups?.everyMs).toBe(90_000);
  });
});
