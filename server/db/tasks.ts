// Follow-up task queries: tasks on a customer or a lead, with due dates, assignees and done state.
import type { Task } from '../contracts/followups';
import type { DB } from './connection';
import type { LeadScope } from './leads';
import { Where } from './sqlFilters';

const cols = `t.id, t.customer_id AS customerId, t.lead_id AS leadId, COALESCE(c.name, lc.name) AS customerName, t.title,
  t.due_date AS dueDate, t.assignee_id AS assigneeId, u.name AS assigneeName, t.created_by AS createdBy, t.done_at AS doneAt,
  t.created_at AS createdAt, t.updated_at AS updatedAt`;
const from = `FROM tasks t LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN leads l ON l.id = t.lead_id
  LEFT JOIN customers lc ON lc.id = l.customer_id LEFT JOIN staff_users u ON u.id = t.assignee_id`;

type Row = Omit<Task, 'done'>;
const toTask = (r: Row): Task => ({ ...r, done: r.doneAt !== null });

export function getTask(db: DB, id: number): Task | undefined {
  const r = db.prepare(`SELECT ${cols} ${from} WHERE t.id = ?`).get(id) as Row | undefined;
  return r && toTask(r);
}

export interface TaskFilter {
  customerId?: number | undefined;
  leadId?: number | undefined;
  /** A staff id, or null for unassigned tasks. */
  assigneeId?: number | null | undefined;
  due?: 'today' | 'overdue' | 'upcoming' | 'none' | undefined;
  done?: boolean | undefined;
  /** YYYY-MM-DD. */
  today: string;
  limit: number;
}

/**
 * Tasks by due date (undated last). A salesperson (`scope` own) sees tasks on customers, on leads
 * they may see, and tasks assigned to them.
 */
export function listTasks(db: DB, scope: LeadScope, f: TaskFilter): Task[] {
  const where = new Where();
  const add = where.add.bind(where);
  if (scope.kind === 'own') add('(t.lead_id IS NULL OR l.assignee_id = ? OR l.assignee_id IS NULL OR t.assignee_id = ?)', scope.staffId, scope.staffId);
  if (f.customerId !== undefined) add('(t.customer_id = ? OR l.customer_id = ?)', f.customerId, f.customerId);
  where.equals('t.lead_id', f.leadId);
  where.equals('t.assignee_id', f.assigneeId, true);
  if (f.done !== undefined) add(f.done ? 't.done_at IS NOT NULL' : 't.done_at IS NULL');
  if (f.due === 'today') add('t.due_date = ?', f.today);
  else if (f.due === 'overdue') add('t.due_date < ? AND t.done_at IS NULL', f.today);
  else if (f.due === 'upcoming') add('t.due_date > ?', f.today);
  else if (f.due === 'none') add('t.due_date IS NULL');
  const rows = db
    .prepare(
      `SELECT ${cols} ${from}${where.clause}
       ORDER BY t.due_date IS NULL, t.due_date, t.id LIMIT ?`,
    )
    .all(...where.params, f.limit) as Row[];
  return rows.map(toTask);
}

export function insertTask(
  db: DB,
  t: { customerId: number | null; leadId: number | null; title: string; dueDate: string | null; assigneeId: number | null; createdBy: number; now: number },
): number {
  const r = db
    .prepare('INSERT INTO tasks (customer_id, lead_id, title, due_date, assignee_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(t.customerId, t.leadId, t.title, t.dueDate, t.assigneeId, t.createdBy, t.now, t.now);
  return Number(r.lastInsertRowid);
}

/** Writes the given fields; `done` true stamps done_at (once), false clears it. */
export function updateTask(
  db: DB,
  id: number,
  p: { title?: string | undefined; dueDate?: string | null | undefined; assigneeId?: number | null | undefined; done?: boolean | undefined },
  now: number,
): void {
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (sql: string, ...values: unknown[]) => {
    sets.push(sql);
    params.push(...values);
  };
  if (p.title !== undefined) set('title = ?', p.title);
  if (p.dueDate !== undefined) set('due_date = ?', p.dueDate);
  if (p.assigneeId !== undefined) set('assignee_id = ?', p.assigneeId);
  if (p.done === true) set('done_at = COALESCE(done_at, ?)', now);
  if (p.done === false) set('done_at = NULL');
  if (sets.length === 0) return;
  db.prepare(`UPDATE tasks SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...params, now, id);
}

export function deleteTask(db: DB, id: number): void {
  db.prepare('DELETE FROM tasks WHERE id = ?').run(id);
}
