// Record-level access for staff: which leads a role sees, loading records with clear NOT_FOUND/FORBIDDEN answers.
import { TRPCError } from '@trpc/server';
import type { Customer } from '../contracts/customers';
import type { Lead } from '../contracts/leads';
import type { DB } from '../db/connection';
import { getCustomer } from '../db/customers';
import { getLead, type LeadScope } from '../db/leads';
import { getUser, type StaffUser } from '../db/staff';

/**
 * Admins and viewers see every lead; a salesperson sees the leads assigned to them and the
 * unassigned ones (which they may claim). Customers are shared by the whole team.
 */
export function leadScope(staff: StaffUser): LeadScope {
  return staff.role === 'sales' ? { kind: 'own', staffId: staff.id } : { kind: 'all' };
}

/** The lead, or NOT_FOUND; FORBIDDEN when it is assigned to another salesperson. */
export function loadLead(db: DB, staff: StaffUser, id: number): Lead {
  const lead = getLead(db, id);
  if (!lead) throw new TRPCError({ code: 'NOT_FOUND', message: `No lead ${id}` });
  if (staff.role === 'sales' && lead.assigneeId !== null && lead.assigneeId !== staff.id) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Lead ${id} is assigned to ${lead.assigneeName}; only they or an admin can work on it` });
  }
  return lead;
}

export function loadCustomer(db: DB, id: number): Customer {
  const customer = getCustomer(db, id);
  if (!customer) throw new TRPCError({ code: 'NOT_FOUND', message: `No customer ${id}` });
  return customer;
}

/** Resolves 'me' and 'unassigned' in a filter to a staff id or null. */
export function assigneeFilter(staff: StaffUser, a: number | 'me' | 'unassigned' | undefined): number | null | undefined {
  return a === 'me' ? staff.id : a === 'unassigned' ? null : a;
}

/**
 * Checks that `assigneeId` may own leads and tasks (an enabled admin or salesperson); a
 * salesperson may only assign to themselves or to nobody. `field` names the input in messages.
 */
export function checkAssignee(db: DB, staff: StaffUser, assigneeId: number | null, field = 'assigneeId'): void {
  if (assigneeId === null) return;
  const user = getUser(db, assigneeId);
  if (!user) throw new TRPCError({ code: 'BAD_REQUEST', message: `${field}: there is no staff member ${assigneeId}` });
  if (user.disabled) throw new TRPCError({ code: 'BAD_REQUEST', message: `${field}: ${user.name}'s account is disabled` });
  if (user.role === 'viewer') throw new TRPCError({ code: 'BAD_REQUEST', message: `${field}: ${user.name} is a viewer and cannot take on work` });
  if (staff.role === 'sales' && assigneeId !== staff.id) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `${field}: a salesperson can assign only to themselves; ask an admin to assign to ${user.name}` });
  }
}
