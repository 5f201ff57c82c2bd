// The dashboard frame: the sections the role may use on the left, who is logged in, and the page.
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { useMe } from './me';
import { navFor } from './nav';
import { Routes } from './Routes';
import { queryClient, trpc } from './trpc';

export function Shell() {
  const me = useMe();
  const [location] = useLocation();
  const logout = useMutation(trpc.staff.logout.mutationOptions({ onSettled: () => queryClient.resetQueries() }));
  const current = (href: string) => location === href || location.startsWith(`${href}/`) || (href === '/sessions' && location === '/');
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">Showroom</div>
        <nav aria-label="Sections">
          <ul>
            {navFor(me.role).map((item) => (
              <li key={item.href}>
                <Link href={item.href} className={current(item.href) ? 'active' : ''} aria-current={current(item.href) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="whoami">
          <span className="who">{me.name}</span>
          <span className={`role role-${me.role}`}>{me.role}</span>
          <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
            Log out
          </button>
        </div>
      </aside>
      <main className="content">
        <Routes />
      </main>
    </div>
  );
}
