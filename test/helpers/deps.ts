// Builds the server's dependencies over a temporary SQLite file, for router tests with createCaller.
import fs from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../../server/auth/password';
import { loadCatalogFile } from '../../server/catalog-loader';
import { type AppDeps, createInnerContext, memoryCookieJar } from '../../server/context';
import { allProductIds, syncCatalog } from '../../server/db/catalog';
import { openDatabase } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { createUser, type Role } from '../../server/db/staff';
import { appRouter } from '../../server/routers/_app';
import { createCallerFactory, STAFF_COOKIE } from '../../server/trpc';
import { root, tempDir } from './server';

const createCaller = createCallerFactory(appRouter);

export interface TestEnv {
  deps: AppDeps;
  dir: string;
  /** A caller as an anonymous browser with its own cookie jar. */
  anonymous(): ReturnType<typeof createCaller> & { jar: ReturnType<typeof memoryCookieJar> };
  /** A staff user of `role`, logged in through the login procedure. */
  staff(role: Role): Promise<ReturnType<typeof createCaller> & { jar: ReturnType<typeof memoryCookieJar> }>;
  close(): void;
}

let userCounter = 0;
export const TEST_PASSWORD = 'correct horse battery';

/** Migrated temporary database with the demo catalogue loaded. */
export function createTestEnv(): TestEnv {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, 'showroom.sqlite'));
  migrate(db);
  const catalog = loadCatalogFile(path.join(root, 'assets'));
  syncCatalog(db, catalog);
  const deps: AppDeps = { db, catalog, productIds: allProductIds(db), secureCookies: false, now: Date.now };
  const anonymous = () => {
    const jar = memoryCookieJar();
    const caller = createCaller(createInnerContext(deps, { cookies: jar }));
    // The caller is a proxy over procedure paths: add `jar` in front of it.
    return new Proxy(caller, { get: (target, key) => (key === 'jar' ? jar : Reflect.get(target, key)) }) as typeof caller & { jar: typeof jar };
  };
  return {
    deps,
    dir,
    anonymous,
    async staff(role) {
      const email = `${role}${++userCounter}@example.com`;
      createUser(db, { email, name: `${role} user`, role, passwordHash: await hashPassword(TEST_PASSWORD), now: Date.now() });
      const caller = anonymous();
      await caller.staff.login({ email, password: TEST_PASSWORD });
      if (!caller.jar.get(STAFF_COOKIE)) throw new Error('login set no cookie');
      return caller;
    },
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
