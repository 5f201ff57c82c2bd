// Reads a customer CSV (any common header names), validates and normalises each row, and imports them all in one transaction.
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { customerCreateSchema } from '../contracts/customers';
import { describeZodError } from '../contracts/errors';
import { type Actor, appendAudit } from '../db/audit';
import type { DB } from '../db/connection';
import { type CustomerFields, findCustomerByEmail, insertCustomer } from '../db/customers';
import { emitCustomerCreated } from '../webhooks/emit';
import { newCustomerFields, normaliseCustomerInput } from './customers';

type Field = 'name' | 'firstName' | 'lastName' | 'email' | 'phone' | 'company' | 'address' | 'postalCode' | 'city' | 'country' | 'consentContact' | 'consentTracking';

/** Header names accepted for each field, compared lower-case with everything but letters and digits removed. */
export const headerAliases: Record<Field, string[]> = {
  name: ['name', 'fullname', 'customer', 'customername', 'contactname'],
  firstName: ['firstname', 'givenname', 'forename'],
  lastName: ['lastname', 'surname', 'familyname'],
  email: ['email', 'emailaddress', 'mail'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile'],
  company: ['company', 'companyname', 'organisation', 'organization'],
  address: ['address', 'street', 'streetaddress', 'address1'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode'],
  city: ['city', 'town'],
  country: ['country', 'countrycode'],
  consentContact: ['consentcontact', 'consent', 'contactconsent', 'marketingconsent'],
  consentTracking: ['consenttracking', 'trackingconsent'],
};
const fieldOfHeader = new Map(Object.entries(headerAliases).flatMap(([field, names]) => names.map((n) => [n, field as Field])));
const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface ImportReport {
  rows: number;
  imported: { line: number; id: number; email: string }[];
  skipped: { line: number; reason: string }[];
  ignoredColumns: string[];
}

/** Thrown for a file that cannot be imported at all (unreadable, malformed CSV, no email column); nothing is written. */
export class ImportError extends Error {}

const yes = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si']);
const no = new Set(['no', 'n', 'false', '0', '', 'nein', 'non']);

function consent(raw: string | undefined, column: string): boolean | string {
  const v = (raw ?? '').trim().toLowerCase();
  if (yes.has(v)) return true;
  if (no.has(v)) return false;
  return `${column} "${raw}" must be yes or no (or true/false, 1/0, or empty)`;
}

interface Candidate {
  line: number;
  fields: CustomerFields;
}

/** Parses and checks every row; duplicates (in the file or already stored) and bad rows become skips with a reason. */
async function readRows(db: DB, file: string, defaultCountry: string | null, report: ImportReport): Promise<Candidate[]> {
  let input: fs.ReadStream;
  try {
    fs.accessSync(file, fs.constants.R_OK);
    input = fs.createReadStream(file);
  } catch {
    throw new ImportError(`Cannot read ${file}`);
  }
  const parser = input.pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  let columns: (Field | null)[] | null = null;
  let headers: string[] = [];
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.every((v) => v === '')) continue; // a row of empty cells counts as a blank line
      if (!columns) {
        headers = record;
        columns = record.map((h) => fieldOfHeader.get(headerKey(h)) ?? null);
        report.ignoredColumns = headers.filter((_, i) => columns![i] === null);
        if (!columns.includes('email')) {
          throw new ImportError(`The first row must name the columns, with one for the email address (accepted: ${headerAliases.email.join(', ')}); found: ${headers.join(', ')}`);
        }
        continue;
      }
      report.rows++;
      const line = info.lines;
      const skip = (reason: string) => report.skipped.push({ line, reason });
      if (record.length > headers.length && record.slice(headers.length).some((v) => v !== '')) {
        skip(`has ${record.length} fields but the header names ${headers.length} (a comma inside a value needs "quotes")`);
        continue;
      }
      const raw: Partial<Record<Field, string>> = {};
      columns.forEach((f, i) => f && record[i] !== undefined && (raw[f] = record[i]));
      if (!raw.email) {
        skip('no email address (imported customers are matched by email)');
        continue;
      }
      const contactConsent = consent(raw.consentContact, 'consent_contact');
      const trackingConsent = consent(raw.consentTracking, 'consent_tracking');
      if (typeof contactConsent === 'string' || typeof trackingConsent === 'string') {
        skip(typeof contactConsent === 'string' ? contactConsent : (trackingConsent as string));
        continue;
      }
      const name = raw.name ?? [raw.firstName, raw.lastName].filter(Boolean).join(' ');
      const parsed = customerCreateSchema.safeParse({
        name,
        email: raw.email,
        phone: raw.phone || null,
        company: raw.company || null,
        address: raw.address || null,
        postalCode: raw.postalCode || null,
        city: raw.city || null,
        country: raw.country || null,
        consentContact: contactConsent,
        consentTracking: trackingConsent,
      });
      if (!parsed.success) {
        skip(describeZodError(parsed.error).replace(/^email: /, `email "${raw.email}": `));
        continue;
      }
      let fields: CustomerFields;
      try {
        fields = newCustomerFields(normaliseCustomerInput(parsed.data, defaultCountry));
      } catch (err) {
        skip((err as Error).message);
        continue;
      }
      const email = fields.email!;
      const earlier = seen.get(email);
      if (earlier !== undefined) {
        skip(`same email (${email}) as line ${earlier}`);
        continue;
      }
      seen.set(email, line);
      const existing = findCustomerByEmail(db, email);
      if (existing) {
        skip(`customer ${existing.id} already has the email ${email}`);
        continue;
      }
      candidates.push({ line, fields });
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const e = err as { message: string; lines?: number };
    throw new ImportError(`${file} is not valid CSV${e.lines ? ` near line ${e.lines}` : ''}: ${e.message}`);
  }
  if (!columns) throw new ImportError(`${file} is empty`);
  return candidates;
}

/**
 * Imports customers from a CSV file: header row first (names matched loosely, see `headerAliases`),
 * values trimmed, emails lower-cased, phones to E.164 (with the row's country or `defaultCountry`),
 * rows whose email is already a customer's or repeats an earlier row skipped with their line and
 * reason. All rows are written in one transaction (`dryRun` writes nothing), and audited.
 */
export async function importCustomers(db: DB, file: string, opts: { defaultCountry: string | null; dryRun: boolean; actor: Actor; now: number }): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, imported: [], skipped: [], ignoredColumns: [] };
  const candidates = await readRows(db, file, opts.defaultCountry, report);
  if (opts.dryRun) {
    report.imported = candidates.map((c) => ({ line: c.line, id: 0, email: c.fields.email! }));
    return report;
  }
  db.transaction(() => {
    for (const c of candidates) {
      const customer = insertCustomer(db, c.fields, 'import', opts.now);
      emitCustomerCreated(db, customer, opts.now);
      report.imported.push({ line: c.line, id: customer.id, email: customer.email! });
    }
    appendAudit(db, opts.actor, { action: 'customers.import', entity: 'import', details: { rows: report.rows, imported: report.imported.length, skipped: report.skipped.length } }, opts.now);
  })();
  return report;
}
