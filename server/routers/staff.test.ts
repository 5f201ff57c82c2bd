// Staff access: every procedure but the public ones refuses anonymous callers; login, me and logout.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_PASSWORD, type TestEnv } from '../../test/helpers/deps';
import { STAFF_COOKIE } from '../trpc';
import { appRouter } from './_app';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

/** Procedures an anonymous browser may call; those of a customer's session are checked in shop.test.ts and live.test.ts. */
const PUBLIC = new Set(['catalog.get', 'session.start', 'staff.login', 'recommendations.forProduct']);
const isSessionProcedure = (path: string) => path === 'session.ingest' || path.startsWith('shop.') || path === 'live.presence' || path === 'live.inbox';

async function errorOf(p: Promise<unknown>): Promise<TRPCError | null> {
  return p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  );
}

describe('staff access', () => {
  const paths = Object.keys(appRouter._def.procedures);

  it('knows the procedures', () => {
    expect(paths).toEqual(expect.arrayContaining([...PUBLIC, 'staff.sessions', 'staff.session', 'staff.me', 'staff.logout']));
  });

  it.each(paths.filter((p) => !PUBLIC.has(p) && !isSessionProcedure(p)))('%s refuses an anonymous caller with UNAUTHORIZED', async (path) => {
    const caller = env.anonymous() as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const [ns, name] = path.split('.') as [string, string];
    // A valid-looking input, so that the refusal is about the login and not the input.
    const err = await errorOf(caller[ns]![name]!({ id: '0b9c6a51-7e0f-7a43-9a53-0c1d3e7f2a10' }));
    expect(err?.code).toBe('UNAUTHORIZED');
  });

  it('logs in with the right password only, sets the cookie, and logs out', async () => {
    const admin = await env.staff('admin');
    const me = await admin.staff.me();
    expect(me.role).toBe('admin');
    const wrong = env.anonymous();
    const err = await errorOf(wrong.staff.login({ email: me.email, password: 'not the password' }));
    expect(err?.code).toBe('UNAUTHORIZED');
    expect(err?.message).toBe('Wrong email or password');
    expect(wrong.jar.get(STAFF_COOKIE)).toBeUndefined();
    const unknown = await errorOf(wrong.staff.login({ email: 'nobody@example.com', password: TEST_PASSWORD }));
    expect(unknown?.message).toBe('Wrong email or password');

    const token = admin.jar.get(STAFF_COOKIE)!;
    await admin.staff.logout();
    expect(admin.jar.get(STAFF_COOKIE)).toBeUndefined();
    // The old cookie value no longer works even if a browser kept it.
    admin.jar.set(STAFF_COOKIE, token, { maxAgeSeconds: 60 });
    expect((await errorOf(admin.staff.me()))?.code).toBe('UNAUTHORIZED');
  });

  it('refuses a disabled account and an expired login', async () => {
    const sales = await env.staff('sales');
    const me = await sales.staff.me();
    env.deps.db.prepare('UPDATE staff_logins SET expires_at = ?').run(Date.now() - 1);
    expect((await errorOf(sales.staff.me()))?.code).toBe('UNAUTHORIZED');
    env.deps.db.prepare('UPDATE staff_users SET disabled = 1 WHERE id = ?').run(me.id);
    expect((await errorOf(env.anonymous().staff.login({ email: me.email, password: TEST_PASSWORD })))?.code).toBe('UNAUTHORIZED');
  });

  it('lists sessions and a session with its events in order', async () => {
    const visitor = env.anonymous();
    const { sessionId, token } = await visitor.session.start({ visitorId: '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', mode: 'desktop' });
    const { v7 } = await import('uuid');
    const t = Date.now();
    await visitor.session.ingest({
      sessionId,
      token,
      events: [
        { id: v7(), seq: 1, ts: t + 5000, type: 'product_select', input: 'mouse', productId: 'fjord-sofa', props: {} },
        { id: v7(), seq: 0, ts: t, type: 'session_start', input: 'system', props: { mode: 'desktop' } },
      ],
    });
    const viewer = await env.staff('viewer');
    const list = await viewer.staff.sessions({});
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: sessionId, mode: 'desktop', eventCount: 2, durationMs: 5000 });
    const detail = await viewer.staff.session({ id: sessionId });
    expect(detail.events.map((e) => e.type)).toEqual(['session_start', 'product_select']);
  });
});
