import { z } from 'zod';
import { BadRequestError } from './errors.ts';

/**
 * Keyset cursors are opaque to clients (base64url of the last id seen), so the
 * ordering can change later without breaking links people have saved.
 */
export function encodeCursor(value: string | number): string {
  return Buffer.from(String(value), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded || decoded.includes('\uFFFD')) throw new BadRequestError('cursor is not a cursor this server issued');
  return decoded;
}

/** The id after which a keyset page on the primary key starts (0: the first page). */
export function afterIdOf(cursor: string | undefined): number {
  const after = decodeCursor(cursor);
  const afterId = after === undefined ? 0 : Number(after);
  if (!Number.isSafeInteger(afterId) || afterId < 0) throw new BadRequestError('cursor is not a cursor this server issued');
  return afterId;
}

export const limitParam = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * One keyset page from rows fetched with `limit + 1`: the extra row says there
 * is a next page without a count query. `cursorOf` is the last row's position
 * in the list's order (its id, or "score:id" for a ranked list).
 */
export function keysetPage<T>(rows: readonly T[], limit: number, cursorOf: (last: T) => string | number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
