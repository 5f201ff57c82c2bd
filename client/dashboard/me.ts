// The logged-in staff member and what their role lets them do (the server enforces the same rules).
import { createContext, useContext } from 'react';

export type Role = 'admin' | 'sales' | 'viewer';
export interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export const MeContext = createContext<Me | null>(null);

/** The logged-in staff member; only inside the shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the logged-in shell');
  return me;
}

/** May change customers, leads, notes, tasks, orders and requests (admins and sales). */
export const canWrite = (me: Me) => me.role === 'admin' || me.role === 'sales';
/** May manage staff accounts, read the audit log, export and erase a customer's data. */
export const isAdmin = (me: Me) => me.role === 'admin';
