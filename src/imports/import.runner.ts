import fs from 'node:fs';
import type { AppContext } from '../shared/context.ts';
import { failJobs, findJob, finishJob, listUnfinishedJobs, markJobRunning, releaseJob, takeOverJob, type ImportJobRow } from './import-jobs.repository.ts';
import { JOB_OWNER, JobLostError, ownerGone, runImport } from './import.service.ts';
import { removeOrphans, removeSpoolFile, spoolFilePath } from './import.spool.ts';
import { ImportTally } from './import-report.ts';
import { createJobQueue, type JobQueue } from './job-queue.ts';

/**
 * Runs uploads' import jobs in this process, one at a time, from the durable
 * queue (job-queue.ts). The job's row decides: a run claims it with a guarded
 * UPDATE (queued → running, or a running job whose owner is gone taken over),
 * imports the spooled file, finishes it (running → succeeded|failed, only as
 * its owner) and then removes the file. Imports are idempotent upserts on
 * (source, external id), so running a file again after a crash writes what an
 * uninterrupted run would have; rows committed before the crash come back
 * `unchanged` in the resumed run's report.
 */
export class ImportRunner {
  readonly queue: JobQueue;
  private started: Promise<void> | undefined;
  private current: { jobId: number; done: Promise<void> } | undefined;
  private stopping = false;

  constructor(private readonly ctx: AppContext) {
    this.queue = createJobQueue(ctx.database, ctx.logger);
  }

  /** Starts taking jobs (once). The server calls it at start; a queued upload calls it too, so an app in a test runs its imports. */
  ensureStarted(): Promise<void> {
    this.started ??= this.queue.start((jobId) => this.runJob(jobId));
    return this.started;
  }

  /**
   * At server start, before anything is uploaded: unfinished uploads of this
   * host whose process is gone are queued (again) when their file is in the
   * spool, failed when it is not; spool files no unfinished job names are
   * removed.
   */
  async sweep(): Promise<{ resumed: number[]; failed: number[]; removed: string[] }> {
    const { db } = this.ctx.database;
    const jobs = (await listUnfinishedJobs(db)).filter((job) => job.spool_file !== null && job.host === JOB_OWNER.host);
    const resumed: number[] = [];
    const missing: typeof jobs = [];
    for (const job of jobs) {
      if (!fs.existsSync(spoolFilePath(this.ctx.config.DATA_DIR, job.spool_file!))) missing.push(job);
      // A queued job has its message already; sent again all the same (a second one finds the job claimed and does nothing).
      else if (ownerGone(job)) {
        await this.queue.enqueue(db, Number(job.id));
        resumed.push(Number(job.id));
      }
    }
    const failed = await failJobs(
      db,
      missing.filter((job) => job.status === 'queued' || ownerGone(job)).map((job) => ({ id: Number(job.id), pid: job.pid, host: job.host })),
      'the uploaded file is no longer in the spool (DATA_DIR/spool), so the import cannot be run again: upload the file again',
    );
    const removed = removeOrphans(this.ctx.config.DATA_DIR, new Set(jobs.map((job) => job.spool_file!)), true);
    if (resumed.length + failed.length + removed.length > 0) this.ctx.logger.info({ resumed, failed, removed: removed.length }, 'import spool swept');
    this.queue.wake();
    return { resumed, failed, removed };
  }

  /**
   * Takes no more jobs; a job being run is handed back (still running, no
   * owner) and stops at its next batch, to be resumed by the next start.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    const current = this.current;
    if (current) {
      await releaseJob(this.ctx.database.db, current.jobId, JOB_OWNER).catch(() => false);
      await current.done;
    }
    await this.queue.stop();
  }

  private async runJob(jobId: number): Promise<void> {
    if (this.stopping) return;
    const job = await this.claim(jobId);
    if (!job) return;
    const done = this.importSpooled(job);
    this.current = { jobId, done };
    try {
      await done;
    } finally {
      this.current = undefined;
    }
  }

  /** The job, now this process's running job; undefined when there is nothing for this process to do. */
  private async claim(jobId: number): Promise<ImportJobRow | undefined> {
    const { db } = this.ctx.database;
    const job = await findJob(db, jobId);
    if (!job?.spool_file) return undefined;
    const mine =
      job.status === 'queued'
        ? await markJobRunning(db, jobId, JOB_OWNER)
        : job.status === 'running' && ownerGone(job) && (await takeOverJob(db, jobId, { pid: job.pid, host: job.host }, JOB_OWNER));
    return mine ? job : undefined;
  }

  private async importSpooled(job: ImportJobRow): Promise<void> {
    const { config, database, logger } = this.ctx;
    const jobId = Number(job.id);
    const file = spoolFilePath(config.DATA_DIR, job.spool_file!);
    try {
      if (!fs.existsSync(file)) {
        const progress = new ImportTally(null).progress();
        await finishJob(database.db, jobId, JOB_OWNER, { status: 'failed', exitCode: 2, fileError: 'the uploaded file is no longer in the spool: upload it again', progress });
        return;
      }
      await runImport(
        database,
        {
          jobId,
          claimed: true,
          fileName: job.file_name,
          actor: job.actor,
          source: job.source ?? undefined,
          dryRun: job.dry_run,
          strict: job.strict,
          encoding: job.encoding ?? undefined,
          bytesTotal: job.bytes_total === null ? null : Number(job.bytes_total),
          open: () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
          connectionString: config.DATABASE_URL,
          publicColumns: job.public_columns ?? [],
          links: { autoConfirmScore: config.LINK_AUTO_CONFIRM_SCORE },
        },
        logger,
      );
    } catch (err) {
      // The service records a failure on the job; this is for the operator.
      if (err instanceof JobLostError) logger.info({ jobId, reason: err.message }, 'import handed over');
      else logger.error({ err, jobId }, 'import failed');
    } finally {
      // The file goes with its job's end; a job handed back keeps it for its resumption.
      const after = await findJob(database.db, jobId).catch(() => undefined);
      if (after && after.status !== 'queued' && after.status !== 'running') removeSpoolFile(config.DATA_DIR, job.spool_file!);
    }
  }
}

const runners = new WeakMap<object, ImportRunner>();

/** This process's runner for this database (one per database, so each test app has its own). */
export function importRunner(ctx: AppContext): ImportRunner {
  let runner = runners.get(ctx.database);
  if (!runner) {
    runner = new ImportRunner(ctx);
    runners.set(ctx.database, runner);
  }
  return runner;
}

/** Stops the runner of this database, if one was made (server shutdown, a test app's close). */
export async function stopImportRunner(database: object): Promise<void> {
  const runner = runners.get(database);
  runners.delete(database);
  await runner?.stop();
}

/**
 * At server start: the sweep (once per start, before uploads are taken: the
 * single process, or the cluster's primary) and/or running jobs (every process
 * that serves HTTP).
 */
export async function startImports(ctx: AppContext, what: { sweep: boolean; run: boolean }): Promise<void> {
  const runner = importRunner(ctx);
  if (what.sweep) await runner.sweep();
  if (what.run) await runner.ensureStarted();
}
