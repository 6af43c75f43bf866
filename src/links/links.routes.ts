import { Router } from 'express';
import { z } from 'zod';
import { currentUser, requireRole } from '../auth/auth.middleware.ts';
import type { AppContext } from '../shared/context.ts';
import { limitParam } from '../shared/pagination.ts';
import { parseId } from '../shared/validate.ts';
import { parseOrThrow } from '../shared/validate.ts';
import { decideLink, getLink, listLinks, type LinkDecision } from './links.service.ts';
import { REASON_MAX } from '../shared/decision-reason.ts';
import { getPerson } from './persons.service.ts';

export const linkListQuery = z
  .object({
    status: z.enum(['proposed', 'confirmed', 'rejected', 'unlinked', 'automatic']).default('proposed'),
    minScore: z.coerce.number().min(0).max(1).optional(),
    cursor: z.string().optional(),
    limit: limitParam(50, 200),
  })
  .strict();
export const decisionBody = z.object({ reason: z.string().max(REASON_MAX).optional(), _csrf: z.string().optional() }).strict();

/** Archivists review link proposals; anyone reads a person. */
export function linksRouter(ctx: AppContext): Router {
  const router = Router();
  const archivist = requireRole(ctx, 'archivist');

  router.get('/api/links', archivist, async (req, res) => {
    const query = parseOrThrow(linkListQuery, req.query, 'query');
    res.setHeader('Cache-Control', 'no-store');
    res.json(await listLinks(ctx.database.db, query));
  });

  router.get('/api/links/:id', archivist, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ link: await getLink(ctx.database.db, parseId(req.params.id, 'link id')) });
  });

  for (const decision of ['confirm', 'reject', 'unlink'] as const satisfies readonly LinkDecision[]) {
    router.post(`/api/links/:id/${decision}`, archivist, async (req, res) => {
      const id = parseId(req.params.id, 'link id');
      const body = parseOrThrow(decisionBody, req.body ?? {}, 'body');
      res.json(await decideLink(ctx.database.db, id, decision, currentUser(res), body.reason));
    });
  }

  router.get('/api/persons/:id', async (req, res) => {
    res.json({ person: await getPerson(ctx.database.db, parseId(req.params.id, 'person id')) });
  });

  return router;
}
