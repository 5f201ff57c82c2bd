// Previous/next paging over a keyset-cursor list; going back to page 1 whenever the filter changes.
import { useState } from 'react';

export interface CursorPager<C> {
  /** The cursor of the page on screen (null for the first page). */
  cursor: C | null;
  /** 1-based page number. */
  page: number;
  next(nextCursor: C): void;
  prev(): void;
}

/** `filterKey` identifies the filter; a new key starts again at page 1. */
export function useCursorPager<C>(filterKey: string): CursorPager<C> {
  const [state, setState] = useState<{ key: string; stack: C[] }>({ key: filterKey, stack: [] });
  const stack = state.key === filterKey ? state.stack : [];
  return {
    cursor: stack.at(-1) ?? null,
    page: stack.length + 1,
    next: (c) => setState({ key: filterKey, stack: [...stack, c] }),
    prev: () => setState({ key: filterKey, stack: stack.slice(0, -1) }),
  };
}
