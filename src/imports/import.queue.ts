import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../http/context.ts';
import { PayloadTooLargeError } from '../shared/errors.ts';
import { createImportJob, runImport } from './import.service.ts';

/**
 * The one way an upload over HTTP becomes an import, whichever door it came
 * through (POST /api/imports, or the /imports form without script): the file
 * is first spooled to a temporary file (never held in memory, at most
 * IMPORT_MAX_BYTES), then a job is recorded and queued; the job's row in
 * import_jobs is where its progress and report are read.
 */
export const IMPORT_MAX_BYTES = 2 * 1024 ** 3;

export const tooLarge = () => new PayloadTooLargeError(`The file is larger than ${IMPORT_MAX_BYTES} bytes`);

/** A fresh path in the spool directory (created if needed); the caller writes it. */
export function spoolPath(): string {
  const dir = path.join(os.tmpdir(), 'namebridge-imports');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${Date.now()}-${randomBytes(6).toString('hex')}.csv`);
}

/** Streams a body to a temporary file, counting bytes; 413 past the limit (and the file removed). */
export async function spool(body: Readable): Promise<string> {
  const file = spoolPath();
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > IMPORT_MAX_BYTES) done(tooLarge());
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, fs.createWriteStream(file));
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  return file;
}

export interface SpooledImport {
  /** The spooled file: from here on the queue owns it and removes it when the import ends. */
  file: string;
  fileName: string;
  source: string | undefined;
  actor: string;
  dryRun: boolean;
  strict: boolean;
  encoding?: 'utf8' | 'cp1251' | undefined;
}

/** Records the job (status queued) and queues its import; returns the job id at once. */
export async function queueImport(ctx: AppContext, upload: SpooledImport): Promise<number> {
  const { file, encoding, ...rest } = upload;
  const options = { ...rest, bytesTotal: fs.statSync(file).size };
  let jobId: number;
  try {
    jobId = await createImportJob(ctx.database.db, options);
  } catch (err) {
    fs.rm(file, { force: true }, () => undefined);
    throw err;
  }
  enqueue(async () => {
    try {
      await runImport(
        ctx.database,
        { ...options, jobId, encoding, open: () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), connectionString: ctx.config.DATABASE_URL, links: { autoConfirmScore: ctx.config.LINK_AUTO_CONFIRM_SCORE } },
        ctx.logger,
      );
    } catch (err) {
      // The service records the failure on the job; this is for the operator.
      ctx.logger.error({ err, jobId }, 'import failed');
    } finally {
      fs.rm(file, { force: true }, () => undefined);
    }
  });
  return jobId;
}

/** Imports run one at a time per process, in the order they arrived. */
let queue: Promise<void> = Promise.resolve();
function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task, task);
}
