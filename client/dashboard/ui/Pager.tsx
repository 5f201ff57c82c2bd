// Previous/next buttons under a paged list, with the rows shown.
import type { CursorPager } from './useCursorPager';

export function Pager<C>({ pager, count, pageSize, nextCursor, busy }: { pager: CursorPager<C>; count: number; pageSize: number; nextCursor: C | null | undefined; busy?: boolean }) {
  const first = (pager.page - 1) * pageSize + 1;
  if (pager.page === 1 && !nextCursor) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={pager.prev} disabled={pager.page === 1 || busy}>
        ← Previous
      </button>
      <span>
        Page {pager.page} · rows {count ? `${first}–${first + count - 1}` : 'none'}
      </span>
      <button type="button" onClick={() => nextCursor && pager.next(nextCursor)} disabled={!nextCursor || busy}>
        Next →
      </button>
    </nav>
  );
}
