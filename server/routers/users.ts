// Staff account procedures: the team directory for everyone; creating, changing and disabling accounts for admins.
import { userCreateSchema, userUpdateSchema } from '../contracts/admin';
import { changeStaffAccount, createStaffAccount, staffDirectory } from '../crm/staffAccounts';
import { listUsers } from '../db/staff';
import { roleProcedure, router, staffProcedure } from '../trpc';

const admin = roleProcedure('admin');

export const usersRouter = router({
  /** Enabled staff (id, name, role): for assignee pickers. */
  directory: staffProcedure.query(({ ctx }) => staffDirectory(ctx.db)),

  /** Every account, enabled or not. */
  list: admin.query(({ ctx }) => listUsers(ctx.db)),

  create: admin.input(userCreateSchema).mutation(({ ctx, input }) => createStaffAccount(ctx, input, ctx)),

  /**
   * Name, role, disabled, password. Disabling or a new password ends the account's logins at once.
   * An admin cannot disable or demote themselves, and the last enabled admin stays an admin.
   */
  update: admin.input(userUpdateSchema).mutation(({ ctx, input }) => changeStaffAccount(ctx, input, ctx)),
});
