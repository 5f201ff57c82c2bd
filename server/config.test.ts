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
  ])('rejects %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads every variable', () => {
    const c = loadConfig({ PORT: '9000', HOST: '0.0.0.0', SHOWROOM_DATA_DIR: '/tmp/x', TLS_CERT: 'a.pem', TLS_KEY: 'b.pem' });
    expect(c).toMatchObject({ port: 9000, host: '0.0.0.0', dataDir: '/tmp/x', dbFile: '/tmp/x/showroom.sqlite' });
    expect(c.tls).toEqual({ cert: path.resolve('a.pem'), key: path.resolve('b.pem') });
  });
});
