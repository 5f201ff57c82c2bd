// Who an audit entry names (the logged-in staff member, the operator's command line, the showroom) and what domain services are given.
import os from 'node:os';
import type { Catalog } from '../contracts/catalog';
import type { Actor } from '../db/audit';
import type { DB } from '../db/connection';
import type { StaffUser } from '../db/staff';

/** The showroom acting on a visitor's behalf (e.g. a contact form creating a customer). */
export const showroomActor: Actor = { id: null, label: 'showroom' };

/** The operator at the command line, named by their operating system account. */
export function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): keep 'unknown'.
  }
  return { id: null, label: `cli:${user}` };
}

/** A logged-in staff member making a request from `ip`. */
export const staffActor = (staff: { id: number; email: string }, ip: string): Actor => ({ id: staff.id, label: staff.email, ip });

/** The logged-in staff member a domain service acts for, and the address the request came from (for the audit log). */
export interface StaffCaller {
  staff: StaffUser;
  ip: string;
}

/** The audit actor of a staff caller. */
export const callerActor = (caller: StaffCaller): Actor => staffActor(caller.staff, caller.ip);

/** What the domain services need of the server: the database, the catalogue and the clock (ms since the epoch). */
export interface CrmDeps {
  db: DB;
  catalog: Catalog;
  now: () => number;
}
