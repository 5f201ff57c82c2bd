// Validates and normalises customer fields from staff, the form or an import before they are stored.
import { TRPCError } from '@trpc/server';
import type { CustomerUpdate } from '../contracts/customers';
import type { CustomerFields } from '../db/customers';
import { checkCountry, normaliseEmail, normalisePhone } from './normalise';

type Input = Omit<CustomerUpdate, 'id'>;

/**
 * Normalises the fields given (email lower-case, country checked, phone to E.164 using the given
 * country or else `existingCountry`); absent fields stay absent. Throws BAD_REQUEST naming the field.
 */
export function normaliseCustomerInput(input: Input, existingCountry: string | null = null): Partial<CustomerFields> {
  const out: Partial<CustomerFields> = {};
  if (input.name !== undefined) out.name = input.name ?? '';
  for (const key of ['company', 'address', 'postalCode', 'city'] as const) if (input[key] !== undefined) out[key] = input[key];
  if (input.email !== undefined) out.email = input.email === null ? null : normaliseEmail(input.email);
  if (input.country !== undefined) {
    if (input.country === null) out.country = null;
    else {
      const c = checkCountry(input.country);
      if (!c.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: `country: ${c.message}` });
      out.country = c.value;
    }
  }
  if (input.phone !== undefined) {
    if (input.phone === null) out.phone = null;
    else {
      const p = normalisePhone(input.phone, out.country ?? existingCountry);
      if (!p.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: `phone: ${p.message}` });
      out.phone = p.value;
    }
  }
  if (input.consentContact !== undefined) out.consentContact = input.consentContact;
  if (input.consentTracking !== undefined) out.consentTracking = input.consentTracking;
  return out;
}

/** Fills the defaults of a new customer. */
export function newCustomerFields(f: Partial<CustomerFields>): CustomerFields {
  return {
    name: f.name ?? '',
    email: f.email ?? null,
    phone: f.phone ?? null,
    company: f.company ?? null,
    address: f.address ?? null,
    postalCode: f.postalCode ?? null,
    city: f.city ?? null,
    country: f.country ?? null,
    consentContact: f.consentContact ?? false,
    consentTracking: f.consentTracking ?? false,
  };
}
