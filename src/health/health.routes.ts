import { Router } from 'express';
import { sql } from 'kysely';
import type { AppContext } from '../http/context.ts';
import { countRecords, countRecordsBySource } from '../records/records.repository.ts';

export function healthRouter(ctx: AppContext): Router {
  const router = Router();

  // Pings the database: a process whose database is gone is not healthy.
  router.get('/healthz', async (_req, res) => {
    await sql`SELECT 1`.execute(ctx.database.db);
    res.json({ status: 'ok' });
  });

  router.get('/api/stats', async (_req, res) => {
    const [records, bySource] = await Promise.all([
      countRecords(ctx.database.readDb),
      countRecordsBySource(ctx.database.readDb),
    ]);
    res.json({ records, bySource, backend: ctx.database.backend });
  });

  return router;
}
