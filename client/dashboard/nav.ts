// The dashboard's sections and which roles see them (mirrors the access matrix in README.md).
import type { Role } from './me';

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const everyone: readonly Role[] = ['admin', 'sales', 'viewer'];

export const navItems: readonly NavItem[] = [
  { href: '/sessions', label: 'Sessions', roles: everyone },
  { href: '/live', label: 'Live', roles: everyone },
  { href: '/analytics', label: 'Analytics', roles: everyone },
  { href: '/customers', label: 'Customers', roles: everyone },
  { href: '/leads', label: 'Leads', roles: everyone },
  { href: '/tasks', label: 'Tasks', roles: everyone },
  { href: '/requests', label: 'Service requests', roles: everyone },
  { href: '/users', label: 'Users', roles: ['admin'] },
  { href: '/webhooks', label: 'Webhooks', roles: ['admin'] },
  { href: '/audit', label: 'Audit log', roles: ['admin'] },
];

/** The sections a role may open. */
export const navFor = (role: Role) => navItems.filter((i) => i.roles.includes(role));
