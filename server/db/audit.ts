// Audit log queries: append who changed what and when, read it newest first.
import type { AuditEntry } from '../contracts/admin';
import { type Page, pageOf } from '../contracts/paging';
import type { DB } from './connection';
import { Where } from './sqlFilters';

/** Who did something: a staff member, the operator's command line, or the showroom acting for a visitor. */
export interface Actor {
  id: number | null;
  /** Staff email, `cli:<os user>` or `showroom`. */
  label: string;
  ip?: string | null | undefined;
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null | undefined;
  /** Must never hold a customer's personal data (names, emails, phones, free text about them). */
  details?: Record<string, unknown>;
}

/** Appends one entry; `at` is ms since the epoch. */
export function appendAudit(db: DB, actor: Actor, r: AuditRecord, at: number): void {
  db.prepare('INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, details, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    at,
    actor.id,
    actor.label,
    r.action,
    r.entity,
    r.entityId === undefined || r.entityId === null ? null : String(r.entityId),
    JSON.stringify(r.details ?? {}),
    actor.ip ?? null,
  );
}

/** Entries newest first; `before` is the last id of the previous page. */
export function listAudit(
  db: DB,
  f: { entity?: string | undefined; entityId?: string | undefined; actorId?: number | undefined; before?: number | null | undefined; limit: number },
): AuditEntry[] {
  const where = new Where();
  if (f.entity) where.add('entity = ?', f.entity);
  if (f.entityId) where.add('entity_id = ?', f.entityId);
  if (f.actorId) where.add('actor_id = ?', f.actorId);
  if (f.before) where.add('id < ?', f.before);
  const rows = db
    .prepare(
      `SELECT id, at, actor_id AS actorId, actor, action, entity, entity_id AS entityId, details, ip FROM audit_log
      ${where.clause} ORDER BY id DESC LIMIT ?`,
    )
    .all(...where.params, f.limit) as (Omit<AuditEntry, 'details'> & { details: string })[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

/** Entries newest first, a page of `limit` at a time; the cursor is the page's last id. */
export function auditPage(
  db: DB,
  f: { entity?: string | undefined; entityId?: string | undefined; actorId?: number | undefined; cursor?: number | null | undefined; limit: number },
): Page<AuditEntry, number> {
  const rows = listAudit(db, { entity: f.entity, entityId: f.entityId, actorId: f.actorId, before: f.cursor, limit: f.limit + 1 });
  return pageOf(rows, f.limit, (e) => e.id);
}
