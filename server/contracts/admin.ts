// Zod schemas and types of staff account administration and the audit log.
import { z } from 'zod';
import { idCursor, pageLimit } from './paging';

export const staffRoles = ['admin', 'sales', 'viewer'] as const;

const password = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');

export const userCreateSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('must be an email address like ana@example.com').max(254)),
  name: z.string().trim().min(1, 'is needed').max(120),
  role: z.enum(staffRoles),
  password,
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1, 'is needed').max(120).optional(),
  role: z.enum(staffRoles).optional(),
  /** true disables the account and ends its logins at once. */
  disabled: z.boolean().optional(),
  password: password.optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const auditListSchema = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  actorId: z.number().int().positive().optional(),
  limit: pageLimit(500, 100),
  /** The last id of the previous page (newest first). */
  cursor: idCursor,
});

export interface AuditEntry {
  id: number;
  /** ms since the epoch. */
  at: number;
  actorId: number | null;
  /** Staff email, `cli:<os user>` or `showroom`. */
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}
