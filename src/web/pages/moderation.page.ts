import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { currentUser } from '../../auth/auth.middleware.ts';
import { decideCorrection, listCorrections } from '../../corrections/corrections.service.ts';
import { REASON_MAX } from '../../shared/decision-reason.ts';
import type { AppContext } from '../../shared/context.ts';
import { parseId } from '../../shared/validate.ts';
import { BadRequestError } from '../../shared/errors.ts';
import { actorRef } from '../../auth/user.types.ts';
import { listConflicts, resolveConflict } from '../../records/conflicts.service.ts';
import { formFor, pageFor } from '../web.auth.ts';
import { pageContext, renderPage } from '../web.render.ts';

const STATUSES = ['pending', 'approved', 'rejected'] as const;
type Status = (typeof STATUSES)[number];

const listQuery = z.object({
  status: z.enum(STATUSES).catch('pending'),
  cursor: z.string().max(200).optional().catch(undefined),
  done: z.enum(['approved', 'rejected']).optional().catch(undefined),
});

/** The moderation queue (evidence and submitter contact: archivists only) and its approve/reject forms. */
export function moderationPages(ctx: AppContext): Router {
  const router = Router();

  const show = async (req: Request, res: Response, failed: { id: number; reason: string; error: string } | null, status: number) => {
    const query = listQuery.parse(req.query);
    let page;
    try {
      page = await listCorrections(ctx.database.db, { status: query.status, cursor: query.cursor, limit: 20 });
    } catch (err) {
      if (!(err instanceof BadRequestError)) throw err;
      page = await listCorrections(ctx.database.db, { status: query.status, limit: 20 });
    }
    const nextHref = page.nextCursor ? `/moderation?${new URLSearchParams({ status: query.status, cursor: page.nextCursor }).toString()}` : null;
    // Open conflicts (a re-import under an approved correction) are listed beside the queue.
    const { conflicts } = await listConflicts(ctx.database.db, { status: 'open', limit: 20 });
    res.setHeader('Cache-Control', 'no-store');
    renderPage(req, res, 'moderation', { status: query.status as Status, statuses: STATUSES, corrections: page.corrections, conflicts, nextHref, done: query.done ?? null, failed }, status);
  };

  router.get('/moderation', pageFor('archivist'), async (req, res) => {
    await show(req, res, null, 200);
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/moderation/:id/${decision}`, formFor(ctx, 'archivist'), async (req, res) => {
      const id = parseId(req.params.id, 'correction id');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const reason = typeof body.reason === 'string' ? body.reason : '';
      const { t } = pageContext(req, res);
      if (decision === 'reject' && reason.trim() === '') {
        await show(req, res, { id, reason, error: t('moderation.error.reasonRequired') }, 400);
        return;
      }
      if (reason.length > REASON_MAX) {
        await show(req, res, { id, reason, error: t('moderation.error.reasonTooLong', { max: REASON_MAX }) }, 400);
        return;
      }
      await decideCorrection(ctx.database.db, id, decision, currentUser(res), reason, { confirmStale: body.confirmStale === '1' });
      res.redirect(303, `/moderation?done=${decision === 'approve' ? 'approved' : 'rejected'}`);
    });
  }

  router.post('/moderation/conflicts/:id/resolve', formFor(ctx, 'archivist'), async (req, res) => {
    const id = parseId(req.params.id, 'conflict id');
    const keep = (req.body as Record<string, unknown> | undefined)?.keep;
    if (keep !== 'correction' && keep !== 'source') throw new BadRequestError('keep must be "correction" or "source"');
    await resolveConflict(ctx.database.db, id, keep, actorRef(currentUser(res)), null);
    res.redirect(303, '/moderation');
  });

  return router;
}
