// Export queries: each dataset's columns and a row iterator over the whole table (constant memory), with time filters.
import type { DB } from './connection';
import { Where } from './sqlFilters';

export const datasets = ['events', 'sessions', 'customers', 'leads'] as const;
export type Dataset = (typeof datasets)[number];

interface DatasetSql {
  /** Output column names, in order; the query selects exactly these. */
  columns: string[];
  /** Columns holding JSON text (written as nested JSON in NDJSON, as text in CSV). */
  json: string[];
  select: string;
  from: string;
  /** The time column `since`/`until` filter on (ms since the epoch). */
  time: string;
  order: string;
}

const sql: Record<Dataset, DatasetSql> = {
  events: {
    columns: ['id', 'session_id', 'visitor_id', 'seq', 'type', 'client_ts', 'server_ts', 'input', 'product_id', 'variant_id', 'props'],
    json: ['props'],
    select: 'e.id, e.session_id, s.visitor_id, e.seq, e.type, e.client_ts, e.server_ts, e.input, e.product_id, e.variant_id, e.props',
    from: 'events e JOIN sessions s ON s.id = e.session_id',
    time: 'e.server_ts',
    order: 'e.rowid',
  },
  sessions: {
    columns: ['id', 'visitor_id', 'customer_id', 'started_at', 'last_seen_at', 'first_ts', 'last_ts', 'mode', 'user_agent', 'event_count'],
    json: [],
    select: 's.id, s.visitor_id, v.customer_id, s.started_at, s.last_seen_at, s.first_ts, s.last_ts, s.mode, s.user_agent, s.event_count',
    from: 'sessions s JOIN visitors v ON v.id = s.visitor_id',
    time: 's.started_at',
    order: 's.started_at, s.id',
  },
  customers: {
    columns: ['id', 'name', 'email', 'phone', 'company', 'address', 'postal_code', 'city', 'country', 'consent_contact', 'consent_tracking', 'source', 'created_at', 'updated_at'],
    json: [],
    select: 'c.id, c.name, c.email, c.phone, c.company, c.address, c.postal_code, c.city, c.country, c.consent_contact, c.consent_tracking, c.source, c.created_at, c.updated_at',
    from: 'customers c',
    time: 'c.created_at',
    order: 'c.id',
  },
  leads: {
    columns: ['id', 'customer_id', 'customer_email', 'visitor_id', 'title', 'stage', 'lost_reason', 'value', 'currency', 'assignee_email', 'source', 'created_at', 'updated_at', 'products'],
    json: ['products'],
    select: `l.id, l.customer_id, c.email, l.visitor_id, l.title, l.stage, l.lost_reason, l.value_cents / 100.0, l.currency, u.email, l.source,
      l.created_at, l.updated_at,
      (SELECT json_group_array(json_object('product_id', p.product_id, 'variant_id', p.variant_id, 'reason', p.reason, 'quantity', p.quantity,
         'unit_price', p.unit_price_cents / 100.0)) FROM lead_products p WHERE p.lead_id = l.id)`,
    from: 'leads l LEFT JOIN customers c ON c.id = l.customer_id LEFT JOIN staff_users u ON u.id = l.assignee_id',
    time: 'l.created_at',
    order: 'l.id',
  },
};

export interface ExportQuery {
  columns: string[];
  json: string[];
  /** Rows matching the filter (counted before streaming, for progress). */
  count: number;
  /** Rows as arrays in `columns` order, read one at a time. */
  rows: IterableIterator<unknown[]>;
}

/** Opens a streaming read of `dataset`; `since` (inclusive) and `until` (exclusive) are ms since the epoch. */
export function exportQuery(db: DB, dataset: Dataset, range: { since?: number | undefined; until?: number | undefined } = {}): ExportQuery {
  const d = sql[dataset];
  const where = new Where();
  if (range.since !== undefined) where.add(`${d.time} >= ?`, range.since);
  if (range.until !== undefined) where.add(`${d.time} < ?`, range.until);
  const count = db.prepare(`SELECT count(*) FROM ${d.from}${where.clause}`).pluck().get(...where.params) as number;
  const rows = db.prepare(`SELECT ${d.select} FROM ${d.from}${where.clause} ORDER BY ${d.order}`).raw().iterate(...where.params) as IterableIterator<unknown[]>;
  return { columns: d.columns, json: d.json, count, rows };
}
