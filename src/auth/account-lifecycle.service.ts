import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import {
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  listTokensOfUser,
  listUsers,
  lockUser,
  otherActiveAdmins,
  revokeTokensOfUser,
  setPasswordHash,
  setUserDisabled,
  type UserRow,
} from './accounts.repository.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

/**
 * An account's life after `user add`: disable, enable, a new password, and a
 * look at its tokens. Disabling and a password change end every session and
 * revoke every token of the account in the same transaction, so the next
 * request made with any of them is a 401 — not one at the next expiry.
 * Enabling brings none of them back: the person logs in again and an admin
 * makes new tokens. The CLI names accounts by email, the admin API by id.
 */
export type AccountRef = { email: string } | { id: number };

export interface Ended {
  sessionsEnded: number;
  tokensRevoked: number;
}

/** The account, enabled or not, or a 404. */
export async function findAccount(db: Kysely<DB>, ref: AccountRef): Promise<UserRow> {
  const user = 'email' in ref ? await findUserByEmail(db, ref.email) : await findUserById(db, ref.id);
  if (!user) throw new NotFoundError('No account with this ' + ('email' in ref ? 'email' : 'id'));
  return user;
}

async function endAccess(trx: Kysely<DB>, userId: string): Promise<Ended> {
  return { sessionsEnded: await deleteSessionsOfUser(trx, userId), tokensRevoked: await revokeTokensOfUser(trx, userId) };
}

/** Disables the account and ends its access; refused for the last active admin (nobody could undo it on the web). */
export async function disableAccount(db: Kysely<DB>, ref: AccountRef): Promise<{ id: number; email: string } & Ended> {
  const { id } = await findAccount(db, ref);
  return db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, id);
    if (!user) throw new NotFoundError('No account with this id');
    if (user.role === 'admin' && !user.disabled_at && (await otherActiveAdmins(trx, user.id)) === 0) {
      throw new ConflictError('This is the last active admin account; make or enable another admin first');
    }
    await setUserDisabled(trx, user.id, true);
    return { id: Number(user.id), email: user.email, ...(await endAccess(trx, user.id)) };
  });
}

export async function enableAccount(db: Kysely<DB>, ref: AccountRef): Promise<{ id: number; email: string }> {
  const user = await findAccount(db, ref);
  await setUserDisabled(db, user.id, false);
  return { id: Number(user.id), email: user.email };
}

/** A new password (the rules of `user add`); every session and token of the account ends. */
export async function changePassword(db: Kysely<DB>, ref: AccountRef, password: string): Promise<{ id: number; email: string } & Ended> {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(`Invalid password: ${problem}`, [{ field: 'password', message: problem }]);
  const { id } = await findAccount(db, ref);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, id);
    if (!user) throw new NotFoundError('No account with this id');
    await setPasswordHash(trx, user.id, hash);
    return { id: Number(user.id), email: user.email, ...(await endAccess(trx, user.id)) };
  });
}

export interface AccountInfo {
  id: number;
  email: string;
  displayName: string | null;
  role: UserRow['role'];
  createdAt: string;
  disabled: boolean;
  disabledAt: string | null;
}

/** Every account, for `user list --json` and GET /api/users. Never a hash. */
export async function listAccounts(db: Kysely<DB>): Promise<AccountInfo[]> {
  const rows = await listUsers(db);
  return rows.map((u) => ({
    id: Number(u.id),
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    createdAt: new Date(u.created_at).toISOString(),
    disabled: u.disabled_at !== null,
    disabledAt: u.disabled_at ? new Date(u.disabled_at).toISOString() : null,
  }));
}

export type TokenStatus = 'live' | 'revoked' | 'expired';

export interface TokenInfo {
  prefix: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: TokenStatus;
}

/** The account's tokens, newest first: prefix, dates, status. Never a hash. */
export async function listAccountTokens(db: Kysely<DB>, ref: AccountRef, now = new Date()): Promise<TokenInfo[]> {
  const user = await findAccount(db, ref);
  const rows = await listTokensOfUser(db, user.id);
  return rows.map((r) => {
    const expiresAt = new Date(r.expires_at);
    const status: TokenStatus = r.revoked_at ? 'revoked' : expiresAt <= now ? 'expired' : 'live';
    return {
      prefix: r.prefix,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: expiresAt.toISOString(),
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
      status,
    };
  });
}
