// The authorisation matrix: every procedure, called anonymously and as each role, is allowed exactly where README.md's table says.
import fs from 'node:fs';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { root } from '../../test/helpers/server';
import { hashPassword } from '../auth/password';
import { hashToken, newToken } from '../auth/tokens';
import { createInnerContext, memoryCookieJar, type RequestMeta } from '../context';
import { createLogin, createUser, type Role } from '../db/staff';
import { createCallerFactory, STAFF_COOKIE } from '../trpc';
import { appRouter } from './_app';

const callers = ['anonymous', 'viewer', 'sales', 'admin'] as const;
type Caller = (typeof callers)[number];
type Cell = '✓' | '—' | 'own' | 'token';

/** The table between the access-matrix markers in README.md, as procedure -> cell per caller. */
function readMatrix(): Map<string, Record<Caller, Cell>> {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = readme.split('<!-- access-matrix:start -->')[1]?.split('<!-- access-matrix:end -->')[0];
  if (!block) throw new Error('README.md has no access matrix between <!-- access-matrix:start --> and <!-- access-matrix:end -->');
  const matrix = new Map<string, Record<Caller, Cell>>();
  for (const line of block.split('\n')) {
    const m = /^\|\s*`([\w.]+)`\s*\|(.+)\|\s*$/.exec(line.trim());
    if (!m) continue;
    const cells = m[2]!.split('|').map((c) => c.trim());
    if (cells.length !== 4 || cells.some((c) => !['✓', '—', 'own', 'token'].includes(c))) throw new Error(`Bad access matrix row: ${line}`);
    matrix.set(m[1]!, Object.fromEntries(callers.map((c, i) => [c, cells[i] as Cell])) as Record<Caller, Cell>);
  }
  return matrix;
}

const matrix = readMatrix();
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>;
const paths = Object.keys(procedures).sort();
const createCaller = createCallerFactory(appRouter);

let env: TestEnv;
const userIds: Partial<Record<Role, number>> = {};

beforeAll(async () => {
  env = createTestEnv();
  const passwordHash = await hashPassword('a password nobody uses');
  for (const role of ['viewer', 'sales', 'admin'] as const) {
    userIds[role] = createUser(env.deps.db, { email: `${role}@matrix.test`, name: role, role, passwordHash, now: Date.now() }).id;
  }
});
afterAll(() => env.close());

/** Calls `procedure` as `who` with a fresh login (so logout in one call does not affect the next). */
async function call(who: Caller, procedure: string, input: unknown, meta: Partial<RequestMeta> = {}): Promise<TRPCError | null> {
  const jar = memoryCookieJar();
  if (who !== 'anonymous') {
    const token = newToken();
    createLogin(env.deps.db, { tokenHash: hashToken(token), userId: userIds[who]!, now: Date.now(), expiresAt: Date.now() + 3_600_000 });
    jar.set(STAFF_COOKIE, token, { maxAgeSeconds: 3600 });
  }
  const caller = createCaller(createInnerContext(env.deps, { ...meta, cookies: jar })) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [ns, name] = procedure.split('.') as [string, string];
  return caller[ns]![name]!(input).then(
    () => null,
    (err: unknown) => {
      if (!(err instanceof TRPCError)) throw err;
      return err;
    },
  );
}

const refused = (e: TRPCError | null) => e !== null && (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN');

describe('the access matrix in README.md', () => {
  it('lists every procedure, and only existing ones', () => {
    expect(paths.filter((p) => !matrix.has(p)), 'procedures missing from the README matrix').toEqual([]);
    expect([...matrix.keys()].filter((p) => !procedures[p]), 'matrix rows for procedures that do not exist').toEqual([]);
  });

  it.each(paths.filter((p) => matrix.has(p) && matrix.get(p)!.admin !== 'token'))('%s: each caller is allowed exactly as documented', async (procedure) => {
    const row = matrix.get(procedure)!;
    for (const who of callers) {
      // An empty input: a caller the gate lets through gets an input error (or a result), never 401/403.
      const err = await call(who, procedure, {});
      if (row[who] === '—') {
        expect(refused(err), `${who} may call ${procedure}, which the matrix does not grant (got ${err?.code ?? 'a result'})`).toBe(true);
        expect(err!.code).toBe(who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
      } else {
        expect(refused(err), `${who} is refused ${procedure} (${err?.code}: ${err?.message}), which the matrix grants`).toBe(false);
      }
    }
  });

  it.each(paths.filter((p) => matrix.get(p)?.admin === 'token'))('%s: needs the session token; a staff login grants nothing', async (procedure) => {
    expect(Object.values(matrix.get(procedure)!).every((c) => c === 'token')).toBe(true);
    const visitor = env.anonymous();
    const auth = await visitor.session.start({ visitorId: '0b9c6a51-7e0f-4a43-9a53-0c1d3e7f2a10', mode: 'desktop' });
    const body = { productId: 'oslo-chair', variantId: 'sand', channel: 'one-press', events: [] };
    for (const who of callers) {
      const err = await call(who, procedure, { ...body, sessionId: auth.sessionId, token: newToken() });
      expect(err?.code, `${who} with a wrong token`).toBe('FORBIDDEN');
    }
    expect(refused(await call('anonymous', procedure, { ...body, ...auth })), 'the right token is enough').toBe(false);
  });
});

describe('cross-site requests', () => {
  const foreign = { origin: 'https://evil.example', selfOrigin: 'http://127.0.0.1:8080' };
  // Mutations that need a staff login, and the login itself (a visitor's session.start is public by design).
  const staffMutations = paths.filter((p) => procedures[p]!._def.type === 'mutation' && (matrix.get(p)?.anonymous === '—' || p === 'staff.login'));

  it('covers the login and every staff mutation', () => {
    expect(staffMutations).toEqual(expect.arrayContaining(['staff.login', 'staff.logout', 'customers.erase', 'users.create', 'leads.moveStage']));
  });

  it.each(staffMutations)('%s refuses a request from another site, even from an admin', async (procedure) => {
    const err = await call(procedure === 'staff.login' ? 'anonymous' : 'admin', procedure, {}, foreign);
    expect(err?.code).toBe('FORBIDDEN');
    expect(err?.message).toBe('Requests from https://evil.example are not allowed');
    const same = await call(procedure === 'staff.login' ? 'anonymous' : 'admin', procedure, {}, { origin: foreign.selfOrigin, selfOrigin: foreign.selfOrigin });
    expect(same?.message ?? '').not.toMatch(/are not allowed/);
  });
});
