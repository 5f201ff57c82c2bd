// Lead queries: the pipeline (list, totals per stage, stage moves), lead products, and the carts that feed them.
import { type Lead, type LeadSource, type LeadStage, leadStages, openStages, type StageTotal, stageProbability } from '../contracts/leads';
import type { DB } from './connection';
import { containsAny, type SqlPart, Where } from './sqlFilters';

const cols = `l.id, l.customer_id AS customerId, c.name AS customerName, c.email AS customerEmail, l.visitor_id AS visitorId,
  l.title, l.stage, l.lost_reason AS lostReason, l.value_cents AS valueCents, l.currency, l.value_manual AS valueManual,
  l.assignee_id AS assigneeId, u.name AS assigneeName, l.source, l.created_at AS createdAt, l.updated_at AS updatedAt,
  l.stage_changed_at AS stageChangedAt`;
const from = 'FROM leads l LEFT JOIN customers c ON c.id = l.customer_id LEFT JOIN staff_users u ON u.id = l.assignee_id';
const openList = openStages.map((s) => `'${s}'`).join(', ');

type Row = Omit<Lead, 'value' | 'valueManual' | 'probability'> & { valueCents: number; valueManual: number };
const toLead = (r: Row): Lead => {
  const { valueCents, valueManual, ...rest } = r;
  return { ...rest, probability: stageProbability[r.stage], value: valueCents / 100, valueManual: valueManual === 1 };
};

/** Which leads a caller may see: everyone's, or (for a salesperson) their own and unassigned ones. */
export type LeadScope = { kind: 'all' } | { kind: 'own'; staffId: number };

function scopeClause(scope: LeadScope, alias = 'l'): SqlPart {
  return scope.kind === 'all' ? { sql: '1', params: [] } : { sql: `(${alias}.assignee_id = ? OR ${alias}.assignee_id IS NULL)`, params: [scope.staffId] };
}

export function getLead(db: DB, id: number): Lead | undefined {
  const r = db.prepare(`SELECT ${cols} ${from} WHERE l.id = ?`).get(id) as Row | undefined;
  return r && toLead(r);
}

export interface LeadFilter {
  stage?: LeadStage | undefined;
  /** A staff id, or null for unassigned leads. */
  assigneeId?: number | null | undefined;
  customerId?: number | undefined;
  search?: string | undefined;
  limit: number;
  before?: { updatedAt: number; id: number } | null | undefined;
}

/** Leads most recently changed first, within the caller's scope. */
export function listLeads(db: DB, scope: LeadScope, f: LeadFilter): Lead[] {
  const where = new Where().addPart(scopeClause(scope));
  if (f.stage) where.add('l.stage = ?', f.stage);
  where.equals('l.assignee_id', f.assigneeId, true);
  where.equals('l.customer_id', f.customerId);
  if (f.search) where.addPart(containsAny(['l.title', 'c.name', 'c.email', 'c.company'], f.search));
  if (f.before) where.add('(l.updated_at, l.id) < (?, ?)', f.before.updatedAt, f.before.id);
  const rows = db.prepare(`SELECT ${cols} ${from}${where.clause} ORDER BY l.updated_at DESC, l.id DESC LIMIT ?`).all(...where.params, f.limit) as Row[];
  return rows.map(toLead);
}

/** Count, value and probability-weighted value per stage (every stage, in pipeline order). */
export function leadTotals(db: DB, scope: LeadScope, assigneeId?: number | null): StageTotal[] {
  const where = new Where().addPart(scopeClause(scope)).equals('l.assignee_id', assigneeId, true);
  const rows = db
    .prepare(`SELECT l.stage, l.currency, count(*) AS n, sum(l.value_cents) AS cents FROM leads l${where.clause} GROUP BY l.stage, l.currency`)
    .all(...where.params) as { stage: LeadStage; currency: string; n: number; cents: number }[];
  return leadStages.map((stage) => {
    const total: StageTotal = { stage, probability: stageProbability[stage], count: 0, value: {}, weighted: {} };
    for (const r of rows.filter((x) => x.stage === stage)) {
      total.count += r.n;
      total.value[r.currency] = r.cents / 100;
      total.weighted[r.currency] = Math.round(r.cents * stageProbability[stage]) / 100;
    }
    return total;
  });
}

/**
 * The current lead of each customer and of each anonymous browser, within the caller's scope: the open
 * lead most recently changed, else the latest closed one. Keys are `c:<customerId>` and `v:<visitorId>`.
 */
export function currentLeads(
  db: DB,
  scope: LeadScope,
  keys: { customerIds: readonly number[]; visitorIds: readonly string[] },
): Map<string, { id: number; stage: LeadStage }> {
  const out = new Map<string, { id: number; stage: LeadStage }>();
  if (keys.customerIds.length === 0 && keys.visitorIds.length === 0) return out;
  const s = scopeClause(scope);
  const rows = db
    .prepare(
      `SELECT l.id, l.stage, l.customer_id AS customerId, l.visitor_id AS visitorId FROM leads l
       WHERE (l.customer_id IN (SELECT value FROM json_each(?))
              OR (l.customer_id IS NULL AND l.visitor_id IN (SELECT value FROM json_each(?)))) AND ${s.sql}
       ORDER BY (l.stage IN (${openList})) DESC, l.updated_at DESC, l.id DESC`,
    )
    .all(JSON.stringify(keys.customerIds), JSON.stringify(keys.visitorIds), ...s.params) as {
    id: number;
    stage: LeadStage;
    customerId: number | null;
    visitorId: string | null;
  }[];
  for (const r of rows) {
    const key = r.customerId !== null ? `c:${r.customerId}` : `v:${r.visitorId}`;
    if (!out.has(key)) out.set(key, { id: r.id, stage: r.stage });
  }
  return out;
}

