import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, ImportJobsTable, UndoOutcome } from '../db/schema.ts';
import type { RowError } from '../core/records/index.ts';

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
  /** Uploads: the file's name in DATA_DIR/spool and its encoding, so another run can read it again. */
  spoolFile?: string | null;
  encoding?: 'utf8' | 'cp1251' | null;
  /** Unknown columns the archivist made public (migration 0012); null: none. */
  publicColumns?: readonly string[] | null;
}

export interface JobOwner {
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
      spool_file: job.spoolFile ?? null,
      encoding: job.encoding ?? null,
      public_columns: job.publicColumns ? JSON.stringify(job.publicColumns) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * queued → running, only from queued: a job that another process claimed, or
 * that was reaped or finished meanwhile, is not taken (false).
 */
export async function markJobRunning(db: Kysely<DB>, id: number, owner: JobOwner): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set({ status: 'running', pid: owner.pid, host: owner.host, started_at: sql`now()`, heartbeat_at: sql`now()`, attempts: sql`attempts + 1` } as never)
    .where('id', '=', String(id) as never)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * A running job whose owner is gone (killed, crashed) is taken over by a new
 * run — running stays running, under the new owner — only while it still
 * belongs to that dead owner: of two processes resuming it, one wins.
 */
export async function takeOverJob(db: Kysely<DB>, id: number, from: { pid: number | null; host: string | null }, to: JobOwner): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set({ pid: to.pid, host: to.host, heartbeat_at: sql`now()`, attempts: sql`attempts + 1` } as never)
    .where('id', '=', String(id) as never)
    .where('status', '=', 'running')
    .where((eb) => (from.pid === null ? eb('pid', 'is', null) : eb('pid', '=', from.pid)))
    .where((eb) => (from.host === null ? eb('host', 'is', null) : eb('host', '=', from.host)))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * A server stopping (SIGTERM) hands its running job back: still running, but
 * with no owner process, so the next start resumes it. The import notices at
 * its next progress save and stops there.
 */
export async function releaseJob(db: Kysely<DB>, id: number, owner: JobOwner): Promise<boolean> {
  return updateOwnRunningJob(db, id, owner, { pid: null, heartbeat_at: sql`now()` });
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

/** False when the job is no longer this process's running job (reaped, or taken over): the run must stop. */
export async function saveJobProgress(db: Kysely<DB>, id: number, owner: JobOwner, progress: JobProgress): Promise<boolean> {
  return updateOwnRunningJob(db, id, owner, { ...progressColumns(progress), heartbeat_at: sql`now()` });
}

/**
 * running → succeeded|failed, only for the owner of a running job: a job
 * reaped or taken over meanwhile keeps what its new state says (false).
 */
export async function finishJob(
  db: Kysely<DB>,
  id: number,
  owner: JobOwner,
  outcome: { status: 'succeeded' | 'failed'; exitCode: number; fileError: string | null; progress: JobProgress },
): Promise<boolean> {
  return updateOwnRunningJob(db, id, owner, {
    ...progressColumns(outcome.progress),
    status: outcome.status,
    exit_code: outcome.exitCode,
    file_error: outcome.fileError,
    finished_at: sql`now()`,
    heartbeat_at: sql`now()`,
  });
}

/** The one owner guard: a job changes here only while it is running and still this process's. */
async function updateOwnRunningJob(db: Kysely<DB>, id: number, owner: JobOwner, set: Record<string, unknown>): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set(set as never)
    .where('id', '=', String(id) as never)
    .where('status', '=', 'running')
    .where('pid', '=', owner.pid)
    .where('host', '=', owner.host)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findJob(db: Kysely<DB>, id: number): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', String(id) as never).executeTakeFirst();
}

export type UnfinishedJob = Pick<ImportJobRow, 'id' | 'status' | 'pid' | 'host' | 'heartbeat_at' | 'created_at' | 'spool_file'>;

/** Serves the liveness sweep and the spool sweep through import_jobs_active_idx. */
export async function listUnfinishedJobs(db: Kysely<DB>): Promise<UnfinishedJob[]> {
  return db
    .selectFrom('import_jobs')
    .select(['id', 'status', 'pid', 'host', 'heartbeat_at', 'created_at', 'spool_file'])
    .where('status', 'in', ['queued', 'running'])
    .orderBy('id')
    .execute();
}

/**
 * queued|running → failed, each only while it still has the owner the caller
 * saw (a job that a live process took over meanwhile is left alone). Returns
 * the ids failed.
 */
export async function failJobs(db: Kysely<DB>, jobs: Array<{ id: number; pid: number | null; host: string | null }>, message: string): Promise<number[]> {
  const failed: number[] = [];
  for (const job of jobs) {
    const result = await db
      .updateTable('import_jobs')
      .set({ status: 'failed', exit_code: 2, file_error: message, finished_at: sql`now()` } as never)
      .where('id', '=', String(job.id) as never)
      .where('status', 'in', ['queued', 'running'])
      .where((eb) => (job.pid === null ? eb('pid', 'is', null) : eb('pid', '=', job.pid)))
      .where((eb) => (job.host === null ? eb('host', 'is', null) : eb('host', '=', job.host)))
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) failed.push(job.id);
  }
  return failed;
}

/**
 * The embedded queue's claim (job-queue.table.ts): the oldest queued upload
 * becomes this process's running job, skipping one another transaction holds
 * (the runner then counts the attempt as it does for every claim). Serves
 * through import_jobs_queued_spool_idx.
 */
export async function claimNextQueuedJob(db: Kysely<DB>, owner: JobOwner): Promise<number | undefined> {
  const row = await db
    .updateTable('import_jobs')
    .set({ status: 'running', pid: owner.pid, host: owner.host, started_at: sql`now()`, heartbeat_at: sql`now()` } as never)
    .where(
      'id',
      '=',
      (eb) =>
        eb
          .selectFrom('import_jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('spool_file', 'is not', null)
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked() as never,
    )
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
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
