// Reads what the server stored, straight from its SQLite file, for browser tests to assert on.
import path from 'node:path';
import Database from 'better-sqlite3';

export interface StoredEventRow {
  sessionId: string;
  seq: number;
  type: string;
  input: string;
  productId: string | null;
  variantId: string | null;
  props: Record<string, unknown>;
}

/** Every stored event, oldest session first, in sequence order. */
export function storedEvents(dataDir: string): StoredEventRow[] {
  const db = new Database(path.join(dataDir, 'showroom.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT session_id AS sessionId, seq, type, input, product_id AS productId, variant_id AS variantId, props
         FROM events ORDER BY session_id, seq`,
      )
      .all() as (Omit<StoredEventRow, 'props'> & { props: string })[];
    return rows.map((r) => ({ ...r, props: JSON.parse(r.props) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}
