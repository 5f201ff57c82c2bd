// Normalises customer contact details: lower-case emails, E.164 phone numbers, ISO country codes.
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Trims and lower-cases an email address (the key customers are unique by). */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** An upper-case ISO 3166-1 alpha-2 code the phone library knows, or an explanation. */
export function checkCountry(raw: string): Checked<string> {
  const code = raw.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && isSupportedCountry(code)) return { ok: true, value: code };
  return { ok: false, message: `"${raw.trim()}" is not a two-letter country code such as DE or GB` };
}

/**
 * Normalises a phone number to E.164 (`+4915123456789`) when it is written internationally (+ or 00)
 * or when `country` (ISO alpha-2) is known; otherwise keeps it as typed with spaces tidied, since
 * without a country it cannot be read reliably. A number that cannot be valid is refused.
 */
export function normalisePhone(raw: string, country?: string | null): Checked<string> {
  const typed = raw.trim().replace(/\s+/g, ' ');
  const international = typed.startsWith('+') || typed.startsWith('00');
  const region = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  if (!international && !region) return { ok: true, value: typed };
  const parsed = parsePhoneNumberFromString(typed.startsWith('00') ? `+${typed.slice(2)}` : typed, region);
  if (parsed?.isValid()) return { ok: true, value: parsed.number };
  return { ok: false, message: `"${typed}" is not a valid phone number${!international && region ? ` in ${region}` : ''}` };
}
