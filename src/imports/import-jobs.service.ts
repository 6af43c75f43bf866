import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { NotFoundError } from '../shared/errors.ts';
import { findJob, type ImportJobRow } from './import-jobs.repository.ts';

/** An import job as the API and the /imports page show it. */

/** The job, or a 404 naming it. */
export async function getImportJob(db: Kysely<DB>, id: number): Promise<ImportJobRow> {
  const job = await findJob(db, id);
  if (!job) throw new NotFoundError(`No import job with id ${id}`);
  return job;
}

export function toJobDto(job: ImportJobRow) {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: Number(job.id),
    status: job.status,
    kind: job.kind,
    undoesJobId: job.undoes_job_id === null ? null : Number(job.undoes_job_id),
    undo: job.undo_report,
    source: job.source,
    fileName: job.file_name,
    actor: job.actor,
    dryRun: job.dry_run,
    strict: job.strict,
    exitCode: job.exit_code,
    fileError: job.file_error,
    progress: { rowsRead: job.rows_read, bytesRead: Number(job.bytes_read), bytesTotal: job.bytes_total === null ? null : Number(job.bytes_total) },
    report: {
      inserted: job.inserted,
      updated: job.updated,
      unchanged: job.unchanged,
      invalid: job.invalid,
      duplicates: job.duplicates,
      warnings: job.warnings,
      errors: job.errors,
      errorsTotal: job.errors_total,
      duplicateSample: job.duplicate_sample,
    },
    createdAt: iso(job.created_at),
    startedAt: iso(job.started_at),
    finishedAt: iso(job.finished_at),
    attempts: job.attempts,
  };
}
