import { Router } from 'express';
import { z } from 'zod';
import { REASON_MAX } from '../shared/decision-reason.ts';
import { currentUser, requireRole } from '../auth/auth.middleware.ts';
import { actorRef } from '../auth/user.types.ts';
import type { AppContext } from '../shared/context.ts';
import { limitParam } from '../shared/pagination.ts';
import { parseId } from '../shared/validate.ts';
import { parseOrThrow } from '../shared/validate.ts';
import { listConflicts, resolveConflict } from './conflicts.service.ts';

export const conflictListQuery = z
  .object({ status: z.enum(['open', 'resolved']).default('open'), cursor: z.string().optional(), limit: limitParam(50, 200) })
  .strict();
export const resolveBody = z
  .object({ keep: z.enum(['correction', 'source']), reason: z.string().trim().max(REASON_MAX).optional(), _csrf: z.string().optional() })
  .strict();

/** Archivists: conflicts between approved corrections and re-imported sources. */
export function conflictsRouter(ctx: AppContext): Router {
  const router = Router();
  const archivist = requireRole(ctx, 'archivist', 'admin');

  router.get('/api/conflicts', archivist, async (req, res) => {
    const query = parseOrThrow(conflictListQuery, req.query, 'query');
    res.setHeader('Cache-Control', 'no-store');
    res.json(await listConflicts(ctx.database.db, query));
  });

  router.post('/api/conflicts/:id/resolve', archivist, async (req, res) => {
    const id = parseId(req.params.id, 'conflict id');
    const body = parseOrThrow(resolveBody, req.body ?? {}, 'body');
    const conflict = await resolveConflict(ctx.database.db, id, body.keep, actorRef(currentUser(res)), body.reason || null);
    res.json({ conflict });
  });

  return router;
}
