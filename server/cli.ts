// The operator's `showroom` command: staff accounts, schema, backup and restore, customer import, exports, privacy requests, webhooks.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { addCertCommand } from './cli/cert';
import { addCustomerCommands, ImportError } from './cli/customers';
import { CliError } from './cli/common';
import { addDatabaseCommands } from './cli/database';
import { addExportCommand } from './cli/dataExport';
import { addUserCommands } from './cli/users';
import { addWebhookCommands } from './cli/webhooks';
import { ConfigError } from './config';
import { BackupError } from './db/backup';
import { DuplicateCustomerError } from './db/customers';
import { DuplicateEmailError } from './db/staff';

export function buildProgram(): Command {
  const program = new Command('showroom')
    .description('Showroom operator commands. Uses SHOWROOM_DATA_DIR (default ./data) for the database.')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  addUserCommands(program);
  addDatabaseCommands(program);
  addCustomerCommands(program);
  addExportCommand(program);
  addCertCommand(program);
  addWebhookCommands(program);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof InvalidArgumentError || err instanceof ConfigError) {
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
  if (err instanceof CliError || err instanceof BackupError || err instanceof ImportError || err instanceof DuplicateEmailError || err instanceof DuplicateCustomerError) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
