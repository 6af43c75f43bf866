import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../shared/logger.ts';
import { type PublicColumns } from './extra-columns.ts';
import type { ImportTarget } from '../core/records/index.ts';
import { ImportFileError } from '../core/records/index.ts';
import { failJobs, finishJob, insertJob, listUnfinishedJobs, markJobRunning, type UnfinishedJob } from './import-jobs.repository.ts';
import { ImportTally, summaryOf, type ImportSummary } from './import-report.ts';
import { openImportStore, type ImportStore } from './import.store.ts';
import { scanRows } from './import.scan.ts';
import { scanBulk } from './import.bulk.ts';
import { bulkPathChosen, type BulkChoice } from './import-path.ts';
import { HOST, JOB_OWNER, JobLostError } from './import.job-owner.ts';

export { JOB_OWNER, JobLostError } from './import.job-owner.ts';
import { STAGING_DDL } from './import.writer.ts';
import { type ValidationOptions } from '../core/records/index.ts';
import type { TextEncoding } from '../core/records/index.ts';
import { isProcessAlive } from '../shared/process-alive.ts';
import { queueLinking } from '../links/link-jobs.ts';

/** One import service, two doors (CLI and HTTP). */
export interface ImportOptions {
  /** Opens the file from its start; called twice with --strict (validate, then write). */
  open: () => AsyncIterable<Buffer | string>;
  fileName: string;
  actor: string;
  source?: string | undefined;
  dryRun?: boolean;
  strict?: boolean;
  encoding?: TextEncoding | undefined;
  map?: ReadonlyMap<string, ImportTarget | 'extra'>;
  /** Unknown columns made public for this source (`--public-columns`); 'all' for a restore, whose export marks private ones. */
  publicColumns?: PublicColumns;
  validation?: ValidationOptions;
  batchSize?: number;
  bytesTotal?: number | null;
  /** A job created earlier (POST /api/imports); otherwise one is created. */
  jobId?: number;
  /** The job is already this process's running job (the import runner claimed it); otherwise it is claimed here. */
  claimed?: boolean;
  /** PostgreSQL URL for the COPY path; without it rows are staged with INSERT. */
  connectionString?: string | undefined;
  onProgress?: (tally: ImportTally) => void;
  /** The bulk path (import.bulk.ts): true forces it (`--bulk`), false the row path (`--no-bulk`); 'auto' (default) chooses (import-path.ts). */
  bulk?: BulkChoice;
  /** Worker threads decoding readings ahead of the writes (default 1; 0 = in-thread). */
  workers?: number;
  /** Concurrent batch writers on the COPY path (default 2; each its own connection and transaction). */
  writers?: number;
  /** Milliseconds per write step, summed (the benchmark prints them). */
  timings?: Record<string, number>;
  /** A link job for the rows it wrote, queued after the import commits (LINK_AUTO_CONFIRM_SCORE); false: none queued (the rows stay marked for `namebridge link`). */
  links?: { autoConfirmScore?: number | undefined } | false;
  /** Test hook: runs after each committed batch (throwing simulates a crash). */
  afterBatch?: (batch: number) => void | Promise<void>;
}

export interface ImportReport extends ImportSummary {
  jobId: number;
  conflicts: number;
  status: 'succeeded' | 'failed';
  exitCode: 0 | 1 | 2;
  fileError: { reason: string; message: string } | null;
  rowsRead: number;
  duplicateSample: unknown[];
  /** The write path taken (import-path.ts). */
  path: 'rows' | 'bulk';
}

export { DEFAULT_BATCH_SIZE } from './import.rows.ts';
const ACTIVE_JOBS = new Set<number>();


