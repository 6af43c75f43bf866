import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, ImportJobsTable, UndoOutcome } from '../db/schema.ts';
import type { RowError } from './import.errors.ts';

/** Only this file touches the import_jobs table. */
export type ImportJobRow = Selectable<ImportJobsTable>;

export interface NewJob {
  source: string | null;
  fileName: string;
  actor: string;
  dryRun: boolean;
  strict: boolean;
  bytesTotal: number | null;
  /** The process that will run it (for the liveness sweep). */
  pid: number;
  host: string;
}

export async function insertJob(db: Kysely<DB>, job: NewJob): Promise<number> {
  const row = await db
    .insertInto('import_jobs')
    .values({
      source: job.source,
      file_name: job.fileName,
      actor: job.actor,
      status: 'queued',
      dry_run: job.dryRun,
      strict: job.strict,
      bytes_total: job.bytesTotal,
      pid: job.pid,
      host: job.host,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function markJobRunning(db: Kysely<DB>, id: number, owner: { pid: number; host: string }): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ status: 'running', pid: owner.pid, host: owner.host, started_at: sql`now()`, heartbeat_at: sql`now()` } as never)
    .where('id', '=', String(id) as never)
    .execute();
}

export interface JobProgress {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  duplicates: number;
  bytesRead: number;
  bytesTotal: number | null;
  warnings: string[];
  errors: RowError[];
  errorsTotal: number;
  duplicateSample: unknown[];
}

const progressColumns = (p: JobProgress) => ({
  rows_read: p.rowsRead,
  inserted: p.inserted,
  updated: p.updated,
  unchanged: p.unchanged,
  invalid: p.invalid,
  duplicates: p.duplicates,
  bytes_read: p.bytesRead,
  bytes_total: p.bytesTotal,
  warnings: JSON.stringify(p.warnings),
  errors: JSON.stringify(p.errors),
  errors_total: p.errorsTotal,
  duplicate_sample: JSON.stringify(p.duplicateSample),
});

export async function saveJobProgress(db: Kysely<DB>, id: number, progress: JobProgress): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ ...progressColumns(progress), heartbeat_at: sql`now()` } as never)
    .where('id', '=', String(id) as never)
    .execute();
}

export async function finishJob(
  db: Kysely<DB>,
  id: number,
  outcome: { status: 'succeeded' | 'failed'; exitCode: number; fileError: string | null; progress: JobProgress },
): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({
      ...progressColumns(outcome.progress),
      status: outcome.status,
      exit_code: outcome.exitCode,
      file_error: outcome.fileError,
      finished_at: sql`now()`,
      heartbeat_at: sql`now()`,
    } as never)
    .where('id', '=', String(id) as never)
    .execute();
}

export async function findJob(db: Kysely<DB>, id: number): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', String(id) as never).executeTakeFirst();
}

/** Serves the liveness sweep through import_jobs_active_idx. */
export async function listUnfinishedJobs(db: Kysely<DB>): Promise<Array<Pick<ImportJobRow, 'id' | 'pid' | 'host' | 'heartbeat_at' | 'created_at'>>> {
  return db
    .selectFrom('import_jobs')
    .select(['id', 'pid', 'host', 'heartbeat_at', 'created_at'])
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

export async function failJobs(db: Kysely<DB>, ids: number[], message: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('import_jobs')
    .set({ status: 'failed', exit_code: 2, file_error: message, finished_at: sql`now()` } as never)
    .where('id', 'in', ids.map(String) as never)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** An undo job: running from the start, owned by this process (undo, src/imports/import-undo.service.ts). */
export async function insertUndoJob(db: Kysely<DB>, job: { undoes: number; source: string | null; actor: string; pid: number; host: string }): Promise<number> {
  const row = await db
    .insertInto('import_jobs')
    .values({
      kind: 'undo',
      undoes_job_id: job.undoes,
      source: job.source,
      file_name: `undo of import ${job.undoes}`,
      actor: job.actor,
      status: 'running',
      pid: job.pid,
      host: job.host,
      started_at: sql`now()`,
      heartbeat_at: sql`now()`,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** succeeded|failed → undone, once, for an import job only; false if the job was not in such a state. */
export async function markJobUndone(trx: Transaction<DB>, id: number): Promise<boolean> {
  const row = await trx
    .updateTable('import_jobs')
    .set({ status: 'undone' } as never)
    .where('id', '=', String(id) as never)
    .where('kind', '=', 'import')
    .where('dry_run', '=', false)
    .where('status', 'in', ['succeeded', 'failed'])
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishUndoJob(db: Kysely<DB>, id: number, status: 'succeeded' | 'failed', outcome: UndoOutcome | null, error: string | null): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({
      status,
      exit_code: status === 'succeeded' ? 0 : 2,
      updated: outcome?.restored ?? 0,
      undo_report: outcome === null ? null : JSON.stringify(outcome),
      file_error: error,
      finished_at: sql`now()`,
      heartbeat_at: sql`now()`,
    } as never)
    .where('id', '=', String(id) as never)
    .where('status', '=', 'running')
    .execute();
}
