// Note queries: notes on a customer or a lead, with their author.
import type { Note } from '../contracts/followups';
import type { DB } from './connection';
import type { LeadScope } from './leads';

const cols = `n.id, n.customer_id AS customerId, n.lead_id AS leadId, n.author_id AS authorId, u.name AS authorName, n.body,
  n.created_at AS createdAt, n.updated_at AS updatedAt`;
const from = 'FROM notes n JOIN staff_users u ON u.id = n.author_id';

export function getNote(db: DB, id: number): Note | undefined {
  return db.prepare(`SELECT ${cols} ${from} WHERE n.id = ?`).get(id) as Note | undefined;
}

/**
 * Notes newest first: a lead's, or a customer's together with those on the customer's leads that
 * `scope` lets the caller see.
 */
export function listNotes(db: DB, subject: { customerId?: number | undefined; leadId?: number | undefined }, scope: LeadScope): Note[] {
  if (subject.leadId !== undefined) {
    return db.prepare(`SELECT ${cols} ${from} WHERE n.lead_id = ? ORDER BY n.created_at DESC, n.id DESC`).all(subject.leadId) as Note[];
  }
  const own = scope.kind === 'own' ? ' AND (l.assignee_id = ? OR l.assignee_id IS NULL)' : '';
  return db
    .prepare(
      `SELECT ${cols} ${from} WHERE n.customer_id = ?
         OR n.lead_id IN (SELECT l.id FROM leads l WHERE l.customer_id = ?${own})
       ORDER BY n.created_at DESC, n.id DESC`,
    )
    .all(subject.customerId, subject.customerId, ...(scope.kind === 'own' ? [scope.staffId] : [])) as Note[];
}

export function insertNote(db: DB, n: { customerId: number | null; leadId: number | null; authorId: number; body: string; now: number }): number {
  const r = db
    .prepare('INSERT INTO notes (customer_id, lead_id, author_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(n.customerId, n.leadId, n.authorId, n.body, n.now, n.now);
  return Number(r.lastInsertRowid);
}

export function updateNoteBody(db: DB, id: number, body: string, now: number): void {
  db.prepare('UPDATE notes SET body = ?, updated_at = ? WHERE id = ?').run(body, now, id);
}

export function deleteNote(db: DB, id: number): void {
  db.prepare('DELETE FROM notes WHERE id = ?').run(id);
}
