import os from 'node:os';
import type { Kysely, Transaction } from 'kysely';
import type { DB, RecordRow, UndoOutcome } from '../db/schema.ts';
import { settleConflictsOfUndoneImport } from '../records/conflicts.service.ts';
import { revertSource, type Columns } from '../records/record.diff.ts';
import { FIELD_BY_NAME } from '../core/records/index.ts';
import { changeRecord, columnsOf, lockRecord, removeRecords } from '../records/record.writer.ts';
import { claimsOf } from '../records/records.service.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors.ts';
import { findJob, finishUndoJob, insertUndoJob, markJobUndone } from './import-jobs.repository.ts';
import { jobRecordEvents, type JobEventRow } from './import-undo.repository.ts';

/**
 * Undo of an import, itself a job (kind 'undo') with events. In one
 * transaction: records the job inserted are removed (with their events and
 * readings), unless something happened to them afterwards; records it updated
 * get their previous source values back, field by field, only where the
 * value is still the one that job wrote. Claims are never touched (a claimed
 * field gets its previous source value underneath the claim). Everything not
 * undone is reported as a conflict, never overwritten. The undone job ends
 * 'undone' (from succeeded or failed, once).
 */
export interface UndoReport extends UndoOutcome {
  /** The undo job. */
  jobId: number;
  undoneJobId: number;
  status: 'undone';
}

export async function undoImport(db: Kysely<DB>, jobId: number, actor: string): Promise<UndoReport> {
  const target = await findJob(db, jobId);
  if (!target) throw new NotFoundError(`No import job with id ${jobId}`);
  if (target.kind !== 'import') throw new BadRequestError(`Job ${jobId} is itself an undo; it cannot be undone`);
  if (target.dry_run) throw new BadRequestError(`Job ${jobId} was a dry run: it wrote nothing to undo`);
  if (target.status === 'undone') throw new ConflictError(`Import ${jobId} is already undone`);
  if (target.status === 'queued' || target.status === 'running') throw new ConflictError(`Import ${jobId} is still ${target.status}; undo it once it has finished`);

  const undoJobId = await insertUndoJob(db, { undoes: jobId, source: target.source, actor, pid: process.pid, host: os.hostname() });
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      if (!(await markJobUndone(trx, jobId))) throw new ConflictError(`Import ${jobId} was undone or changed meanwhile`);
      await settleConflictsOfUndoneImport(trx, jobId, actor);
      return undoEvents(trx, await jobRecordEvents(trx, jobId), { actor, undoJobId, jobId });
    });
    await finishUndoJob(db, undoJobId, 'succeeded', outcome, null);
    return { jobId: undoJobId, undoneJobId: jobId, status: 'undone', ...outcome };
  } catch (err) {
    await finishUndoJob(db, undoJobId, 'failed', null, err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
}

async function undoEvents(trx: Transaction<DB>, events: JobEventRow[], ctx: { actor: string; undoJobId: number; jobId: number }): Promise<UndoOutcome> {
  const outcome: UndoOutcome = { removed: 0, restored: 0, conflicts: 0, details: [] };
  const conflict = (recordId: string, field: string | null, reason: string) => {
    outcome.conflicts++;
    if (outcome.details.length < 1000) outcome.details.push({ recordId: Number(recordId), field, reason });
  };
  const removable: string[] = [];
  for (const e of events) {
    if (e.kind !== 'record.inserted') continue;
    if (e.later) conflict(e.record_id, null, 'inserted by this import, then changed or corrected later: kept');
    else removable.push(e.record_id);
  }
  for (let i = 0; i < removable.length; i += 5_000) outcome.removed += await removeRecords(trx, removable.slice(i, i + 5_000));

  for (const e of events) {
    if (e.kind !== 'record.updated') continue;
    const record = await lockRecord(trx, e.record_id);
    if (!record) continue; // removed above: inserted and updated by the same job
    const restored = await revertUpdate(trx, record, e, ctx);
    if (restored.restored.length > 0) outcome.restored++;
    for (const field of restored.kept) conflict(e.record_id, field, 'changed again after this import: kept');
  }
  return outcome;
}

async function revertUpdate(trx: Transaction<DB>, record: RecordRow, e: JobEventRow, ctx: { actor: string; undoJobId: number; jobId: number }) {
  const data = e.data as { old?: Columns; new?: Columns; source?: { old: Columns; new: Columns }; contentHash?: { old: string | null; new: string } };
  const byColumn = (values: Columns | undefined) =>
    Object.fromEntries(Object.entries(values ?? {}).map(([name, v]) => [FIELD_BY_NAME.get(name)?.column ?? name, v]));
  const jobOld = { ...data.old, ...byColumn(data.source?.old) };
  const jobNew = { ...data.new, ...byColumn(data.source?.new) };
  const claimed = new Set((await claimsOf(trx, record.id)).map((c) => c.field));
  const result = revertSource(columnsOf(record), record.source_values ?? {}, claimed, jobOld, jobNew);
  // The source row is the earlier one again only if every field went back.
  result.change.set.content_hash = result.kept.length === 0 && record.content_hash === data.contentHash?.new ? (data.contentHash?.old ?? null) : null;
  await changeRecord(trx, record, result.change, {
    kind: 'record.updated',
    actor: ctx.actor,
    reason: `undo of import ${ctx.jobId}`,
    data: { importJob: ctx.undoJobId, undoes: ctx.jobId },
  });
  return result;
}
