import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/auth.middleware.ts';
import { actorRef } from '../auth/user.types.ts';
import type { AppContext } from '../http/context.ts';
import { parseId } from '../http/params.ts';
import { parseOrThrow } from '../http/validate.ts';
import { AppError, NotFoundError, PayloadTooLargeError } from '../shared/errors.ts';
import { findJob, type ImportJobRow } from './import-jobs.repository.ts';
import { errorsToCsv } from './import-report.ts';
import { createImportJob, reapStaleJobs, runImport } from './import.service.ts';

/** Largest CSV body POST /api/imports accepts; it is streamed to a temporary file, never held in memory. */
export const IMPORT_MAX_BYTES = 2 * 1024 ** 3;

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const postQuery = z
  .object({
    source: z.string().trim().min(1).max(200).optional(),
    dryRun: flag,
    strict: flag,
    filename: z.string().trim().min(1).max(200).optional(),
    encoding: z.enum(['utf8', 'cp1251']).optional(),
  })
  .strict();

export function importsRouter(ctx: AppContext): Router {
  const router = Router();
  const staff = requireRole(ctx, 'archivist', 'admin');

  // At server start: jobs whose process is gone are marked failed.
  reapStaleJobs(ctx.database.db, ctx.logger).catch((err: unknown) => ctx.logger.warn({ err }, 'could not sweep abandoned import jobs'));

  router.post('/api/imports', staff, async (req, res) => {
    const query = parseOrThrow(postQuery, req.query, 'query');
    if (!req.is(['text/csv', 'application/octet-stream', 'text/plain'])) {
      throw new AppError('unsupported_media_type', 'Send the CSV file as the request body with Content-Type text/csv or application/octet-stream');
    }
    const declared = Number(req.get('content-length') ?? NaN);
    if (declared > IMPORT_MAX_BYTES) throw new PayloadTooLargeError(`The file is larger than ${IMPORT_MAX_BYTES} bytes`);
    const file = await spool(req);
    const user = res.locals.user!;
    const fileName = query.filename ?? 'upload.csv';
    const bytesTotal = fs.statSync(file).size;
    const options = { source: query.source, fileName, actor: actorRef(user), dryRun: query.dryRun, strict: query.strict, bytesTotal };
    const jobId = await createImportJob(ctx.database.db, options);
    enqueue(async () => {
      try {
        await runImport(
          ctx.database,
          { ...options, jobId, encoding: query.encoding, open: () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), connectionString: ctx.config.DATABASE_URL },
          ctx.logger,
        );
      } catch (err) {
        ctx.logger.error({ err, jobId }, 'import failed');
      } finally {
        fs.rm(file, { force: true }, () => undefined);
      }
    });
    const job = await findJob(ctx.database.db, jobId);
    res.status(202).location(`/api/imports/${jobId}`).json({ job: toJobDto(job!) });
  });

  router.get('/api/imports/:id', staff, async (req, res) => {
    res.json({ job: toJobDto(await jobOr404(ctx, req.params.id)) });
  });

  router.get('/api/imports/:id/errors.csv', staff, async (req, res) => {
    const job = await jobOr404(ctx, req.params.id);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`import-${job.id}-errors.csv`)
      .send(errorsToCsv(job.errors));
  });

  return router;
}

async function jobOr404(ctx: AppContext, raw: unknown): Promise<ImportJobRow> {
  const id = parseId(raw, 'import id');
  const job = await findJob(ctx.database.db, id);
  if (!job) throw new NotFoundError(`No import job with id ${id}`);
  return job;
}

/** Imports run one at a time per process, in the order they arrived. */
let queue: Promise<void> = Promise.resolve();
function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task, task);
}

/** Streams the body to a temporary file, counting bytes; 413 past the limit. */
async function spool(req: Request): Promise<string> {
  const dir = path.join(os.tmpdir(), 'namebridge-imports');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${Date.now()}-${randomBytes(6).toString('hex')}.csv`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > IMPORT_MAX_BYTES) done(new PayloadTooLargeError(`The file is larger than ${IMPORT_MAX_BYTES} bytes`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(req, limit, fs.createWriteStream(file));
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  return file;
}

export function toJobDto(job: ImportJobRow) {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: Number(job.id),
    status: job.status,
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
  };
}
