import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/auth.middleware.ts';
import { actorRef } from '../auth/user.types.ts';
import type { AppContext } from '../shared/context.ts';
import { parseId, parseOrThrow } from '../shared/validate.ts';
import { AppError } from '../shared/errors.ts';
import { getImportJob, toJobDto } from './import-jobs.service.ts';
import { errorsToCsv } from './import-report.ts';
import { queueImport, takeUploadSlot } from './import.queue.ts';
import { reapStaleJobs } from './import.service.ts';
import { undoImport } from './import-undo.service.ts';
import { parsePublicColumns } from './extra-columns.ts';
import { spoolBody, tooLarge } from './import.spool.ts';
import { lingerAfterRefusal } from '../http/refused-body.ts';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const postQuery = z
  .object({
    source: z.string().trim().min(1).max(200).optional(),
    dryRun: flag,
    strict: flag,
    filename: z.string().trim().min(1).max(200).optional(),
    encoding: z.enum(['utf8', 'cp1251']).optional(),
    publicColumns: z.string().max(10_000).optional(),
  })
  .strict();

export function importsRouter(ctx: AppContext): Router {
  const router = Router();
  const staff = requireRole(ctx, 'archivist', 'admin');

  // At server start: jobs whose process is gone are marked failed.
  reapStaleJobs(ctx.database.db, ctx.logger).catch((err: unknown) => ctx.logger.warn({ err }, 'could not sweep abandoned import jobs'));

  // The role and CSRF check (staff) and every refusal come before a byte of the body is read.
  router.post('/api/imports', staff, async (req, res) => {
    const query = parseOrThrow(postQuery, req.query, 'query');
    if (!req.is(['text/csv', 'application/octet-stream', 'text/plain'])) {
      throw new AppError('unsupported_media_type', 'Send the CSV file as the request body with Content-Type text/csv or application/octet-stream');
    }
    const max = ctx.config.IMPORT_MAX_BYTES;
    let release: (() => void) | undefined;
    let file: Awaited<ReturnType<typeof spoolBody>>;
    try {
      release = takeUploadSlot(ctx);
      if (Number(req.get('content-length') ?? NaN) > max) throw tooLarge(max);
      file = await spoolBody(req, ctx.config.DATA_DIR, max);
    } catch (err) {
      // The rest of a refused body (429, 413, 403, 400, a failed write) is never spooled: it is drained, bounded, after the answer.
      lingerAfterRefusal(req, res);
      throw err;
    } finally {
      release?.();
    }
    const user = res.locals.user!;
    const fileName = query.filename ?? 'upload.csv';
    // The same queue as the /imports form (src/imports/import.queue.ts).
    const jobId = await queueImport(ctx, { file, fileName, source: query.source, actor: actorRef(user), dryRun: query.dryRun, strict: query.strict, encoding: query.encoding, publicColumns: parsePublicColumns(query.publicColumns) });
    const job = await getImportJob(ctx.database.db, jobId);
    res.status(202).location(`/api/imports/${jobId}`).json({ job: toJobDto(job) });
  });

  router.get('/api/imports/:id', staff, async (req, res) => {
    res.json({ job: toJobDto(await getImportJob(ctx.database.db, parseId(req.params.id, 'import id'))) });
  });

  router.post('/api/imports/:id/undo', staff, async (req, res) => {
    const id = parseId(req.params.id, 'import id');
    const { jobId, removed, restored, conflicts, status, details } = await undoImport(ctx.database.db, id, actorRef(res.locals.user!));
    res.json({ jobId, removed, restored, conflicts, status, details });
  });

  router.get('/api/imports/:id/errors.csv', staff, async (req, res) => {
    const job = await getImportJob(ctx.database.db, parseId(req.params.id, 'import id'));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`import-${job.id}-errors.csv`)
      .send(errorsToCsv(job.errors));
  });

  return router;
}
