// Zod schemas of the customer's cart, wishlist and salesperson requests, shared with the client.
import { z } from 'zod';
import { slugSchema, uuidSchema } from './ids';

/** Every customer write names its session and proves it with the session's write token. */
export const sessionAuthSchema = z.object({
  sessionId: uuidSchema,
  token: z.string().min(20).max(100),
});

export const itemRefSchema = z.object({ productId: slugSchema, variantId: slugSchema });

export const addToCartSchema = itemRefSchema.extend({ quantity: z.number().int().min(1).max(99).default(1) });
export const setCartQuantitySchema = itemRefSchema.extend({ quantity: z.number().int().min(0, 'must be 0 (remove) to 99').max(99) });

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const emailCheck = z.email();
/** Optional text: trimmed, blank counts as absent, otherwise must pass `check`. */
const optionalText = (max: number, check: (v: string) => boolean, message: string, normalise = (v: string) => v) =>
  trimmed(max)
    .refine((v) => v === '' || check(v), message)
    .transform((v) => (v ? normalise(v) : undefined))
    .optional();

export const contactRequestSchema = z
  .object({
    /** `form`: the desktop form with contact details; `one-press`: the in-VR button, no typing. */
    channel: z.enum(['form', 'one-press']),
    productId: slugSchema.optional(),
    variantId: slugSchema.optional(),
    name: trimmed(120).optional(),
    email: optionalText(254, (v) => emailCheck.safeParse(v.toLowerCase()).success, 'must be an email address like ana@example.com', (v) => v.toLowerCase()),
    phone: optionalText(40, (v) => /^\+?[0-9 ()./-]{5,40}$/.test(v), 'must be a phone number of digits, spaces and + ( ) - .'),
    message: trimmed(2000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.channel !== 'form') return;
    if (!r.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'is needed so the salesperson knows whom to ask for' });
    if (!r.email && !r.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'give an email address or a phone number' });
  });
export type ContactRequest = z.infer<typeof contactRequestSchema>;

/** A product in a chosen variant and quantity, with the names a person reads: the base of cart, lead and order lines. */
export interface ItemLine {
  productId: string;
  variantId: string;
  name: string;
  variantName: string;
  quantity: number;
}

export interface CartLine extends ItemLine {
  /** Price of one item with the variant's difference, in major units. */
  unitPrice: number;
  currency: string;
}

export interface Cart {
  items: CartLine[];
  /** Sum per currency, in major units. */
  totals: Record<string, number>;
}

export interface WishlistLine {
  productId: string;
  variantId: string;
  name: string;
  variantName: string;
}
