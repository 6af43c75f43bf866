import { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { parseOrThrow } from '../http/validate.ts';
import { searchQuerySchema } from './search.params.ts';
import { searchRecords } from './search.service.ts';

export function searchRouter(ctx: AppContext): Router {
  const router = Router();
  // Searches read from the replica when DATABASE_READ_URL is set.
  router.get('/api/search', async (req, res) => {
    const params = parseOrThrow(searchQuerySchema, req.query, 'query');
    res.json(await searchRecords(ctx.database, params));
  });
  return router;
}