export async function runImport(database: Database, options: ImportOptions, logger?: Logger): Promise<ImportReport> {
  const db = database.db;
  await reapStaleJobs(db, logger);
  const jobId = options.jobId ?? (await createImportJob(db, options));
  ACTIVE_JOBS.add(jobId);
  const tally = new ImportTally(options.bytesTotal ?? null);
  const stores: ImportStore[] = [];
  try {
    if (!options.claimed && !(await markJobRunning(db, jobId, JOB_OWNER))) {
      throw new JobLostError(`import job ${jobId} is not queued: another process claimed it, or it was stopped`);
    }
    if (options.strict && !options.dryRun) {
      await scanRows(options, tally, [], jobId);
      if (tally.invalid > 0) {
        tally.warnings.push('--strict: some rows are invalid, so nothing was written');
        return await finish(db, jobId, tally, 'failed', 1, null);
      }
      tally.resetForSecondPass();
    }
    tally.path = (await bulkPathChosen(db, options.bulk, options)) ? 'bulk' : 'rows';
    if (tally.path === 'bulk') await scanBulk(database, options, tally, jobId, db);
    else await writeRows(database, options, tally, jobId, stores);
    const report = await finish(db, jobId, tally, 'succeeded', tally.invalid > 0 ? 1 : 0, null);
    // The rows it wrote are marked for linking with them (migration 0016); the job runs after the commit, off the import's path.
    if (options.links !== false && !options.dryRun && tally.inserted + tally.updated > 0) await queueLinking(database, options.links ?? {}, logger);
    return report;
  } catch (err) {
    if (err instanceof ImportFileError) {
      tally.addErrors([{ line: err.reason === 'no_name_column' || err.reason === 'header_only' ? 1 : 0, column: null, message: err.message }]);
      return await finish(db, jobId, tally, 'failed', 2, { reason: err.reason, message: err.message });
    }
    const message = err instanceof Error ? err.message : String(err);
    await finishJob(db, jobId, JOB_OWNER, { status: 'failed', exitCode: 2, fileError: `the import stopped: ${message}`, progress: tally.progress() }).catch(() => undefined);
    throw err;
  } finally {
    ACTIVE_JOBS.delete(jobId);
    await Promise.all(stores.map((s) => s.close()));
  }
}

/** The row path: batches written by one or more COPY (or INSERT) stores, each batch its own transaction. */
async function writeRows(database: Database, options: ImportOptions, tally: ImportTally, jobId: number, stores: ImportStore[]): Promise<void> {
  stores.push(await openImportStore(database, STAGING_DDL, options.connectionString));
  // Two COPY connections let PostgreSQL write one batch while it stages the next.
  const writers = stores[0]!.kind === 'copy' ? Math.max(1, options.writers ?? 2) : 1;
  while (stores.length < writers) stores.push(await openImportStore(database, STAGING_DDL, options.connectionString));
  await scanRows(options, tally, stores, jobId, database.db);
}

/** Creates a queued job owned by this process (so no sweep takes it for abandoned while it waits). */
export async function createImportJob(
  db: Kysely<DB>,
  options: Pick<ImportOptions, 'source' | 'fileName' | 'actor' | 'dryRun' | 'strict' | 'bytesTotal'>,
): Promise<number> {
  const id = await insertJob(db, {
    source: options.source ?? null,
    fileName: options.fileName,
    actor: options.actor,
    dryRun: !!options.dryRun,
    strict: !!options.strict,
    bytesTotal: options.bytesTotal ?? null,
    pid: process.pid,
    host: HOST,
  });
  ACTIVE_JOBS.add(id);
  return id;
}

async function finish(
  db: Kysely<DB>,
  jobId: number,
  tally: ImportTally,
  status: 'succeeded' | 'failed',
  exitCode: 0 | 1 | 2,
  fileError: ImportReport['fileError'],
): Promise<ImportReport> {
  if (!(await finishJob(db, jobId, JOB_OWNER, { status, exitCode, fileError: fileError?.message ?? null, progress: tally.progress() }))) {
    throw new JobLostError(`import job ${jobId} was stopped or taken over by another process before it finished here`);
  }
  return { ...summaryOf(tally), jobId, conflicts: tally.conflicts, status, exitCode, fileError, rowsRead: tally.rowsRead, duplicateSample: tally.duplicateSample, path: tally.path };
}

/** Whether the process that owns an unfinished job is gone. Same host: the pid is checked; another host: no heartbeat for 10 minutes. */
export function ownerGone(job: Pick<UnfinishedJob, 'id' | 'pid' | 'host' | 'heartbeat_at' | 'created_at'>): boolean {
  if (ACTIVE_JOBS.has(Number(job.id))) return false;
  if (job.host !== HOST) return Date.now() - new Date(job.heartbeat_at ?? job.created_at).getTime() > 10 * 60_000;
  return job.pid === null || job.pid === process.pid || !isProcessAlive(job.pid);
}

/**
 * CLI jobs left queued or running by a process that is gone (killed, crashed,
 * machine restarted) are marked failed. Uploads are not: their file is in the
 * spool and the server resumes them (src/imports/import.spool-sweep.ts).
 */
export async function reapStaleJobs(db: Kysely<DB>, logger?: Logger): Promise<number[]> {
  const stale = (await listUnfinishedJobs(db)).filter((job) => job.spool_file === null && ownerGone(job));
  const failed = await failJobs(
    db,
    stale.map((job) => ({ id: Number(job.id), pid: job.pid, host: job.host })),
    'the importing process stopped before the import finished (killed or crashed); committed batches are kept — run the import again to complete it',
  );
  if (failed.length > 0) logger?.warn({ jobs: failed }, 'marked abandoned import jobs failed');
  return failed;
}
