import { Router } from 'express';
import { sql } from 'kysely';
import type { AppContext } from '../http/context.ts';
import { cachedStats } from './stats.cache.ts';

export function healthRouter(ctx: AppContext): Router {
  const router = Router();

  // Pings the database: a process whose database is gone is not healthy.
  router.get('/healthz', async (_req, res) => {
    await sql`SELECT 1`.execute(ctx.database.db);
    res.json({ status: 'ok' });
  });

  // {records, sources, attestedNames, pendingCorrections, bySource, backend}: src/health/stats.repository.ts,
  // at most STATS_CACHE_SECONDS old (stats.cache.ts).
  router.get('/api/stats', async (_req, res) => {
    res.json({ ...(await cachedStats(ctx)), backend: ctx.database.backend });
  });

  return router;
}
