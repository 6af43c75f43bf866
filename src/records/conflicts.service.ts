import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { afterIdOf, keysetPage } from '../shared/pagination.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { findConflictRow, listConflictRows, resolveIfOpen, resolveOpenConflictsOfClaim, resolveOpenConflictsOfJob, withdrawClaimRow, type ConflictRow } from './claims.repository.ts';
import { withdrawClaim } from './record.diff.ts';
import { appendRecordEvent, changeRecord, columnsOf } from './record.writer.ts';
import { lockRecord } from './records.repository.ts';

/**
 * Conflicts: a re-import changed the source's value of a field that carries an
 * approved correction. The correction stayed; an archivist decides. Keeping the
 * correction only closes the conflict; keeping the source withdraws the claim,
 * so the source's (new) value is displayed, and settles the claim's other
 * open conflicts with it.
 */
export interface ConflictDto {
  id: number;
  recordId: number;
  field: string;
  correctedValue: unknown;
  sourceValue: unknown;
  previousSourceValue: unknown;
  status: 'open' | 'resolved';
  importJobId: number | null;
  resolution: 'correction' | 'source' | null;
  reason: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export const toConflictDto = (c: ConflictRow): ConflictDto => ({
  id: Number(c.id),
  recordId: Number(c.record_id),
  field: c.field,
  correctedValue: c.corrected_value,
  sourceValue: c.source_value,
  previousSourceValue: c.previous_source_value,
  status: c.status,
  importJobId: c.import_job_id === null ? null : Number(c.import_job_id),
  resolution: c.resolution,
  reason: c.reason,
  createdAt: new Date(c.created_at).toISOString(),
  resolvedAt: c.resolved_at ? new Date(c.resolved_at).toISOString() : null,
});

export async function listConflicts(
  db: Kysely<DB>,
  options: { status?: 'open' | 'resolved' | undefined; cursor?: string | undefined; limit?: number | undefined } = {},
): Promise<{ conflicts: ConflictDto[]; nextCursor: string | null }> {
  const limit = options.limit ?? 50;
  const rows = await listConflictRows(db, options.status ?? 'open', afterIdOf(options.cursor), limit + 1);
  const { page, nextCursor } = keysetPage(rows, limit, (last) => last.id);
  return { conflicts: page.map(toConflictDto), nextCursor };
}

export async function resolveConflict(db: Kysely<DB>, id: number, keep: 'correction' | 'source', by: string, reason: string | null): Promise<ConflictDto> {
  return db.transaction().execute(async (trx) => {
    const resolved = await resolveIfOpen(trx, id, keep, by, reason);
    if (!resolved) {
      const existing = await findConflictRow(trx, id);
      if (!existing) throw new NotFoundError(`No conflict with id ${id}`);
      throw new ConflictError(`Conflict ${id} is already resolved (kept the ${existing.resolution})`);
    }
    const data = { conflictId: Number(resolved.id), field: resolved.field, keep };
    if (keep === 'correction') {
      await appendRecordEvent(trx, { recordId: resolved.record_id, kind: 'conflict.resolved', actor: by, reason, data });
      return toConflictDto(resolved);
    }
    const record = await lockRecord(trx, resolved.record_id);
    if (!record) throw new NotFoundError(`No record with id ${resolved.record_id}`);
    await withdrawClaimRow(trx, resolved.claim_id, by, reason);
    await resolveOpenConflictsOfClaim(trx, resolved.claim_id, by, reason);
    await changeRecord(trx, record, withdrawClaim(columnsOf(record), record.source_values ?? {}, resolved.field), {
      kind: 'conflict.resolved',
      actor: by,
      reason,
      data: { ...data, claimId: Number(resolved.claim_id) },
    });
    return toConflictDto(resolved);
  });
}

/**
 * Undo of an import, inside its transaction: the open conflicts that import
 * raised are closed keeping the correction, since the source value they were
 * about is gone again.
 */
export async function settleConflictsOfUndoneImport(trx: Transaction<DB>, jobId: number, by: string): Promise<void> {
  await resolveOpenConflictsOfJob(trx, jobId, by);
}
