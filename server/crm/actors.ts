// Who an audit entry names: the logged-in staff member, the operator's command line, or the showroom itself.
import os from 'node:os';
import type { Actor } from '../db/audit';

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
