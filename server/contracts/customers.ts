// Zod schemas and types of CRM customers: what staff send to create, update and find them, and what they get back.
import { z } from 'zod';
import { pageLimit, searchText, updatedCursor } from './paging';

/** Text that is trimmed; blank becomes null (so an update can clear the field). */
export const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));

const emailCheck = z.email();
/** An email address, trimmed and lower-cased; blank becomes null. */
export const emailField = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .transform((v) => v.toLowerCase())
  .refine((v) => v === '' || emailCheck.safeParse(v).success, 'must be an email address like ana@example.com')
  .nullable()
  .transform((v) => (v ? v : null));

/** A phone number as typed (digits, spaces, + ( ) - . /); normalised to E.164 on the server. */
export const phoneField = z
  .string()
  .trim()
  .max(40, 'must be at most 40 characters')
  .refine((v) => v === '' || /^\+?[0-9 ()./-]{5,40}$/.test(v), 'must be a phone number of digits, spaces and + ( ) - .')
  .nullable()
  .transform((v) => (v ? v : null));

/** ISO 3166-1 alpha-2 country code, e.g. DE; upper-cased. */
export const countryField = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v === '' || /^[A-Z]{2}$/.test(v), 'must be a two-letter country code such as DE or GB')
  .nullable()
  .transform((v) => (v ? v : null));

export const customerSources = ['showroom', 'import', 'staff'] as const;
export type CustomerSource = (typeof customerSources)[number];

const customerFields = {
  name: clearableText(120),
  email: emailField,
  phone: phoneField,
  company: clearableText(120),
  address: clearableText(300),
  postalCode: clearableText(20),
  city: clearableText(80),
  country: countryField,
  /** The customer agreed to be contacted by the sales team. */
  consentContact: z.boolean(),
  /** The customer agreed that their showroom visits are linked to them and analysed. */
  consentTracking: z.boolean(),
};

export const customerCreateSchema = z
  .object(customerFields)
  .partial()
  .superRefine((c, ctx) => {
    if (!c.email && !c.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'give an email address or a phone number' });
  });
export type CustomerCreate = z.infer<typeof customerCreateSchema>;

/** Fields left out stay as they are; null (or blank) clears an optional field. */
export const customerUpdateSchema = z.object({ id: z.number().int().positive(), ...customerFields }).partial().required({ id: true });
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export const customerListSchema = z.object({
  /** Matches name, email, phone or company (case-insensitive, substring). */
  search: searchText.optional(),
  source: z.enum(customerSources).optional(),
  limit: pageLimit(200, 50),
  /** From the previous page's `nextCursor`. */
  cursor: updatedCursor,
});
export type CustomerListInput = z.infer<typeof customerListSchema>;

export const idSchema = z.object({ id: z.number().int().positive() });

/** The fields of a customer that staff, the contact form and the import may set. */
export interface CustomerFields {
  name: string;
  email: string | null;
  /** E.164 when the country was known, else as typed. */
  phone: string | null;
  company: string | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  consentContact: boolean;
  consentTracking: boolean;
}

export interface Customer extends CustomerFields {
  id: number;
  source: CustomerSource;
  /** ms since the epoch. */
  createdAt: number;
  updatedAt: number;
}

export interface CustomerListItem extends Customer {
  openLeads: number;
  /** Last time one of the customer's browsers was seen, ms since the epoch, or null. */
  lastSeenAt: number | null;
}
