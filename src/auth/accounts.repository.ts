import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Role } from './user.types.ts';

/** Only this file touches Kysely for users, api_tokens and sessions. */

export interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  password_hash: string;
  role: Role;
  created_at: Date;
  disabled_at: Date | null;
}

const lowerEmail = sql<string>`lower(email)`;

export async function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(lowerEmail, '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<DB>,
  user: { email: string; passwordHash: string; role: Role; displayName?: string | null | undefined },
): Promise<{ id: string } | undefined> {
  return db
    .insertInto('users')
    .values({ email: user.email, password_hash: user.passwordHash, role: user.role, display_name: user.displayName ?? null })
    .onConflict((oc) => oc.expression(lowerEmail).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function listUsers(db: Kysely<DB>): Promise<Array<Omit<UserRow, 'password_hash'>>> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'created_at', 'disabled_at'])
    .orderBy('id')
    .execute();
}

/** Public labels of accounts, for the history: id → role and display name (no email). */
export async function findUserLabels(db: Kysely<DB>, ids: number[]): Promise<Map<number, { role: Role; displayName: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'role', 'display_name'])
    .where('id', 'in', ids.map(String) as never)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), { role: r.role, displayName: r.display_name }]));
}

export async function findUserById(db: Kysely<DB>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', String(id)).executeTakeFirst();
}

/** The account's row, locked until the transaction ends (disable, enable and password change serialise on it). */
export async function lockUser(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Active admins other than `exceptId`, locked: two admins disabling each other at once cannot leave none. */
export async function otherActiveAdmins(db: Kysely<DB>, exceptId: string): Promise<number> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '<>', exceptId)
    .forUpdate()
    .execute();
  return rows.length;
}

export async function setUserDisabled(db: Kysely<DB>, id: string, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabled ? sql<Date>`coalesce(disabled_at, now())` : null })
    .where('id', '=', id)
    .execute();
}

/**
 * Replaces the hash; with `ifCurrent`, only while the stored hash is still that
 * one (a login's rehash never overwrites a password changed meanwhile).
 */
export async function setPasswordHash(db: Kysely<DB>, id: string, hash: string, ifCurrent?: string): Promise<void> {
  let query = db.updateTable('users').set({ password_hash: hash }).where('id', '=', id);
  if (ifCurrent !== undefined) query = query.where('password_hash', '=', ifCurrent);
  await query.execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function revokeTokensOfUser(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertApiToken(db: Kysely<DB>, token: { userId: string; prefix: string; hash: string; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({ user_id: token.userId, prefix: token.prefix, token_hash: token.hash, expires_at: token.expiresAt })
    .execute();
}

/** One account's tokens, newest first: prefixes and dates only, never a hash. */
export async function listTokensOfUser(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['prefix', 'created_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

/** The active account behind a live (unrevoked, unexpired) token, or undefined. */
export async function findUserByTokenHash(db: Kysely<DB>, hash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email', 'u.role'])
    .where('t.token_hash', '=', hash)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Live tokens whose hash is `hash` or whose prefix starts with `prefix`. */
export async function findLiveTokens(db: Kysely<DB>, match: { hash: string } | { prefix: string }) {
  let query = db.selectFrom('api_tokens').select(['id', 'prefix', 'user_id']).where('revoked_at', 'is', null);
  query =
    'hash' in match
      ? query.where('token_hash', '=', match.hash)
      : query.where('prefix', 'like', `${match.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return query.orderBy('id').execute();
}

export async function revokeTokens(db: Kysely<DB>, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('id', 'in', ids as never)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertSession(db: Kysely<DB>, session: { idHash: string; userId: string | number; csrfToken: string; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id_hash: session.idHash, user_id: String(session.userId), csrf_token: session.csrfToken, expires_at: session.expiresAt })
    .execute();
}

export async function findLiveSession(db: Kysely<DB>, idHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id as user_id', 'u.email', 'u.role', 's.csrf_token', 's.expires_at'])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSessionByHash(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
