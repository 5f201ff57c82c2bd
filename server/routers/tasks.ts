// Staff procedures for follow-up tasks: list (due today, overdue, mine...), create, update, mark done, delete.
import { idSchema } from '../contracts/customers';
import { taskCreateSchema, taskListSchema, taskUpdateSchema } from '../contracts/followups';
import { addTask, changeTask, removeTask, taskList } from '../crm/tasks';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');

export const tasksRouter = router({
  /** Tasks by due date; `due: 'today'` with the caller's `today` gives the day's follow-ups. */
  list: staffProcedure.input(taskListSchema).query(({ ctx, input }) => taskList(ctx, input, ctx.staff)),

  /** A task on a customer or a lead; assigned to the creator unless `assigneeId` says otherwise. */
  create: writer.input(taskCreateSchema).mutation(({ ctx, input }) => addTask(ctx, input, ctx.staff)),

  /** Title, due date, assignee, done. */
  update: writer.input(taskUpdateSchema).mutation(({ ctx, input }) => changeTask(ctx, input, ctx.staff)),

  /** Deletes a task: its creator, its assignee or an admin. */
  delete: writer.input(idSchema).mutation(({ ctx, input }) => removeTask(ctx.db, input.id, ctx.staff)),
});
