// `showroom import customers` and `showroom customer export|erase`: bulk import from CSV and privacy requests.
import fs from 'node:fs';
import path from 'node:path';
import { Argument, type Command, InvalidArgumentError } from 'commander';
import { cliActor } from '../crm/actors';
import { ImportError, importCustomers } from '../crm/importCustomers';
import { checkCountry } from '../crm/normalise';
import { eraseCustomer, exportCustomer } from '../crm/privacy';
import type { DB } from '../db/connection';
import { findCustomerByEmail } from '../db/customers';
import { CliError, withDb } from './common';

const countryArg = (value: string) => {
  const c = checkCountry(value);
  if (!c.ok) throw new InvalidArgumentError('expected a two-letter country code such as DE or GB');
  return c.value;
};

/** A customer named by id or email. */
function resolveCustomer(db: DB, ref: string): number {
  if (/^\d+$/.test(ref)) return Number(ref);
  const c = findCustomerByEmail(db, ref.trim().toLowerCase());
  if (!c) throw new CliError(`No customer has the email ${ref}`);
  return c.id;
}

export function addCustomerCommands(program: Command): void {
  program
    .command('import')
    .description('import records from a file')
    .addArgument(new Argument('<what>', 'what to import').choices(['customers']))
    .argument('<csv>', 'a CSV file with a header row (UTF-8, a byte-order mark is fine)')
    .option('--country <code>', 'country for phone numbers written without +, when a row has no country column (e.g. DE)', countryArg)
    .option('--dry-run', 'check the file and report, but write nothing')
    .addHelpText(
      'after',
      '\nColumns (any order; names matched loosely, e.g. "E-mail" or "Postal code"): name (or first name + last name), email (required),\n' +
        'phone, company, address, postal code, city, country, consent contact, consent tracking (yes/no). Other columns are ignored.\n' +
        'Rows whose email is already a customer\'s, repeats an earlier row, or is not valid are skipped and listed. All or nothing.',
    )
    .action(async (_what: string, csv: string, opts: { country?: string; dryRun?: boolean }) => {
      const file = path.resolve(csv);
      if (!fs.existsSync(file)) throw new CliError(`There is no file ${file}`);
      const report = await withDb((db) => importCustomers(db, file, { defaultCountry: opts.country ?? null, dryRun: Boolean(opts.dryRun), actor: cliActor(), now: Date.now() }));
      if (report.ignoredColumns.length) console.log(`Ignored columns: ${report.ignoredColumns.join(', ')}`);
      for (const s of report.skipped) console.log(`line ${s.line}: skipped: ${s.reason}`);
      console.log(
        `${opts.dryRun ? 'Would import' : 'Imported'} ${report.imported.length} customer${report.imported.length === 1 ? '' : 's'}, ` +
          `skipped ${report.skipped.length} of ${report.rows} row${report.rows === 1 ? '' : 's'}${opts.dryRun ? ' (dry run: nothing written)' : ''}`,
      );
    });

  const customer = program.command('customer').description("a customer's data protection requests");
  customer
    .command('export')
    .description('everything stored about one customer, as JSON')
    .argument('<customer>', 'customer id or email')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (ref: string, opts: { out?: string }) => {
      await withDb((db) => {
        const data = exportCustomer(db, resolveCustomer(db, ref), cliActor(), Date.now());
        if (!data) throw new CliError(`No customer ${ref}`);
        const text = `${JSON.stringify(data, null, 2)}\n`;
        if (opts.out) fs.writeFileSync(path.resolve(opts.out), text);
        else process.stdout.write(text);
      });
    });
  customer
    .command('erase')
    .description('erase one customer and everything linked to them (sessions, events, pose data, leads...); cannot be undone')
    .argument('<customer>', 'customer id or email')
    .requiredOption('--yes', 'confirm the erasure')
    .action(async (ref: string) => {
      await withDb((db) => {
        const id = resolveCustomer(db, ref);
        const r = eraseCustomer(db, id, cliActor(), Date.now());
        if (!r) throw new CliError(`No customer ${ref}`);
        const rows = Object.entries(r.deleted).map(([t, n]) => `${t} ${n}`).join(', ');
        console.log(`Erased customer ${id}: ${rows || 'no rows'}${r.walCheckpointed ? '' : ' (the server is busy: old pages leave the write-ahead log at its next checkpoint)'}`);
      });
    });
}

export { ImportError };
