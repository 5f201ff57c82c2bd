// `showroom import customers`: a messy CSV (BOM, quoted commas, line breaks, blank lines, duplicates, bad values) imports exactly the expected rows.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, runCli, tempDir } from '../../test/helpers/server';
import { openDatabase } from '../db/connection';
import { insertCustomer } from '../db/customers';
import { migrate } from '../db/migrate';

const fixture = path.join(root, 'test/fixtures/customers-messy.csv');
let dataDir: string;

beforeEach(() => {
  dataDir = tempDir();
  const db = openDatabase(path.join(dataDir, 'showroom.sqlite'));
  migrate(db);
  insertCustomer(
    db,
    { name: 'Eve Existing', email: 'eve@example.com', phone: null, company: null, address: null, postalCode: null, city: null, country: null, consentContact: false, consentTracking: false },
    'staff',
    Date.now(),
  );
  db.close();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function customers() {
  const db = new Database(path.join(dataDir, 'showroom.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT name, email, phone, company, address, postal_code AS postalCode, city, country, consent_contact AS consent, source FROM customers ORDER BY id')
      .all();
  } finally {
    db.close();
  }
}

describe('import customers', () => {
  it('imports exactly the good rows, normalised, and reports every skipped row with its line and reason', () => {
    const r = runCli(['import', 'customers', fixture, '--country', 'DE'], { dataDir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'Ignored columns: Notes',
      'line 6: skipped: email "carla@example": must be an email address like ana@example.com',
      'line 8: skipped: no email address (imported customers are matched by email)',
      'line 9: skipped: same email (ana.lima@example.com) as line 2',
      'line 10: skipped: customer 1 already has the email eve@example.com',
      'line 11: skipped: phone: "12345" is not a valid phone number in DE',
      'line 12: skipped: consent_contact "maybe" must be yes or no (or true/false, 1/0, or empty)',
      'line 15: skipped: has 12 fields but the header names 10 (a comma inside a value needs "quotes")',
      'Imported 4 customers, skipped 7 of 11 rows',
    ]);
    const none = { company: null, address: null, postalCode: null, city: null, country: null };
    expect(customers()).toEqual([
      { ...none, name: 'Eve Existing', email: 'eve@example.com', phone: null, consent: 0, source: 'staff' },
      {
        name: 'Ana Lima',
        email: 'ana.lima@example.com',
        phone: '+4915123456789',
        company: 'Lima, Costa & Filhos',
        address: 'Hauptstr. 1',
        postalCode: '10115',
        city: 'Berlin',
        country: 'DE',
        consent: 1,
        source: 'import',
      },
      {
        name: 'Bo "Bobby" Holm',
        email: 'bo@example.com',
        phone: '+442079460958',
        company: null,
        address: 'Flat 2\n10 Downing Lane',
        postalCode: 'SW1A 1AA',
        city: 'London',
        country: 'GB',
        consent: 0,
        source: 'import',
      },
      { ...none, name: 'Hana Sato', email: 'hana@example.com', phone: '+819012345678', city: 'Tokyo', country: 'JP', consent: 1, source: 'import' },
      { ...none, name: 'Ivo Novak', email: 'ivo@example.com', phone: '+49301234567', company: 'Novak "Design", s.r.o.', consent: 0, source: 'import' },
    ]);

    // Importing the same file again finds every customer already there.
    const again = runCli(['import', 'customers', fixture, '--country', 'DE'], { dataDir });
    expect(again.stdout).toMatch(/Imported 0 customers, skipped 11 of 11 rows/);
    expect(customers()).toHaveLength(5);
  });

  it('writes nothing for a dry run or a file that is not valid CSV, and says why', () => {
    expect(runCli(['import', 'customers', fixture, '--dry-run'], { dataDir }).stdout).toMatch(/Would import 4 customers.*dry run: nothing written/);
    const broken = path.join(dataDir, 'broken.csv');
    fs.writeFileSync(broken, 'name,email\nAna,ana@example.com\n"Bo,bo@example.com\n');
    const r = runCli(['import', 'customers', broken], { dataDir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*broken\.csv is not valid CSV/);
    const noEmail = path.join(dataDir, 'no-email.csv');
    fs.writeFileSync(noEmail, 'name,phone\nAna,+4915123456789\n');
    expect(runCli(['import', 'customers', noEmail], { dataDir }).stderr).toMatch(/one for the email address \(accepted: email, emailaddress, mail\); found: name, phone/);
    expect(customers()).toHaveLength(1);
  });
});
