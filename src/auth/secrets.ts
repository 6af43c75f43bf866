import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Random secrets (API tokens, session ids, CSRF tokens) and their stored form.
 * A secret is 32 random bytes in base64url; the database keeps only its sha256,
 * so a copy of the database opens nothing.
 */
export const TOKEN_MARKER = 'nb_';
/** Characters of a token kept in clear for listing and revocation: the marker and 8 more. */
export const TOKEN_PREFIX_LENGTH = TOKEN_MARKER.length + 8;

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** "nb_" + 43 base64url characters; the marker lets secret scanners recognise a leaked token. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_MARKER}${randomSecret()}`;
  return { token, prefix: token.slice(0, TOKEN_PREFIX_LENGTH), hash: sha256(token) };
}

export function looksLikeApiToken(value: string): boolean {
  return /^nb_[A-Za-z0-9_-]{43}$/.test(value);
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time equality of two strings (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
