// Finds every row that belongs to one customer, in any table, by following references; erases or exports them.
import type { DB } from './connection';

/** A column of `table` that points at `parentKey` of `parent` (a declared foreign key or a naming convention). */
interface Reference {
  table: string;
  column: string;
  parent: string;
  parentKey: string;
}

/** Columns that refer to these tables even where no foreign key is declared (e.g. rollups kept without constraints). */
const conventions: Record<string, string> = { customer_id: 'customers', visitor_id: 'visitors', session_id: 'sessions', lead_id: 'leads' };
/** Secrets that are not the customer's data and never leave the server. */
const hiddenColumns = new Set(['token_hash', 'password_hash']);

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

function references(db: DB): { tables: string[]; refs: Reference[] } {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const columns = new Map(tables.map((t) => [t, db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(t) as ColumnInfo[]]));
  const keyOf = (table: string) => columns.get(table)?.find((c) => c.pk === 1)?.name ?? 'rowid';
  const refs: Reference[] = [];
  for (const table of tables) {
    const fks = db.prepare('SELECT "table" AS parent, "from" AS col, "to" AS key FROM pragma_foreign_key_list(?)').all(table) as {
      parent: string;
      col: string;
      key: string | null;
    }[];
    for (const fk of fks) refs.push({ table, column: fk.col, parent: fk.parent, parentKey: fk.key ?? keyOf(fk.parent) });
    for (const col of columns.get(table)!) {
      const parent = conventions[col.name];
      if (!parent || parent === table || !columns.has(parent) || fks.some((fk) => fk.col === col.name)) continue;
      // An integer column pointing at a table keyed by text holds the parent's rowid.
      const parentKey = keyOf(parent);
      const parentKeyType = columns.get(parent)!.find((c) => c.name === parentKey)?.type ?? '';
      const byRowid = /INT/i.test(col.type) && /TEXT|CHAR/i.test(parentKeyType);
      refs.push({ table, column: col.name, parent, parentKey: byRowid ? 'rowid' : parentKey });
    }
  }
  return { tables, refs };
}

export interface PersonalTable {
  table: string;
  /** SQL condition (with the named parameter @customerId) selecting the customer's rows. */
  where: string;
}

/**
 * Every table holding rows of a customer, parents before children, each with the condition that
 * selects those rows: the customer itself, then whatever refers to it (browsers, leads, orders...),
 * then whatever refers to those (sessions, events, pose data...), however deep.
 */
export function personalTables(db: DB): PersonalTable[] {
  const { refs } = references(db);
  const personal = new Set(['customers']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of refs) {
      if (personal.has(r.parent) && !personal.has(r.table)) {
        personal.add(r.table);
        grew = true;
      }
    }
  }
  const parentsOf = (table: string) => refs.filter((r) => r.table === table && r.parent !== table && personal.has(r.parent));
  // A row is the customer's when any of its references leads to the customer; a cycle is not followed twice.
  const condition = (table: string, path: string[]): string => {
    if (table === 'customers') return '"id" = @customerId';
    const parts = parentsOf(table)
      .filter((r) => !path.includes(r.parent))
      .map((r) => `${q(r.column)} IN (SELECT ${q(r.parentKey)} FROM ${q(r.parent)} WHERE ${condition(r.parent, [...path, table])})`);
    return parts.length ? parts.join(' OR ') : '0';
  };
  // Parents before children (Kahn); tables caught in a reference cycle come last.
  const order: string[] = [];
  const pending = new Set(personal);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => t === 'customers' || parentsOf(t).every((r) => !pending.has(r.parent)));
    const next = ready.length > 0 ? ready.sort() : [...pending].sort().slice(0, 1);
    for (const t of next) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order.map((table) => ({ table, where: condition(table, []) }));
}

/**
 * Deletes every row of the customer in every table (children first, in one transaction, with
 * SQLite's secure delete so the freed pages are zeroed), then checkpoints the write-ahead log so
 * old page images are gone from it too. `inTransaction` runs last inside that transaction with the
 * rows deleted per table (for the audit entry: if it throws, nothing is erased). Returns the rows deleted per table.
 */
export function eraseCustomerRows(
  db: DB,
  customerId: number,
  inTransaction: (deleted: Record<string, number>) => void = () => {},
): { deleted: Record<string, number>; walCheckpointed: boolean } {
  const tables = personalTables(db);
  const secureBefore = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  const deleted: Record<string, number> = {};
  try {
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const { table, where } of [...tables].reverse()) {
        deleted[table] = db.prepare(`DELETE FROM ${q(table)} WHERE ${where}`).run({ customerId }).changes;
      }
      inTransaction(deleted);
    })();
  } finally {
    db.pragma(`secure_delete = ${secureBefore}`);
  }
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { deleted, walCheckpointed: checkpoint ? checkpoint.busy === 0 : true };
}

/** Every row of the customer, table by table (parents first); binary columns as base64, secrets left out. */
export function* customerRows(db: DB, customerId: number): Generator<{ table: string; row: Record<string, unknown> }> {
  for (const { table, where } of personalTables(db)) {
    for (const row of db.prepare(`SELECT * FROM ${q(table)} WHERE ${where}`).iterate({ customerId }) as Iterable<Record<string, unknown>>) {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (hiddenColumns.has(key)) continue;
        out[key] = Buffer.isBuffer(value) ? value.toString('base64') : value;
      }
      yield { table, row: out };
    }
  }
}
