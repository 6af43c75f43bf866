import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/auth.middleware.ts';
import { actorRef } from '../auth/user.types.ts';
import type { AppContext } from '../shared/context.ts';
import { parseOrThrow } from '../shared/validate.ts';
import { EXPORT_FORMATS } from './export.layout.ts';
import { exportRecords, streamWriter } from './export.service.ts';

export const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS as ['csv', 'jsonl']).default('csv'),
    source: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' } as const;

/**
 * GET /api/export?format=csv|jsonl&source= — every record with its attested
 * names, claims and open conflicts, streamed. Exports hold nothing private (no submitter, no evidence of
 * pending proposals, no account), but bulk download is for staff.
 */
export function exportRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/export', requireRole(ctx, 'archivist', 'admin'), async (req, res) => {
    const query = parseOrThrow(exportQuery, req.query, 'query');
    const date = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.set({
      'Content-Type': CONTENT_TYPES[query.format],
      'Content-Disposition': `attachment; filename="namebridge-records-${date}.${query.format}"`,
      'Cache-Control': 'no-store',
    });
    const started = Date.now();
    try {
      const result = await exportRecords(ctx.database, { format: query.format, source: query.source }, streamWriter(res));
      res.end();
      ctx.logger.info({ actor: actorRef(res.locals.user!), format: query.format, source: query.source, records: result.records, ms: Date.now() - started }, 'export finished');
    } catch (err) {
      // Once the first bytes are out the status cannot change: cut the response
      // so the client sees a broken download, never a short file that looks whole.
      if (!res.headersSent) {
        res.removeHeader('Content-Disposition');
        throw err;
      }
      ctx.logger.warn({ err, format: query.format, source: query.source }, 'export stopped');
      res.destroy();
    }
  });

  return router;
}
