// The operator's `showroom` command: staff accounts and database upkeep.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { hashPassword } from './auth/password';
import { ConfigError, loadConfig } from './config';
import { openDatabase, type DB } from './db/connection';
import { migrate, schemaVersion } from './db/migrate';
import { createUser, DuplicateEmailError, listUsers, roles, type Role } from './db/staff';

/** Reads all of standard input as text (for --password-stdin). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function withDb<T>(fn: (db: DB) => T): T {
  const config = loadConfig();
  const db = openDatabase(config.dbFile);
  try {
    migrate(db);
    return fn(db);
  } finally {
    db.close();
  }
}

const emailArg = (value: string) => {
  const r = z.email().safeParse(value.trim().toLowerCase());
  if (!r.success) throw new InvalidArgumentError('expected an email address like ana@example.com');
  return r.data;
};
const roleArg = (value: string): Role => {
  if (!(roles as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${roles.join(', ')}`);
  return value as Role;
};

export function buildProgram(): Command {
  const program = new Command('showroom')
    .description('Showroom operator commands. Uses SHOWROOM_DATA_DIR (default ./data) for the database.')
    .showHelpAfterError()
    .exitOverride();

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
      const created = withDb((db) =>
        createUser(db, { email: opts.email, name: opts.name?.trim() || opts.email.split('@')[0]!, role: opts.role, passwordHash, now: Date.now() }),
      );
      console.log(`Created ${created.role} ${created.email} (id ${created.id})`);
    });
  user
    .command('list')
    .description('list staff accounts')
    .action(() => {
      const users = withDb(listUsers);
      if (users.length === 0) console.log('No staff accounts yet. Create one with: showroom user add --email ... --password-stdin');
      for (const u of users) console.log(`${u.id}\t${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.name}`);
    });

  program
    .command('migrate')
    .description('bring the database schema up to date (the server also does this at start)')
    .action(() => {
      const config = loadConfig();
      const db = openDatabase(config.dbFile);
      try {
        const applied = migrate(db);
        console.log(`${config.dbFile}: schema version ${schemaVersion(db)} (${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'})`);
      } finally {
        db.close();
      }
    });
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof InvalidArgumentError || err instanceof ConfigError || err instanceof DuplicateEmailError) {
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
