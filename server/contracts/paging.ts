// Zod schemas of list paging (page size, keyset cursors) and the page shape every list procedure returns.
import { z } from 'zod';
import { uuidSchema } from './ids';

/** A page size: a whole number from 1 to `max`, `fallback` when left out. */
export const pageLimit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

/** Cursor of a list ordered by id, newest first: the previous page's last id. */
export const idCursor = z.number().int().positive().nullish();

/** Cursor of a list ordered by (updatedAt, id), newest first: the previous page's last row. */
export const updatedCursor = z.object({ updatedAt: z.number().int(), id: z.number().int() }).nullish();

/** Cursor of a session list ordered by (startedAt, id), newest first: the previous page's last session. */
export const startedCursor = z.object({ startedAt: z.number().int(), id: uuidSchema }).nullish();

/** Free text to search for in a list (trimmed, at most 100 characters). */
export const searchText = z.string().trim().max(100);

/** One page of a list and the cursor of the next (null on the last page). */
export interface Page<T, C> {
  items: T[];
  nextCursor: C | null;
}

/**
 * The page out of `rows` fetched with a limit of `limit + 1` (the extra row says whether there is a
 * next page); `cursorOf` makes the next page's cursor from the page's last row.
 */
export function pageOf<T, C>(rows: T[], limit: number, cursorOf: (last: T) => C): Page<T, C> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
