import { z } from 'zod';
import { BadRequestError } from '../shared/errors.ts';

/** Record and other bigint ids: positive integers within JavaScript's safe range. */
export function parseId(raw: unknown, what = 'id'): number {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) {
    throw new BadRequestError(`${what} must be a positive integer, got "${String(raw).slice(0, 40)}"`);
  }
  return Number(raw);
}

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
