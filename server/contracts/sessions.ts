// Zod schema and types of the staff session list: its filters, cursor and rows.
import { z } from 'zod';
import { modes } from './events';
import { uuidSchema } from './ids';

const DAY_MS = 86_400_000;
const epochMs = z.number().int('must be whole milliseconds since the epoch').min(0).max(8.64e15);

export const sessionListSchema = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    /** From the previous page's `nextCursor`. */
    cursor: z.object({ startedAt: z.number().int(), id: uuidSchema }).nullish(),
    /** Sessions started at or after this time, ms since the epoch (the dashboard sends the start of the viewer's day). */
    from: epochMs.optional(),
    /** Sessions started before this time, ms since the epoch. */
    until: epochMs.optional(),
    mode: z.enum(modes).optional(),
    /** `known`: the browser belongs to a customer; `anonymous`: it has not said who it is. */
    customer: z.enum(['known', 'anonymous']).optional(),
    /** Only sessions at least this long (first to last event), ms. */
    minDurationMs: z.number().int().min(0).max(DAY_MS, 'must be at most one day in ms').optional(),
  })
  .superRefine((f, ctx) => {
    if (f.from !== undefined && f.until !== undefined && f.until <= f.from) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'must be after from' });
    }
  });
export type SessionListInput = z.infer<typeof sessionListSchema>;

/** Filters of the session list, as the query module takes them. */
export type SessionFilter = Pick<SessionListInput, 'from' | 'until' | 'mode' | 'customer' | 'minDurationMs'>;
