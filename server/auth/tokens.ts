// Random bearer tokens (session write tokens, staff login cookies) and their stored SHA-256 hashes.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random token: 32 bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a token, which is what the database keeps. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Constant-time comparison of a presented token against a stored hash. */
export function tokenMatches(token: string, storedHash: Buffer | undefined): boolean {
  if (!storedHash) return false;
  const h = hashToken(token);
  return h.length === storedHash.length && timingSafeEqual(h, storedHash);
}
