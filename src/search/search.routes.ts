import { Router } from 'express';
import { appLimits } from '../auth/rate-limit.ts';
import type { AppContext } from '../shared/context.ts';
import { parseOrThrow } from '../shared/validate.ts';
import { searchQuerySchema } from './search.params.ts';
import { searchRecords } from './search.service.ts';

export function searchRouter(ctx: AppContext): Router {
  const router = Router();
  // Searches read from the replica when DATABASE_READ_URL is set.
  // One budget with the web's /search (src/web/pages/search.page.ts).
  router.get('/api/search', appLimits(ctx).search, async (req, res) => {
    const params = parseOrThrow(searchQuerySchema, req.query, 'query');
    res.json(await searchRecords(ctx.database, params));
  });
  return router;
}
