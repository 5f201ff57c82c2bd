// Staff account and login queries: users with roles, and hashed login tokens with expiry.
import type { DB } from './connection';

export const roles = ['admin', 'sales', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
}

type Row = Omit<StaffUser, 'disabled'> & { disabled: number };
const cols = 'id, email, name, role, disabled, created_at AS createdAt';
const toUser = (r: Row): StaffUser => ({ ...r, disabled: r.disabled === 1 });

/** Creates a user; throws `DuplicateEmailError` when the email is taken. */
export function createUser(db: DB, u: { email: string; name: string; role: Role; passwordHash: string; now: number }): StaffUser {
  try {
    const r = db
      .prepare('INSERT INTO staff_users (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(u.email, u.name, u.passwordHash, u.role, u.now);
    return { id: Number(r.lastInsertRowid), email: u.email, name: u.name, role: u.role, disabled: false, createdAt: u.now };
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateEmailError(u.email);
    throw err;
  }
}

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`A staff account with the email ${email} already exists`);
  }
}

export function listUsers(db: DB): StaffUser[] {
  return (db.prepare(`SELECT ${cols} FROM staff_users ORDER BY email`).all() as Row[]).map(toUser);
}

/** The user and password hash for a login attempt. */
export function findUserForLogin(db: DB, email: string): (StaffUser & { passwordHash: string }) | undefined {
  const r = db.prepare(`SELECT ${cols}, password_hash AS passwordHash FROM staff_users WHERE email = ?`).get(email) as
    | (Row & { passwordHash: string })
    | undefined;
  return r && { ...toUser(r), passwordHash: r.passwordHash };
}

export function createLogin(db: DB, l: { tokenHash: Buffer; userId: number; now: number; expiresAt: number }): void {
  db.transaction(() => {
    db.prepare('DELETE FROM staff_logins WHERE expires_at <= ?').run(l.now);
    db.prepare('INSERT INTO staff_logins (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      l.tokenHash,
      l.userId,
      l.now,
      l.expiresAt,
    );
  })();
}

/** The enabled user behind an unexpired login token hash. */
export function userForLogin(db: DB, tokenHash: Buffer, now: number): StaffUser | undefined {
  const r = db
    .prepare(
      `SELECT u.id, u.email, u.name, u.role, u.disabled, u.created_at AS createdAt
       FROM staff_logins l JOIN staff_users u ON u.id = l.user_id
       WHERE l.token_hash = ? AND l.expires_at > ? AND u.disabled = 0`,
    )
    .get(tokenHash, now) as Row | undefined;
  return r && toUser(r);
}

export function deleteLogin(db: DB, tokenHash: Buffer): void {
  db.prepare('DELETE FROM staff_logins WHERE token_hash = ?').run(tokenHash);
}

export function getUser(db: DB, id: number): StaffUser | undefined {
  const r = db.prepare(`SELECT ${cols} FROM staff_users WHERE id = ?`).get(id) as Row | undefined;
  return r && toUser(r);
}

/** Number of enabled admin accounts. */
export function countActiveAdmins(db: DB): number {
  return db.prepare(`SELECT count(*) FROM staff_users WHERE role = 'admin' AND disabled = 0`).pluck().get() as number;
}

/** Writes the given fields; disabling an account or changing its password ends its logins. */
export function updateUser(
  db: DB,
  id: number,
  p: { name?: string | undefined; role?: Role | undefined; disabled?: boolean | undefined; passwordHash?: string | undefined },
): void {
  db.transaction(() => {
    if (p.name !== undefined) db.prepare('UPDATE staff_users SET name = ? WHERE id = ?').run(p.name, id);
    if (p.role !== undefined) db.prepare('UPDATE staff_users SET role = ? WHERE id = ?').run(p.role, id);
    if (p.disabled !== undefined) db.prepare('UPDATE staff_users SET disabled = ? WHERE id = ?').run(p.disabled ? 1 : 0, id);
    if (p.passwordHash !== undefined) db.prepare('UPDATE staff_users SET password_hash = ? WHERE id = ?').run(p.passwordHash, id);
    if (p.disabled === true || p.passwordHash !== undefined) db.prepare('DELETE FROM staff_logins WHERE user_id = ?').run(id);
  })();
}
