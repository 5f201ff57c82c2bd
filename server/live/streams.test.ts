// The live hub and the staff stream on their own: quiet sessions go without a watcher, and a stream ends when its login does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { hashToken } from '../auth/tokens';
import { LIVE_TIMEOUT_MS } from '../contracts/live';
import { userForLogin } from '../db/staff';
import { STAFF_COOKIE } from '../trpc';
import { LiveHub } from './hub';
import { liveSessionsStream } from './streams';

let env: TestEnv;
beforeAll(() => {
  env = createTestEnv();
});
afterAll(() => env.close());

const here = { mode: 'desktop' as const, x: 0, y: 1.6, z: 0, yaw: 0, gazeProductId: null, selectedProductId: null };
const session = async () => (await env.anonymous().session.start({ visitorId: crypto.randomUUID(), mode: 'desktop' })).sessionId;

describe('live hub', () => {
  it('drops sessions that went quiet even while nobody watches', async () => {
    const hub = new LiveHub(env.deps.db);
    const [a, b] = [await session(), await session()];
    const t0 = Date.now();
    hub.presence(a, here, t0);
    hub.presence(b, here, t0 + LIVE_TIMEOUT_MS + 1_000);
    expect(hub.list().map((s) => s.sessionId)).toEqual([b]);
  });
});

describe('staff stream', () => {
  it('ends with UNAUTHORIZED once the login it started with is gone', async () => {
    const staff = await env.staff('viewer');
    const token = staff.jar.get(STAFF_COOKIE)!;
    const stillAllowed = () => userForLogin(env.deps.db, hashToken(token), Date.now()) !== undefined;
    const stream = liveSessionsStream(new LiveHub(env.deps.db), Date.now, undefined, { stillAllowed, recheckMs: 200 });
    expect((await stream.next()).value).toMatchObject({ kind: 'snapshot' });
    await staff.staff.logout();
    await expect(stream.next()).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'Your login has ended; log in again to watch live sessions' });
  });
});
