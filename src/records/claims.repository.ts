import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, RecordClaimsTable, RecordConflictsTable } from '../db/schema.ts';

/** Only this file touches record_claims and record_conflicts (the batch writer opens conflicts set-wise). */

export type ClaimRow = Selectable<RecordClaimsTable>;
export type ConflictRow = Selectable<RecordConflictsTable>;

/**
 * A new active claim on a field; the field's previous active claim, if any,
 * is superseded first (record_claims_active_key allows one).
 */
export async function replaceClaim(
  trx: Transaction<DB>,
  claim: { recordId: string; field: string; value: unknown; evidence: string | null; correctionId: string | null; approvedBy: string; approvedAt?: string },
): Promise<ClaimRow> {
  await trx
    .updateTable('record_claims')
    .set({ status: 'superseded', ended_by: claim.approvedBy, ended_at: sql`now()` } as never)
    .where('record_id', '=', claim.recordId as never)
    .where('field', '=', claim.field)
    .where('status', '=', 'active')
    .execute();
  return trx
    .insertInto('record_claims')
    .values({
      record_id: claim.recordId,
      field: claim.field,
      value: JSON.stringify(claim.value ?? null),
      evidence: claim.evidence,
      correction_id: claim.correctionId,
      approved_by: claim.approvedBy,
      ...(claim.approvedAt ? { approved_at: claim.approvedAt } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function withdrawClaimRow(trx: Transaction<DB>, id: string, by: string, reason: string | null): Promise<void> {
  await trx
    .updateTable('record_claims')
    .set({ status: 'withdrawn', ended_by: by, ended_at: sql`now()`, end_reason: reason } as never)
    .where('id', '=', id as never)
    .where('status', '=', 'active')
    .execute();
}

/** Active claims of a record (record_claims_active_key). */
export async function activeClaims(db: Kysely<DB>, recordId: number | string): Promise<ClaimRow[]> {
  return activeClaimsOf(db, [String(recordId)]);
}

/** Active claims of these records, by record then field (record_claims_active_key): the export. */
export async function activeClaimsOf(db: Kysely<DB>, recordIds: readonly string[]): Promise<ClaimRow[]> {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('record_claims')
    .selectAll()
    .where('record_id', 'in', recordIds as never)
    .where('status', '=', 'active')
    .orderBy('record_id')
    .orderBy('field')
    .execute();
}

/** Open conflicts of these records, oldest first (record_conflicts_record_id_idx): the export. */
export async function openConflictsOf(db: Kysely<DB>, recordIds: readonly string[]): Promise<ConflictRow[]> {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('record_conflicts')
    .selectAll()
    .where('record_id', 'in', recordIds as never)
    .where('status', '=', 'open')
    .orderBy('record_id')
    .orderBy('id')
    .execute();
}

/** Opens a conflict on a claim (a restore brings back one that was open when the export was made). */
export async function insertOpenConflict(
  trx: Transaction<DB>,
  c: { recordId: string; claimId: string; field: string; correctedValue: unknown; sourceValue: unknown; previousSourceValue: unknown; createdAt: string },
): Promise<void> {
  await trx
    .insertInto('record_conflicts')
    .values({
      record_id: c.recordId,
      claim_id: c.claimId,
      field: c.field,
      corrected_value: JSON.stringify(c.correctedValue ?? null),
      source_value: JSON.stringify(c.sourceValue ?? null),
      previous_source_value: JSON.stringify(c.previousSourceValue ?? null),
      import_job_id: null,
      created_at: c.createdAt,
    } as never)
    .execute();
}

/** Keyset page: WHERE status = $1 AND id > $2 ORDER BY id (record_conflicts_status_id_idx). */
export async function listConflictRows(db: Kysely<DB>, status: 'open' | 'resolved', afterId: number, limit: number): Promise<ConflictRow[]> {
  return db
    .selectFrom('record_conflicts')
    .selectAll()
    .where('status', '=', status)
    .where('id', '>', String(afterId) as never)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findConflictRow(db: Kysely<DB>, id: number): Promise<ConflictRow | undefined> {
  return db.selectFrom('record_conflicts').selectAll().where('id', '=', String(id) as never).executeTakeFirst();
}

/** Resolves an open conflict; undefined if it was not open (of two concurrent resolutions one wins). */
export async function resolveIfOpen(
  trx: Transaction<DB>,
  id: number,
  resolution: 'correction' | 'source',
  by: string,
  reason: string | null,
): Promise<ConflictRow | undefined> {
  return trx
    .updateTable('record_conflicts')
    .set({ status: 'resolved', resolution, resolved_by: by, resolved_at: sql`now()`, reason } as never)
    .where('id', '=', String(id) as never)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** The other open conflicts of a withdrawn claim are settled with it. */
export async function resolveOpenConflictsOfClaim(trx: Transaction<DB>, claimId: string, by: string, reason: string | null): Promise<void> {
  await trx
    .updateTable('record_conflicts')
    .set({ status: 'resolved', resolution: 'source', resolved_by: by, resolved_at: sql`now()`, reason } as never)
    .where('claim_id', '=', claimId as never)
    .where('status', '=', 'open')
    .execute();
}

/** An undone import's open conflicts are moot: the source value they were about is gone again. */
export async function resolveOpenConflictsOfJob(trx: Transaction<DB>, jobId: number, by: string): Promise<void> {
  await trx
    .updateTable('record_conflicts')
    .set({ status: 'resolved', resolution: 'correction', resolved_by: by, resolved_at: sql`now()`, reason: `import ${jobId} was undone` } as never)
    .where('import_job_id', '=', String(jobId) as never)
    .where('status', '=', 'open')
    .execute();
}
