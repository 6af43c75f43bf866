import express, { Router, type RequestHandler } from 'express';
import { findSession } from '../../auth/accounts.service.ts';
import { currentUser } from '../../auth/auth.middleware.ts';
import { SESSION_COOKIE, readCookie } from '../../auth/cookies.ts';
import { actorRef } from '../../auth/user.types.ts';
import type { AppContext } from '../../http/context.ts';
import { parseId } from '../../http/params.ts';
import { findJob } from '../../imports/import-jobs.repository.ts';
import { createImportJob, runImport } from '../../imports/import.service.ts';
import { toJobDto } from '../../imports/imports.routes.ts';
import { BadRequestError, NotFoundError, UnauthorizedError } from '../../shared/errors.ts';
import { boundaryOf, parseMultipart } from '../multipart.ts';
import { formFor, pageFor } from '../web.auth.ts';
import { pageContext, renderPage } from '../web.render.ts';

/** The form upload (no script) is read in memory up to this size; the page's script streams larger files to POST /api/imports. */
export const WEB_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
/** Row errors shown on the job page; the CSV report has all that were kept. */
const SHOWN_ERRORS = 200;

/**
 * /imports (archivists): upload a CSV (dry run or not) with the same import
 * service as POST /api/imports, follow the job, read its row errors, download
 * the error report (GET /api/imports/:id/errors.csv).
 */
export function importsPages(ctx: AppContext): Router {
  const router = Router();

  // Refuse before reading a large body from someone with no session at all.
  const hasSession: RequestHandler = async (req, _res, next) => {
    const id = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (!id || !(await findSession(ctx.database.db, id))) throw new UnauthorizedError();
    next();
  };
  const readForm: RequestHandler = (req, _res, next) => {
    const boundary = boundaryOf(req.get('content-type'));
    if (!boundary || !Buffer.isBuffer(req.body)) throw new BadRequestError('Send the form as multipart/form-data');
    let parts;
    try {
      parts = parseMultipart(req.body, boundary);
    } catch (err) {
      throw new BadRequestError(`Unreadable form: ${(err as Error).message}`);
    }
    const fields: Record<string, unknown> = {};
    for (const part of parts) fields[part.name] = part.filename === null ? part.data.toString('utf8') : part;
    req.body = fields;
    next();
  };

  router.get('/imports', pageFor('archivist'), (req, res) => {
    renderPage(req, res, 'imports', { errors: {}, values: { source: '', dryRun: true } });
  });

  router.post(
    '/imports',
    hasSession,
    express.raw({ type: 'multipart/form-data', limit: WEB_UPLOAD_MAX_BYTES }),
    readForm,
    formFor(ctx, 'archivist'),
    async (req, res) => {
      const body = req.body as Record<string, unknown>;
      const file = body.file as { filename: string | null; data: Buffer } | undefined;
      const source = typeof body.source === 'string' ? body.source.trim().slice(0, 200) : '';
      const dryRun = body.dryRun === '1' || body.dryRun === 'on';
      if (!file || typeof file !== 'object' || !file.filename || file.data.length === 0) {
        const { t } = pageContext(req, res);
        renderPage(req, res, 'imports', { errors: { file: t('imports.error.file') }, values: { source, dryRun } }, 400);
        return;
      }
      const data = file.data;
      const options = {
        source: source || undefined,
        fileName: file.filename.slice(0, 200),
        actor: actorRef(currentUser(res)),
        dryRun,
        strict: false,
        bytesTotal: data.length,
      };
      const jobId = await createImportJob(ctx.database.db, options);
      // The job page follows it; a failure is recorded on the job by the service.
      void runImport(ctx.database, { ...options, jobId, open: () => oneChunk(data), connectionString: ctx.config.DATABASE_URL }, ctx.logger).catch(
        (err: unknown) => ctx.logger.error({ err, jobId }, 'import failed'),
      );
      res.redirect(303, `/imports/${jobId}`);
    },
  );

  router.get('/imports/:id', pageFor('archivist'), async (req, res) => {
    const id = parseId(req.params.id, 'import id');
    const row = await findJob(ctx.database.db, id);
    if (!row) throw new NotFoundError(`No import job with id ${id}`);
    const job = toJobDto(row);
    const { bytesRead, bytesTotal } = job.progress;
    const percent = bytesTotal ? Math.min(100, Math.round((bytesRead / bytesTotal) * 100)) : null;
    renderPage(req, res, 'import-job', {
      job,
      percent,
      running: job.status === 'queued' || job.status === 'running',
      shownErrors: job.report.errors.slice(0, SHOWN_ERRORS),
    });
  });

  return router;
}

async function* oneChunk(data: Buffer): AsyncIterable<Buffer> {
  yield data;
}