export interface NewLead {
  customerId: number | null;
  visitorId: string | null;
  title: string;
  source: LeadSource;
  valueCents?: number | undefined;
  currency: string;
  valueManual?: boolean | undefined;
  assigneeId?: number | null | undefined;
  now: number;
}

export function insertLead(db: DB, l: NewLead): number {
  const r = db
    .prepare(
      `INSERT INTO leads (customer_id, visitor_id, title, source, value_cents, currency, value_manual, assignee_id, created_at, updated_at, stage_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(l.customerId, l.visitorId, l.title, l.source, l.valueCents ?? 0, l.currency, l.valueManual ? 1 : 0, l.assigneeId ?? null, l.now, l.now, l.now);
  return Number(r.lastInsertRowid);
}

export interface LeadPatch {
  title?: string | undefined;
  valueCents?: number | undefined;
  currency?: string | undefined;
  valueManual?: boolean | undefined;
  assigneeId?: number | null | undefined;
}

const patchColumns: Record<keyof LeadPatch, string> = {
  title: 'title',
  valueCents: 'value_cents',
  currency: 'currency',
  valueManual: 'value_manual',
  assigneeId: 'assignee_id',
};

/** Writes the given fields; returns those that changed with their old and new values. */
export function updateLead(db: DB, id: number, patch: LeadPatch, now: number): Record<string, [unknown, unknown]> {
  const before = db
    .prepare('SELECT title, value_cents AS valueCents, currency, value_manual = 1 AS valueManual, assignee_id AS assigneeId FROM leads WHERE id = ?')
    .get(id) as Record<keyof LeadPatch, unknown> | undefined;
  if (!before) return {};
  const changed: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(patchColumns) as (keyof LeadPatch)[]) {
    const value = key === 'valueManual' && patch.valueManual !== undefined ? Number(patch.valueManual) : patch[key];
    if (value !== undefined && value !== before[key]) changed[key] = [before[key], value];
  }
  const keys = Object.keys(changed) as (keyof LeadPatch)[];
  if (keys.length === 0) return {};
  db.prepare(`UPDATE leads SET ${keys.map((k) => `${patchColumns[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
    ...keys.map((k) => changed[k]![1]),
    now,
    id,
  );
  return changed;
}

/** Moves a lead to `stage` (a lost lead needs the reason; leaving `lost` clears it). */
export function moveLeadStage(db: DB, id: number, stage: LeadStage, lostReason: string | null, now: number): void {
  db.prepare('UPDATE leads SET stage = ?, lost_reason = ?, stage_changed_at = ?, updated_at = ? WHERE id = ?').run(
    stage,
    stage === 'lost' ? lostReason : null,
    now,
    now,
    id,
  );
}

/** The customer's most recently changed lead that is still open. */
export function openLeadOfCustomer(db: DB, customerId: number): number | undefined {
  return db
    .prepare(`SELECT id FROM leads WHERE customer_id = ? AND stage IN (${openList}) ORDER BY updated_at DESC, id DESC LIMIT 1`)
    .pluck()
    .get(customerId) as number | undefined;
}

/** The open lead of a browser that has not yet said who it is. */
export function openAnonymousLead(db: DB, visitorId: string): number | undefined {
  return db
    .prepare(`SELECT id FROM leads WHERE visitor_id = ? AND customer_id IS NULL AND stage IN (${openList}) ORDER BY updated_at DESC, id DESC LIMIT 1`)
    .pluck()
    .get(visitorId) as number | undefined;
}

/** Sets the value the cart gives a lead, unless staff fixed it; marks the lead changed. */
export function setCartValue(db: DB, leadId: number, valueCents: number, currency: string, now: number): void {
  db.prepare('UPDATE leads SET value_cents = CASE value_manual WHEN 1 THEN value_cents ELSE ? END, currency = CASE value_manual WHEN 1 THEN currency ELSE ? END, updated_at = ? WHERE id = ?').run(
    valueCents,
    currency,
    now,
    leadId,
  );
}

/** Makes a browser's anonymous leads the customer's. */
export function assignAnonymousLeads(db: DB, visitorId: string, customerId: number, now: number): void {
  db.prepare('UPDATE leads SET customer_id = ?, updated_at = ? WHERE visitor_id = ? AND customer_id IS NULL').run(customerId, now, visitorId);
}

/** Folds lead `fromId` into `intoId`: products, notes, tasks, requests and orders move; `fromId` is deleted. */
export function mergeLead(db: DB, fromId: number, intoId: number, now: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO lead_products (lead_id, product_id, variant_id, reason, quantity, unit_price_cents, currency, added_at)
     SELECT ?, product_id, variant_id, reason, quantity, unit_price_cents, currency, added_at FROM lead_products WHERE lead_id = ?`,
  ).run(intoId, fromId);
  for (const table of ['notes', 'tasks', 'service_requests', 'orders']) {
    db.prepare(`UPDATE ${table} SET lead_id = ? WHERE lead_id = ?`).run(intoId, fromId);
  }
  db.prepare('DELETE FROM leads WHERE id = ?').run(fromId);
  db.prepare('UPDATE leads SET updated_at = ? WHERE id = ?').run(now, intoId);
}
