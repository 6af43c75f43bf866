import { Router } from 'express';
import { cachePublic } from '../http/cache.ts';
import type { AppContext } from '../shared/context.ts';
import { READINESS_CHECKS, runChecks } from './readiness.ts';
import { cachedStats } from './stats.service.ts';

/** How long caches may keep /api/stats: the counts move with imports and moderation, not by the second. */
export const STATS_MAX_AGE_SECONDS = 60;

export function healthRouter(ctx: AppContext): Router {
  const router = Router();

  // Liveness: the process answers. No database call, so a database outage
  // makes the service not ready (/readyz) rather than restarted in a loop.
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });

  // Readiness: every check of src/health/readiness.ts passes, or 503 with the failing ones.
  router.get('/readyz', async (_req, res) => {
    const checks = await runChecks(ctx, READINESS_CHECKS);
    const ready = checks.every((c) => c.ok);
    res.setHeader('Cache-Control', 'no-store');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });

  // {records, sources, attestedNames, pendingCorrections, bySource, staleReadings, backend}: src/health/stats.repository.ts,
  // at most STATS_CACHE_SECONDS old (stats.service.ts).
  router.get('/api/stats', cachePublic(STATS_MAX_AGE_SECONDS), async (_req, res) => {
    res.json({ ...(await cachedStats(ctx)), backend: ctx.database.backend });
  });

  return router;
}
