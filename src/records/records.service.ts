import type { Kysely } from 'kysely';
import type { DB, RecordRow } from '../db/schema.ts';
import { afterIdOf, keysetPage } from '../shared/pagination.ts';
import { NotFoundError } from '../shared/errors.ts';
import { activeClaims, activeClaimsOf, openConflictsOf, type ClaimRow, type ConflictRow } from './claims.repository.ts';
import { findRecordById, findRecordIdsByKey, listRecords } from './records.repository.ts';

/** Reads of records for routes, pages and other features (writes go through record.writer.ts). */

/** The record, or a 404 naming it. */
export async function getRecord(db: Kysely<DB>, id: number): Promise<RecordRow> {
  const row = await findRecordById(db, id);
  if (!row) throw new NotFoundError(`No record with id ${id}`);
  return row;
}

/** The records of these ids that exist, by id (a list page shows each once, however often it names it). */
export async function recordsById(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, RecordRow>> {
  const out = new Map<number, RecordRow>();
  for (const id of new Set(ids)) {
    const row = await findRecordById(db, id);
    if (row) out.set(id, row);
  }
  return out;
}

/** Every record in id order, one keyset page at a time (GET /api/records). */
export async function listRecordsPage(db: Kysely<DB>, cursor: string | undefined, limit: number): Promise<{ records: RecordRow[]; nextCursor: string | null }> {
  const rows = await listRecords(db, afterIdOf(cursor), limit + 1);
  const { page, nextCursor } = keysetPage(rows, limit, (last) => last.id);
  return { records: page, nextCursor };
}

/** The record's fields that approved corrections now decide (shown with the source's value beside them). */
export async function claimsOf(db: Kysely<DB>, id: number | string): Promise<ClaimRow[]> {
  return activeClaims(db, id);
}

/** The approved claims and open conflicts of these records: what an export carries beside each record. */
export async function claimsAndConflictsOf(db: Kysely<DB>, recordIds: readonly string[]): Promise<{ claims: ClaimRow[]; conflicts: ConflictRow[] }> {
  const [claims, conflicts] = await Promise.all([activeClaimsOf(db, recordIds), openConflictsOf(db, recordIds)]);
  return { claims, conflicts };
}

/** Record ids by (source, external id): how a restore finds the records it has just loaded. */
export async function recordIdsByKey(db: Kysely<DB>, keys: ReadonlyArray<{ source: string; externalId: string }>) {
  return findRecordIdsByKey(db, keys);
}
