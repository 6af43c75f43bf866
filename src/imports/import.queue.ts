import fs from 'node:fs';
import type { AppContext } from '../shared/context.ts';
import { RateLimitedError } from '../shared/errors.ts';
import { insertJob } from './import-jobs.repository.ts';
import { importRunner } from './import.runner.ts';
import { JOB_OWNER } from './import.service.ts';

/**
 * The one way an upload over HTTP becomes an import, whichever door it came
 * through (POST /api/imports, or the /imports form without script): the file
 * is first spooled (import.spool.ts: never held in memory, at most
 * IMPORT_MAX_BYTES), then its job is recorded and queued in one transaction
 * (job-queue.ts), so it is run — by this process or, after a crash, by the
 * next one — and the job's row in import_jobs is where its progress and report
 * are read.
 */
export interface SpooledImport {
  /** The spool file (import.spool.ts): from here on its job owns it and removes it when the import ends. */
  file: { name: string; path: string };
  fileName: string;
  source: string | undefined;
  actor: string;
  dryRun: boolean;
  strict: boolean;
  encoding?: 'utf8' | 'cp1251' | undefined;
  /** Unknown columns made public (`?publicColumns=`, the form's field); the rest stay private. */
  publicColumns?: string[];
}

/** Records the job (status queued) with its queue message; returns the job id at once. */
export async function queueImport(ctx: AppContext, upload: SpooledImport): Promise<number> {
  const runner = importRunner(ctx);
  const { file } = upload;
  let jobId: number;
  try {
    jobId = await ctx.database.db.transaction().execute(async (trx) => {
      const id = await insertJob(trx, {
        source: upload.source ?? null,
        fileName: upload.fileName,
        actor: upload.actor,
        dryRun: upload.dryRun,
        strict: upload.strict,
        bytesTotal: fs.statSync(file.path).size,
        ...JOB_OWNER,
        spoolFile: file.name,
        encoding: upload.encoding ?? null,
        publicColumns: upload.publicColumns ?? null,
      });
      await runner.queue.enqueue(trx, id);
      return id;
    });
  } catch (err) {
    fs.rmSync(file.path, { force: true });
    throw err;
  }
  await runner.ensureStarted();
  runner.queue.wake();
  return jobId;
}

/** Uploads being received by this process now (IMPORT_MAX_CONCURRENT). */
let uploading = 0;

/**
 * Takes one of this process's upload slots, or refuses with 429 and
 * Retry-After before any byte is read: a few large uploads at once are what a
 * disk and a process can take. Call the returned function when the upload is
 * spooled or refused.
 */
export function takeUploadSlot(ctx: AppContext): () => void {
  if (uploading >= ctx.config.IMPORT_MAX_CONCURRENT) {
    throw new RateLimitedError(`${ctx.config.IMPORT_MAX_CONCURRENT} uploads are being received already; try again shortly`, 10);
  }
  uploading++;
  let released = false;
  return () => {
    if (!released) uploading--;
    released = true;
  };
}
