// CRM changes that must hold under a crash or a race: the erase's audit entry, concurrent admin demotions, and tasks of a missing customer.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/helpers/deps';
import { countActiveAdmins } from '../db/staff';

let env: TestEnv;
beforeEach(() => (env = createTestEnv()));
afterEach(() => env.close());

describe('customer.erase', () => {
  it('has written its audit entry with the erase when the process dies before the WAL checkpoint', async () => {
    const admin = await env.staff('admin');
    const { id } = await admin.customers.create({ name: 'Ida', email: 'ida@example.com' });
    const db = env.deps.db;
    // The process dies right after the erase's transaction, at the checkpoint.
    const pragma = db.pragma.bind(db);
    db.pragma = ((source: string, options?: { simple?: boolean }) => {
      if (source.startsWith('wal_checkpoint')) throw new Error('process killed');
      return pragma(source, options);
    }) as typeof db.pragma;
    await expect(admin.customers.erase({ id })).rejects.toThrow('process killed');
    db.pragma = pragma;

    expect(db.prepare('SELECT count(*) FROM customers WHERE id = ?').pluck().get(id)).toBe(0);
    const entries = db.prepare(`SELECT action, details FROM audit_log WHERE entity = 'customer' AND entity_id = ? ORDER BY id`).all(String(id)) as { action: string; details: string }[];
    expect(entries.map((e) => e.action)).toEqual(['customer.create', 'customer.erase']);
    expect(JSON.parse(entries[1]!.details)).toEqual({ deleted: { customers: 1 } });
  });

  it('erases nothing when its audit entry cannot be written', async () => {
    const admin = await env.staff('admin');
    const { id } = await admin.customers.create({ name: 'Jon', email: 'jon@example.com' });
    const db = env.deps.db;
    db.exec(`CREATE TRIGGER audit_full BEFORE INSERT ON audit_log WHEN NEW.action = 'customer.erase' BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END`);
    await expect(admin.customers.erase({ id })).rejects.toThrow('audit log unavailable');
    expect(db.prepare('SELECT email FROM customers WHERE id = ?').pluck().get(id)).toBe('jon@example.com');
  });
});

describe('users.update', () => {
  it('lets only one of two admins demoting each other at the same time succeed, so an admin remains', async () => {
    const ada = await env.staff('admin');
    const ben = await env.staff('admin');
    const adaId = (await ada.staff.me()).id;
    const benId = (await ben.staff.me()).id;
    expect(countActiveAdmins(env.deps.db)).toBe(2);
    // Both change a password too, so each awaits a password hash between its checks and its write.
    const results = await Promise.allSettled([
      ada.users.update({ id: benId, role: 'sales', password: 'a new long password 1' }),
      ben.users.update({ id: adaId, role: 'sales', password: 'a new long password 2' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected')!.reason as unknown;
    expect(failed).toBeInstanceOf(TRPCError);
    expect(failed).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/is the last enabled admin/) });
    expect(countActiveAdmins(env.deps.db)).toBe(1);
    // The refused change wrote nothing: no audit entry for it.
    expect(env.deps.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'user.update'`).pluck().get()).toBe(1);
  });
});

describe('tasks.list', () => {
  it('answers NOT_FOUND for a customer that does not exist, as for a missing lead', async () => {
    const sales = await env.staff('sales');
    const customer = await sales.customers.create({ name: 'Kim', email: 'kim@example.com' });
    await sales.tasks.create({ customerId: customer.id, title: 'Call Kim' });
    expect((await sales.tasks.list({ customerId: customer.id })).map((t) => t.title)).toEqual(['Call Kim']);
    await expect(sales.tasks.list({ customerId: customer.id + 1000 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No customer ${customer.id + 1000}` });
    await expect(sales.tasks.list({ leadId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
