import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import {
  deleteExpiredSessions,
  deleteSessionByHash,
  findLiveSession,
  findLiveTokens,
  findUserByEmail,
  findUserByTokenHash,
  insertApiToken,
  insertSession,
  insertUser,
  revokeTokens,
  setPasswordHash,
} from './accounts.repository.ts';
import { checkPassword, dummyPasswordHash, hashPassword, needsRehash, passwordProblem } from './passwords.ts';
import { TOKEN_MARKER, TOKEN_PREFIX_LENGTH, looksLikeApiToken, newApiToken, randomSecret, safeEqual, sha256 } from './secrets.ts';
import { ROLES, type AuthUser, type Role } from './user.types.ts';

export { ROLES, actorRef, type AuthUser, type Role } from './user.types.ts';
/** Public labels of accounts (role, display name; never an email), for a record's history. */
export { findUserLabels } from './accounts.repository.ts';

/**
 * Accounts, API tokens and web sessions. The HTTP routes, the CLI and the web
 * pages all call these; none of them touches a password, hash or token itself.
 */

export const emailSchema = z.string().trim().max(320).pipe(z.email());

export async function createUser(
  db: Kysely<DB>,
  input: { email: string; password: string; role: Role; displayName?: string | null },
): Promise<{ id: number }> {
  const issues = [];
  const email = emailSchema.safeParse(input.email);
  if (!email.success) issues.push({ field: 'email', message: 'is not an email address' });
  const problem = passwordProblem(input.password);
  if (problem) issues.push({ field: 'password', message: problem });
  if (!ROLES.includes(input.role)) issues.push({ field: 'role', message: `must be one of ${ROLES.join(', ')}` });
  if (issues.length > 0 || !email.success) {
    throw new ValidationError(`Invalid account: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`, issues);
  }
  const inserted = await insertUser(db, {
    email: email.data,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    displayName: input.displayName?.trim() || null,
  });
  if (!inserted) throw new ConflictError('An account with this email already exists');
  return { id: Number(inserted.id) };
}

/**
 * The account when the password is right; undefined otherwise (same time
 * either way). A hash of older parameters (scrypt) is replaced by today's on
 * the way, now that the password is known.
 */
export async function verifyPassword(db: Kysely<DB>, email: string, password: string): Promise<AuthUser | undefined> {
  const user = await findUserByEmail(db, email);
  const ok = await checkPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabled_at) return undefined;
  if (needsRehash(user.password_hash)) await setPasswordHash(db, user.id, await hashPassword(password), user.password_hash);
  return { id: Number(user.id), email: user.email, role: user.role };
}

export const DEFAULT_TOKEN_DAYS = 365;
export const MAX_TOKEN_DAYS = 3650;

/** A new API token for the account, valid `expiresDays` days (default 365); returned once, stored only as its sha256. */
export async function createApiToken(db: Kysely<DB>, email: string, options: { expiresDays?: number } = {}): Promise<string> {
  return (await issueApiToken(db, email, options)).token;
}

/** createApiToken, with the prefix and expiry to show beside the token. */
export async function issueApiToken(
  db: Kysely<DB>,
  email: string,
  options: { expiresDays?: number } = {},
): Promise<{ token: string; prefix: string; expiresAt: Date }> {
  const days = options.expiresDays ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw new ValidationError(`expiresDays must be a whole number from 1 to ${MAX_TOKEN_DAYS}`, [{ field: 'expiresDays', message: `must be 1–${MAX_TOKEN_DAYS}` }]);
  }
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at) throw new NotFoundError('No active account with this email');
  const { token, prefix, hash } = newApiToken();
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await insertApiToken(db, { userId: user.id, prefix, hash, expiresAt });
  return { token, prefix, expiresAt };
}

/**
 * Revokes the token itself, or the one live token whose prefix starts with
 * the given text (at least the marker and 4 characters). An ambiguous prefix
 * revokes nothing and says so. Returns the prefixes revoked.
 */
export async function revokeApiToken(db: Kysely<DB>, tokenOrPrefix: string): Promise<{ revoked: string[] }> {
  const value = tokenOrPrefix.trim();
  let matches;
  if (looksLikeApiToken(value)) {
    matches = await findLiveTokens(db, { hash: sha256(value) });
  } else {
    if (!value.startsWith(TOKEN_MARKER) || value.length < TOKEN_MARKER.length + 4 || value.length > TOKEN_PREFIX_LENGTH) {
      throw new BadRequestError(`Give the whole token or its prefix (${TOKEN_MARKER} and 4–8 more characters)`);
    }
    matches = await findLiveTokens(db, { prefix: value });
  }
  if (matches.length === 0) throw new NotFoundError('No live token matches');
  if (matches.length > 1) throw new ConflictError(`The prefix matches ${matches.length} tokens; give more characters`);
  await revokeTokens(db, matches.map((m) => m.id));
  return { revoked: matches.map((m) => m.prefix) };
}

export async function authenticateToken(db: Kysely<DB>, token: string): Promise<AuthUser | undefined> {
  if (!looksLikeApiToken(token)) return undefined;
  const row = await findUserByTokenHash(db, sha256(token));
  return row ? { id: Number(row.id), email: row.email, role: row.role } : undefined;
}

// ---- web sessions ---------------------------------------------------------

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface Session {
  /** The cookie value. Secret: only its sha256 is stored. */
  id: string;
  /** Per-session CSRF token: every cookie-authenticated unsafe request must echo it. */
  csrfToken: string;
  expiresAt: Date;
}

export interface FoundSession extends Session {
  user: AuthUser;
}

export async function createSession(db: Kysely<DB>, userId: number, ttlMs = DEFAULT_SESSION_TTL_MS): Promise<Session> {
  const session = { id: randomSecret(), csrfToken: randomSecret(), expiresAt: new Date(Date.now() + ttlMs) };
  await insertSession(db, { idHash: sha256(session.id), userId, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
  // Expired sessions are purged on the way, so the table never grows without bound.
  await deleteExpiredSessions(db);
  return session;
}

/** The live session with this cookie value (and its active account), or undefined. */
export async function findSession(db: Kysely<DB>, id: string): Promise<FoundSession | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
  const row = await findLiveSession(db, sha256(id));
  if (!row) return undefined;
  return {
    id,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    user: { id: Number(row.user_id), email: row.email, role: row.role },
  };
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await deleteSessionByHash(db, sha256(id));
}

/**
 * CSRF check for cookie-authenticated form posts (per-session synchronizer
 * token): the form carries the session's csrfToken in a hidden `_csrf` field, or
 * a script sends it as the `X-CSRF-Token` header; compared in constant time.
 * Bearer-token requests need no CSRF token: a browser never adds them by itself.
 */
export function checkCsrfToken(session: Pick<Session, 'csrfToken'>, submitted: unknown): boolean {
  return typeof submitted === 'string' && submitted.length > 0 && safeEqual(submitted, session.csrfToken);
}
