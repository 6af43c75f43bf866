import { Router, type Request, type RequestHandler, type Response } from 'express';
import { findSession } from '../../auth/accounts.service.ts';
import { currentUser, hasRole, sessionIdOf } from '../../auth/auth.middleware.ts';
import { actorRef } from '../../auth/user.types.ts';
import type { AppContext } from '../../shared/context.ts';
import { parseId } from '../../shared/validate.ts';
import { getImportJob, toJobDto } from '../../imports/import-jobs.service.ts';
import { queueImport, takeUploadSlot } from '../../imports/import.queue.ts';
import { undoImport } from '../../imports/import-undo.service.ts';
import { ForbiddenError, UnauthorizedError } from '../../shared/errors.ts';
import { discardUpload, readUploadForm, type UploadForm } from '../upload.ts';
import { formFor, pageFor } from '../web.auth.ts';
import { pageContext, renderPage } from '../web.render.ts';
import { lingerAfterRefusal } from '../../http/refused-body.ts';

/** Row errors shown on the job page; the CSV report has all that were kept. */
const SHOWN_ERRORS = 200;

/**
 * /imports (archivists): upload a CSV (dry run or not), follow the job, read
 * its row errors, download the error report (GET /api/imports/:id/errors.csv).
 * Without script the form posts multipart/form-data here: the file is streamed
 * to the import spool and queued exactly as POST /api/imports does
 * (import.queue.ts: same byte limit, same upload slots, same queue, same job row).
 */
export function importsPages(ctx: AppContext): Router {
  const router = Router();

  // Refuse before reading a byte of the body from anyone without a staff session (the CSRF token is in the body: checked at the file part).
  const staffSession: RequestHandler = async (req, _res, next) => {
    const id = sessionIdOf(req);
    const session = id ? await findSession(ctx.database.db, id) : undefined;
    if (!session) throw new UnauthorizedError();
    if (!hasRole(session.user, ['archivist'])) throw new ForbiddenError('This needs the archivist role');
    next();
  };
  const staff = formFor(ctx, 'archivist');

  router.get('/imports', pageFor('archivist'), (req, res) => {
    renderPage(req, res, 'imports', { errors: {}, values: { source: '', dryRun: true } });
  });

  /** Queues the upload; null (and the form again, 400) when it came without a file. */
  const startImport = async (req: Request, res: Response, upload: UploadForm): Promise<number | null> => {
    const { fields, file } = upload;
    const source = (fields.source ?? '').trim().slice(0, 200);
    const dryRun = fields.dryRun === '1' || fields.dryRun === 'on';
    if (!file || !file.filename || file.size === 0) {
      const { t } = pageContext(req, res);
      renderPage(req, res, 'imports', { errors: { file: t('imports.error.file') }, values: { source, dryRun } }, 400);
      return null;
    }
    const actor = actorRef(currentUser(res));
    return queueImport(ctx, { file, fileName: file.filename.slice(0, 200), source: source || undefined, actor, dryRun, strict: false });
  };

  // The form's file is spooled to disk as it arrives, then queued exactly as POST /api/imports does.
  router.post(
    '/imports',
    staffSession,
    async (req, res) => {
      let checked = false;
      // req.body is where the CSRF check finds `_csrf`.
      const check = async (fields: Record<string, string>) => {
        req.body = fields;
        await run(staff, req, res);
        checked = true;
      };
      let release: (() => void) | undefined;
      let upload: UploadForm;
      try {
        release = takeUploadSlot(ctx);
        upload = await readUploadForm(req, 'file', { dataDir: ctx.config.DATA_DIR, maxBytes: ctx.config.IMPORT_MAX_BYTES, beforeFile: check });
      } catch (err) {
        // The rest of a refused body (429, 413, 403, 400, a failed write) is never spooled: it is drained, bounded, after the answer.
        lingerAfterRefusal(req, res);
        throw err;
      } finally {
        release?.();
      }
      let jobId: number | null = null;
      try {
        if (!checked) await check(upload.fields);
        jobId = await startImport(req, res, upload); // from here the queue owns the file
      } finally {
        // Refused, or no file: nothing stays in the spool (synchronously, before the response is read).
        if (jobId === null) discardUpload(upload);
      }
      if (jobId !== null) res.redirect(303, `/imports/${jobId}`);
    },
  );

  router.get('/imports/:id', pageFor('archivist'), async (req, res) => {
    const id = parseId(req.params.id, 'import id');
    const job = toJobDto(await getImportJob(ctx.database.db, id));
    const { bytesRead, bytesTotal } = job.progress;
    const percent = bytesTotal ? Math.min(100, Math.round((bytesRead / bytesTotal) * 100)) : null;
    renderPage(req, res, 'import-job', {
      job,
      percent,
      running: job.status === 'queued' || job.status === 'running',
      shownErrors: job.report.errors.slice(0, SHOWN_ERRORS),
    });
  });

  // The undo is itself a job: its page shows what was removed, restored and kept.
  router.post('/imports/:id/undo', staff, async (req, res) => {
    const id = parseId(req.params.id, 'import id');
    const report = await undoImport(ctx.database.db, id, actorRef(currentUser(res)));
    res.redirect(303, `/imports/${report.jobId}`);
  });

  return router;
}

/** Runs a middleware (the role and CSRF check) inside a handler: resolves when it calls next(), rejects when it refuses. */
function run(middleware: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    Promise.resolve(middleware(req, res, (err?: unknown) => (err ? reject(err) : resolve()))).catch(reject);
  });
}
