// Follow-up tasks: which ones a caller may see and work on, and the changes, each in one transaction.
import { TRPCError } from '@trpc/server';
import type { Task, TaskCreate, TaskListInput, TaskUpdate } from '../contracts/followups';
import type { DB } from '../db/connection';
import type { StaffUser } from '../db/staff';
import { deleteTask, getTask, insertTask, listTasks, updateTask } from '../db/tasks';
import { assigneeFilter, checkAssignee, leadScope, loadCustomer, loadLead } from './access';
import type { CrmDeps } from './actors';

/** The task, if the caller may work on it: assigned to them, or on a customer or a lead they may see. */
function loadTask(db: DB, staff: StaffUser, id: number): Task {
  const task = getTask(db, id);
  if (!task) throw new TRPCError({ code: 'NOT_FOUND', message: `No task ${id}` });
  if (task.leadId !== null && task.assigneeId !== staff.id) loadLead(db, staff, task.leadId);
  return task;
}

/** The UTC calendar day (YYYY-MM-DD) of `now`, ms since the epoch. */
const todayUtc = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Tasks by due date (NOT_FOUND for a customer or lead that does not exist); `due` is relative to `today` (the caller's day, else the server's UTC date). */
export function taskList(deps: Pick<CrmDeps, 'db' | 'now'>, input: TaskListInput, staff: StaffUser): Task[] {
  const { db } = deps;
  if (input.leadId !== undefined) loadLead(db, staff, input.leadId);
  if (input.customerId !== undefined) loadCustomer(db, input.customerId);
  return listTasks(db, leadScope(staff), {
    customerId: input.customerId,
    leadId: input.leadId,
    assigneeId: assigneeFilter(staff, input.assignee),
    due: input.due,
    done: input.done,
    today: input.today ?? todayUtc(deps.now()),
    limit: input.limit,
  });
}

/** A task on a customer or a lead `staff` may see; assigned to them unless `assigneeId` says otherwise. */
export function addTask(deps: Pick<CrmDeps, 'db' | 'now'>, input: TaskCreate, staff: StaffUser): Task {
  const { db } = deps;
  return db.transaction(() => {
    if (input.leadId !== undefined) loadLead(db, staff, input.leadId);
    else loadCustomer(db, input.customerId!);
    const assigneeId = input.assigneeId === undefined ? staff.id : input.assigneeId;
    checkAssignee(db, staff, assigneeId);
    const id = insertTask(db, {
      customerId: input.customerId ?? null,
      leadId: input.leadId ?? null,
      title: input.title,
      dueDate: input.dueDate ?? null,
      assigneeId,
      createdBy: staff.id,
      now: deps.now(),
    });
    return getTask(db, id)!;
  })();
}

/** Changes a task's title, due date, assignee or done mark. */
export function changeTask(deps: Pick<CrmDeps, 'db' | 'now'>, input: TaskUpdate, staff: StaffUser): Task {
  const { db } = deps;
  return db.transaction(() => {
    const task = loadTask(db, staff, input.id);
    if (input.assigneeId !== undefined && input.assigneeId !== task.assigneeId) checkAssignee(db, staff, input.assigneeId);
    updateTask(db, input.id, input, deps.now());
    return getTask(db, input.id)!;
  })();
}

/** Deletes a task: its creator, its assignee or an admin (FORBIDDEN otherwise). */
export function removeTask(db: DB, id: number, staff: StaffUser): { ok: true } {
  db.transaction(() => {
    const task = loadTask(db, staff, id);
    if (staff.role !== 'admin' && task.createdBy !== staff.id && task.assigneeId !== staff.id) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only the task's creator, its assignee or an admin can delete task ${id}` });
    }
    deleteTask(db, id);
  })();
  return { ok: true };
}
