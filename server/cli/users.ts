// `showroom user add|list`: staff accounts from the command line (the first admin is made here).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { hashPassword } from '../auth/password';
import { cliActor } from '../crm/actors';
import { appendAudit } from '../db/audit';
import { createUser, listUsers, type Role, roles } from '../db/staff';
import { readStdin, withDb } from './common';

const emailArg = (value: string) => {
  const r = z.email().safeParse(value.trim().toLowerCase());
  if (!r.success) throw new InvalidArgumentError('expected an email address like ana@example.com');
  return r.data;
};
const roleArg = (value: string): Role => {
  if (!(roles as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${roles.join(', ')}`);
  return value as Role;
};

export function addUserCommands(program: Command): void {
  const user = program.command('user').description('staff accounts');
  user
    .command('add')
    .description('create a staff account; the password is read from standard input')
    .requiredOption('--email <email>', 'login email', emailArg)
    .option('--name <name>', 'display name (defaults to the part of the email before @)')
    .option('--role <role>', `one of ${roles.join(', ')}`, roleArg, 'admin' as Role)
    .requiredOption('--password-stdin', 'read the password from standard input (at least 10 characters)')
    .action(async (opts: { email: string; name?: string; role: Role }) => {
      const password = (await readStdin()).replace(/\r?\n$/, '');
      if (password.length < 10) throw new InvalidArgumentError('the password on standard input must be at least 10 characters');
      if (password.length > 200) throw new InvalidArgumentError('the password on standard input must be at most 200 characters');
      const passwordHash = await hashPassword(password);
      const created = await withDb((db) =>
        db.transaction(() => {
          const u = createUser(db, { email: opts.email, name: opts.name?.trim() || opts.email.split('@')[0]!, role: opts.role, passwordHash, now: Date.now() });
          appendAudit(db, cliActor(), { action: 'user.create', entity: 'user', entityId: u.id, details: { email: u.email, role: u.role } }, Date.now());
          return u;
        })(),
      );
      console.log(`Created ${created.role} ${created.email} (id ${created.id})`);
    });
  user
    .command('list')
    .description('list staff accounts')
    .action(async () => {
      const users = await withDb(listUsers);
      if (users.length === 0) console.log('No staff accounts yet. Create one with: showroom user add --email ... --password-stdin');
      for (const u of users) console.log(`${u.id}\t${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.name}`);
    });
}
