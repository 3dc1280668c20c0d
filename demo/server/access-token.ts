/**
 * Personal links: a random token of 256 bits (43 base64url characters) in the link, only its
 * SHA-256 hash in the database. Whoever holds the link may view, confirm and cancel the registration:
 * it is the credential, as a password-reset link is. A hash suffices (no slow key derivation): the
 * token is random, not chosen by a person, so there is nothing to guess from the hash.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A token as this server makes them; anything else is refused before the database is asked. */
export const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/**
 * The self-service page's form token for one registration: an HMAC keyed with the link's token,
 * so only a page rendered for that link carries it (see `self-service.ts`).
 */
export function formToken(token: string, registrationId: string): string {
  return createHmac('sha256', token).update(`bijeen-form:${registrationId}`).digest('base64url');
}

export function isFormToken(presented: string, token: string, registrationId: string): boolean {
  const expected = Buffer.from(formToken(token, registrationId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
