// Zod schema and types of the staff session list: its filters, cursor and rows.
import { z } from 'zod';
import { type Mode, modes } from './events';
import { slugSchema } from './ids';
import type { LeadStage } from './leads';
import { pageLimit, searchText, startedCursor } from './paging';

const DAY_MS = 86_400_000;
const epochMs = z.number().int('must be whole milliseconds since the epoch').min(0).max(8.64e15);

export const sessionListSchema = z
  .object({
    limit: pageLimit(200, 50),
    /** From the previous page's `nextCursor`. */
    cursor: startedCursor,
    /** Sessions started at or after this time, ms since the epoch (the dashboard sends the start of the viewer's day). */
    from: epochMs.optional(),
    /** Sessions started before this time, ms since the epoch. */
    until: epochMs.optional(),
    /** Sessions that were in this device mode at any point (started in it or switched to it). */
    mode: z.enum(modes).optional(),
    /** Sessions in which the customer looked at or used this product. */
    productId: slugSchema.optional(),
    /** `yes`: the customer asked for a salesperson in this session; `no`: they did not. */
    contact: z.enum(['yes', 'no']).optional(),
    /** `known`: the browser belongs to a customer; `anonymous`: it has not said who it is. */
    customer: z.enum(['known', 'anonymous']).optional(),
    /** Sessions of customers whose name, email, phone or company contains this text. */
    customerSearch: searchText.min(1, 'must not be empty').optional(),
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
export type SessionFilter = Pick<SessionListInput, 'from' | 'until' | 'mode' | 'productId' | 'contact' | 'customer' | 'customerSearch' | 'minDurationMs'>;

/** What the staff list shows of a session besides its summary. */
export interface SessionListExtras {
  /** Every device mode the session was in, in the order first used. */
  modes: Mode[];
  /** Products it looked at or used, most dwelt on first (at most 5; `productCount` has them all). */
  products: string[];
  /** What it put in the cart (additions less removals), at today's catalogue prices. */
  cartValue: { amount: number; currency: string };
  /** Contact requests made in it. */
  contactRequests: number;
  /** The lead of the customer (or of the anonymous browser) if the caller may see it: the open one, else the latest. */
  lead: { id: number; stage: LeadStage } | null;
}
