// A link to a dashboard page (path relative to /staff), navigating without a reload.
import type { ReactNode } from 'react';
import { Link } from 'wouter';

export function AppLink({ to, children, className, label }: { to: string; children: ReactNode; className?: string; label?: string }) {
  return (
    <Link href={to} className={className} aria-label={label}>
      {children}
    </Link>
  );
}
