// Staff account procedures: the team directory for everyone; creating, changing and disabling accounts for admins.
import { TRPCError } from '@trpc/server';
import { userCreateSchema, userUpdateSchema } from '../contracts/admin';
import { hashPassword } from '../auth/password';
import { staffActor } from '../crm/actors';
import { appendAudit } from '../db/audit';
import { countActiveAdmins, createUser, DuplicateEmailError, getUser, listUsers, updateUser } from '../db/staff';
import { roleProcedure, router, staffProcedure } from '../trpc';

const admin = roleProcedure('admin');

export const usersRouter = router({
  /** Enabled staff (id, name, role): for assignee pickers. */
  directory: staffProcedure.query(({ ctx }) => listUsers(ctx.db).filter((u) => !u.disabled).map(({ id, name, role }) => ({ id, name, role }))),

  /** Every account, enabled or not. */
  list: admin.query(({ ctx }) => listUsers(ctx.db)),

  create: admin.input(userCreateSchema).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    const now = ctx.now();
    try {
      return ctx.db.transaction(() => {
        const user = createUser(ctx.db, { email: input.email, name: input.name, role: input.role, passwordHash, now });
        appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action: 'user.create', entity: 'user', entityId: user.id, details: { email: user.email, role: user.role } }, now);
        return user;
      })();
    } catch (err) {
      if (err instanceof DuplicateEmailError) throw new TRPCError({ code: 'CONFLICT', message: `email: ${err.message}` });
      throw err;
    }
  }),

  /**
   * Name, role, disabled, password. Disabling or a new password ends the account's logins at once.
   * An admin cannot disable or demote themselves, and the last enabled admin stays an admin.
   */
  update: admin.input(userUpdateSchema).mutation(async ({ ctx, input }) => {
    const user = getUser(ctx.db, input.id);
    if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: `No staff account ${input.id}` });
    const losesAdmin = user.role === 'admin' && !user.disabled && ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && user.id === ctx.staff.id) throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot disable your own account or take away your own admin role; ask another admin' });
    if (losesAdmin && countActiveAdmins(ctx.db) <= 1) throw new TRPCError({ code: 'BAD_REQUEST', message: `${user.email} is the last enabled admin; make another admin first` });
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    const now = ctx.now();
    ctx.db.transaction(() => {
      updateUser(ctx.db, input.id, { name: input.name, role: input.role, disabled: input.disabled, passwordHash });
      const details: Record<string, unknown> = {};
      if (input.name !== undefined && input.name !== user.name) details.name = [user.name, input.name];
      if (input.role !== undefined && input.role !== user.role) details.role = [user.role, input.role];
      if (input.disabled !== undefined && input.disabled !== user.disabled) details.disabled = [user.disabled, input.disabled];
      if (passwordHash) details.password = 'changed';
      const action = details.disabled ? (input.disabled ? 'user.disable' : 'user.enable') : 'user.update';
      if (Object.keys(details).length) appendAudit(ctx.db, staffActor(ctx.staff, ctx.ip), { action, entity: 'user', entityId: input.id, details }, now);
    })();
    return getUser(ctx.db, input.id)!;
  }),
});
