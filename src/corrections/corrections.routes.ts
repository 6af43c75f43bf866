import { Router } from 'express';
import { z } from 'zod';
import { REASON_MAX } from '../shared/decision-reason.ts';
import { currentUser, optionalUser, requireRole } from '../auth/auth.middleware.ts';
import { appLimits } from '../auth/rate-limit.ts';
import type { AppContext } from '../shared/context.ts';
import { limitParam } from '../shared/pagination.ts';
import { parseId } from '../shared/validate.ts';
import { parseOrThrow } from '../shared/validate.ts';
import { decideCorrection, getCorrection, listCorrections, submitCorrection } from './corrections.service.ts';
import { getRecordHistory } from './history.service.ts';

export const listQuery = z
  .object({
    status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
    cursor: z.string().optional(),
    limit: limitParam(50, 200),
  })
  .strict();
export const historyQuery = z.object({ cursor: z.string().optional(), limit: limitParam(200, 500) }).strict();
export const approveBody = z
  .object({ reason: z.string().max(REASON_MAX).optional(), confirmStale: z.boolean().optional(), version: z.number().int().positive().optional(), _csrf: z.string().optional() })
  .strict();
export const rejectBody = z.object({ reason: z.string({ error: 'is required to reject' }).max(REASON_MAX), _csrf: z.string().optional() }).strict();

/**
 * Public: submit a correction, read a record's history. Archivists (and
 * admins): the moderation queue and decisions. A private contact appears only
 * in the archivist responses.
 */
export function correctionsRouter(ctx: AppContext): Router {
  const router = Router();
  const archivist = requireRole(ctx, 'archivist');
  const submissionLimit = appLimits(ctx).submissions;

  router.post('/api/records/:id/corrections', submissionLimit, async (req, res) => {
    const recordId = parseId(req.params.id, 'record id');
    const created = await submitCorrection(ctx.database.db, recordId, req.body ?? {}, req.ip ?? null);
    res.status(201).json(created);
  });

  router.get('/api/records/:id/history', optionalUser(ctx), async (req, res) => {
    const recordId = parseId(req.params.id, 'record id');
    const query = parseOrThrow(historyQuery, req.query, 'query');
    const staff = res.locals.user !== undefined;
    if (staff) res.setHeader('Cache-Control', 'no-store');
    res.json(await getRecordHistory(ctx.database.db, recordId, { ...query, staff }));
  });

  router.get('/api/corrections', archivist, async (req, res) => {
    const query = parseOrThrow(listQuery, req.query, 'query');
    res.setHeader('Cache-Control', 'no-store');
    res.json(await listCorrections(ctx.database.db, query));
  });

  router.get('/api/corrections/:id', archivist, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ correction: await getCorrection(ctx.database.db, parseId(req.params.id, 'correction id')) });
  });

  router.post('/api/corrections/:id/approve', archivist, async (req, res) => {
    const id = parseId(req.params.id, 'correction id');
    const body = parseOrThrow(approveBody, req.body ?? {}, 'body');
    const options = { confirmStale: body.confirmStale, version: body.version };
    res.json({ correction: await decideCorrection(ctx.database.db, id, 'approve', currentUser(res), body.reason, options) });
  });

  router.post('/api/corrections/:id/reject', archivist, async (req, res) => {
    const id = parseId(req.params.id, 'correction id');
    const body = parseOrThrow(rejectBody, req.body ?? {}, 'body');
    res.json({ correction: await decideCorrection(ctx.database.db, id, 'reject', currentUser(res), body.reason) });
  });

  return router;
}
