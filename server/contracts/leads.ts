// Zod schemas and types of the sales pipeline: leads, their stages with win probabilities, products and totals.
import { z } from 'zod';
import { clearableText } from './customers';
import { pageLimit, searchText, updatedCursor } from './paging';

/** Pipeline stages in order, with the chance (0..1) that a lead in the stage is won. */
export const leadStages = ['new', 'contacted', 'qualified', 'proposal', 'won', 'lost'] as const;
export type LeadStage = (typeof leadStages)[number];
export const stageProbability: Record<LeadStage, number> = {
  new: 0.1,
  contacted: 0.2,
  qualified: 0.4,
  proposal: 0.6,
  won: 1,
  lost: 0,
};
/** Stages in which a lead is still being worked on (a cart or a request updates such a lead). */
export const openStages: readonly LeadStage[] = ['new', 'contacted', 'qualified', 'proposal'];

export const leadSources = ['cart', 'contact-form', 'one-press', 'staff'] as const;
export type LeadSource = (typeof leadSources)[number];

const money = z
  .number()
  .finite()
  .min(0)
  .max(100_000_000)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'must have at most 2 decimals');
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a currency code such as EUR');
const staffId = z.number().int().positive();

export const leadListSchema = z.object({
  stage: z.enum(leadStages).optional(),
  /** A staff id, 'me', or 'unassigned'. */
  assignee: z.union([staffId, z.enum(['me', 'unassigned'])]).optional(),
  customerId: z.number().int().positive().optional(),
  /** Matches the title or the customer's name, email or company. */
  search: searchText.optional(),
  limit: pageLimit(200, 50),
  /** From the previous page's `nextCursor`. */
  cursor: updatedCursor,
});
export type LeadListInput = z.infer<typeof leadListSchema>;

export const leadCreateSchema = z.object({
  customerId: z.number().int().positive(),
  title: z.string().trim().min(1, 'is needed').max(200),
  /** In major units; left out, the lead follows the customer's cart. */
  value: money.optional(),
  currency: currency.default('EUR'),
  assigneeId: staffId.nullish(),
});
export type LeadCreate = z.infer<typeof leadCreateSchema>;

export const leadUpdateSchema = z.object({
  id: z.number().int().positive(),
  title: z.string().trim().min(1, 'is needed').max(200).optional(),
  /** A number fixes the value; null makes the lead follow the customer's cart again. */
  value: money.nullable().optional(),
  currency: currency.optional(),
  /** null unassigns. A salesperson may assign only to themselves or to nobody. */
  assigneeId: staffId.nullable().optional(),
});
export type LeadUpdate = z.infer<typeof leadUpdateSchema>;

export const leadMoveSchema = z
  .object({
    id: z.number().int().positive(),
    stage: z.enum(leadStages),
    /** Required when the stage is `lost`. */
    lostReason: clearableText(500).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.stage === 'lost' && !m.lostReason) ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'is needed when a lead is lost' });
  });
export type LeadMove = z.infer<typeof leadMoveSchema>;

export const leadTotalsSchema = z.object({ assignee: z.union([staffId, z.enum(['me', 'unassigned'])]).optional() }).default({});

export interface LeadProduct {
  productId: string;
  variantId: string | null;
  name: string;
  variantName: string | null;
  reason: 'cart' | 'request' | 'staff';
  quantity: number;
  /** Major units of `currency`. */
  unitPrice: number;
  currency: string;
}

export interface Lead {
  id: number;
  customerId: number | null;
  /** The customer's name and email (null for an anonymous visitor's lead). */
  customerName: string | null;
  customerEmail: string | null;
  visitorId: string | null;
  title: string;
  stage: LeadStage;
  probability: number;
  lostReason: string | null;
  /** Major units of `currency`. */
  value: number;
  currency: string;
  /** True when staff fixed the value; false while it follows the cart. */
  valueManual: boolean;
  assigneeId: number | null;
  assigneeName: string | null;
  source: LeadSource;
  createdAt: number;
  updatedAt: number;
  stageChangedAt: number;
}

export interface StageTotal {
  stage: LeadStage;
  probability: number;
  count: number;
  /** Sum of lead values per currency, major units. */
  value: Record<string, number>;
  /** Value times probability, per currency. */
  weighted: Record<string, number>;
}
