// Staff accounts as admins manage them: the team directory, creating and changing accounts (audited), keeping an admin.
import { TRPCError } from '@trpc/server';
import { hashPassword } from '../auth/password';
import type { UserCreate, UserUpdate } from '../contracts/admin';
import { appendAudit } from '../db/audit';
import type { DB } from '../db/connection';
import { countActiveAdmins, createUser, DuplicateEmailError, getUser, listUsers, type StaffUser, updateUser } from '../db/staff';
import { callerActor, type CrmDeps, type StaffCaller } from './actors';

/** Enabled staff (id, name, role): for assignee pickers. */
export function staffDirectory(db: DB): Pick<StaffUser, 'id' | 'name' | 'role'>[] {
  return listUsers(db)
    .filter((u) => !u.disabled)
    .map(({ id, name, role }) => ({ id, name, role }));
}

/** A new staff account (CONFLICT for a taken email), audited as `user.create` with its email and role. */
export async function createStaffAccount(deps: Pick<CrmDeps, 'db' | 'now'>, input: UserCreate, caller: StaffCaller): Promise<StaffUser> {
  const { db } = deps;
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  try {
    return db.transaction(() => {
      const user = createUser(db, { email: input.email, name: input.name, role: input.role, passwordHash, now });
      appendAudit(db, callerActor(caller), { action: 'user.create', entity: 'user', entityId: user.id, details: { email: user.email, role: user.role } }, now);
      return user;
    })();
  } catch (err) {
    if (err instanceof DuplicateEmailError) throw new TRPCError({ code: 'CONFLICT', message: `email: ${err.message}` });
    throw err;
  }
}

/** The account, or NOT_FOUND. */
function loadAccount(db: DB, id: number): StaffUser {
  const user = getUser(db, id);
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: `No staff account ${id}` });
  return user;
}

/**
 * Changes an account's name, role, disabled flag or password (a disabled account or a new password
 * ends its logins at once). An admin cannot disable or demote themselves, and the last enabled admin
 * stays an admin (BAD_REQUEST). Audited as `user.update`, `user.disable` or `user.enable` with the
 * changed fields (a password only as `changed`); no change, no entry.
 */
export async function changeStaffAccount(deps: Pick<CrmDeps, 'db' | 'now'>, input: UserUpdate, caller: StaffCaller): Promise<StaffUser> {
  const { db } = deps;
  loadAccount(db, input.id);
  // Hash first: the checks below and the write must see the same state, with no await between them.
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const now = deps.now();
  return db.transaction(() => {
    const user = loadAccount(db, input.id);
    const losesAdmin = user.role === 'admin' && !user.disabled && ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && user.id === caller.staff.id) throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot disable your own account or take away your own admin role; ask another admin' });
    if (losesAdmin && countActiveAdmins(db) <= 1) throw new TRPCError({ code: 'BAD_REQUEST', message: `${user.email} is the last enabled admin; make another admin first` });
    updateUser(db, input.id, { name: input.name, role: input.role, disabled: input.disabled, passwordHash });
    const details: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== user.name) details.name = [user.name, input.name];
    if (input.role !== undefined && input.role !== user.role) details.role = [user.role, input.role];
    if (input.disabled !== undefined && input.disabled !== user.disabled) details.disabled = [user.disabled, input.disabled];
    if (passwordHash) details.password = 'changed';
    const action = details.disabled ? (input.disabled ? 'user.disable' : 'user.enable') : 'user.update';
    if (Object.keys(details).length) appendAudit(db, callerActor(caller), { action, entity: 'user', entityId: input.id, details }, now);
    return getUser(db, input.id)!;
  })();
}
