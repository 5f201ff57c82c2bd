// A tiny history-based router for the staff pages (/staff, /staff/sessions/:id).
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/** Goes to a staff URL without reloading the page. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  listeners.forEach((l) => l());
}

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => location.pathname,
  );
}
