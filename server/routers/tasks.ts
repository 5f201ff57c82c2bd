// Staff procedures for follow-up tasks: list (due today, overdue, mine...), create, update, mark done, delete.
import { TRPCError } from '@trpc/server';
import { idSchema } from '../contracts/customers';
import { taskCreateSchema, taskListSchema, taskUpdateSchema } from '../contracts/followups';
import { assigneeFilter, checkAssignee, leadScope, loadCustomer, loadLead } from '../crm/access';
import type { DB } from '../db/connection';
import type { StaffUser } from '../db/staff';
import { deleteTask, getTask, insertTask, listTasks, updateTask } from '../db/tasks';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');

/** The task, if the caller may work on it: assigned to them, or on a customer or a lead they may see. */
function loadTask(db: DB, staff: StaffUser, id: number) {
  const task = getTask(db, id);
  if (!task) throw new TRPCError({ code: 'NOT_FOUND', message: `No task ${id}` });
  if (task.leadId !== null && task.assigneeId !== staff.id) loadLead(db, staff, task.leadId);
  return task;
}

const todayUtc = (now: number) => new Date(now).toISOString().slice(0, 10);

export const tasksRouter = router({
  /** Tasks by due date; `due: 'today'` with the caller's `today` gives the day's follow-ups. */
  list: staffProcedure.input(taskListSchema).query(({ ctx, input }) => {
    if (input.leadId !== undefined) loadLead(ctx.db, ctx.staff, input.leadId);
    return listTasks(ctx.db, leadScope(ctx.staff), {
      customerId: input.customerId,
      leadId: input.leadId,
      assigneeId: assigneeFilter(ctx.staff, input.assignee),
      due: input.due,
      done: input.done,
      today: input.today ?? todayUtc(ctx.now()),
      limit: input.limit,
    });
  }),

  /** A task on a customer or a lead; assigned to the creator unless `assigneeId` says otherwise. */
  create: writer.input(taskCreateSchema).mutation(({ ctx, input }) => {
    if (input.leadId !== undefined) loadLead(ctx.db, ctx.staff, input.leadId);
    else loadCustomer(ctx.db, input.customerId!);
    const assigneeId = input.assigneeId === undefined ? ctx.staff.id : input.assigneeId;
    checkAssignee(ctx.db, ctx.staff, assigneeId);
    const id = insertTask(ctx.db, {
      customerId: input.customerId ?? null,
      leadId: input.leadId ?? null,
      title: input.title,
      dueDate: input.dueDate ?? null,
      assigneeId,
      createdBy: ctx.staff.id,
      now: ctx.now(),
    });
    return getTask(ctx.db, id)!;
  }),

  /** Title, due date, assignee, done. */
  update: writer.input(taskUpdateSchema).mutation(({ ctx, input }) => {
    const task = loadTask(ctx.db, ctx.staff, input.id);
    if (input.assigneeId !== undefined && input.assigneeId !== task.assigneeId) checkAssignee(ctx.db, ctx.staff, input.assigneeId);
    updateTask(ctx.db, input.id, input, ctx.now());
    return getTask(ctx.db, input.id)!;
  }),

  /** Deletes a task: its creator, its assignee or an admin. */
  delete: writer.input(idSchema).mutation(({ ctx, input }) => {
    const task = loadTask(ctx.db, ctx.staff, input.id);
    if (ctx.staff.role !== 'admin' && task.createdBy !== ctx.staff.id && task.assigneeId !== ctx.staff.id) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only the task's creator, its assignee or an admin can delete task ${input.id}` });
    }
    deleteTask(ctx.db, input.id);
    return { ok: true };
  }),
});
