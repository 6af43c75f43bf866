import { Router } from 'express';
import { z } from 'zod';
import { cacheUnlessStaff } from '../http/cache.ts';
import type { AppContext } from '../shared/context.ts';
import { limitParam } from '../shared/pagination.ts';
import { parseId, parseOrThrow } from '../shared/validate.ts';
import { listAttestedNames } from './attested-names.service.ts';
import { optionalUser } from '../auth/auth.middleware.ts';
import { toRecordDto, toStaffRecordDto } from './record.dto.ts';
import { personOfRecord } from '../links/persons.service.ts';
import { explainedJson, explainQuery } from './record.explained.ts';
import { getRecord, listRecordsPage } from './records.service.ts';

export const listQuery = z.object({ limit: limitParam(50, 500), cursor: z.string().optional() }).strict();

/** A record changes only by moderation or a re-import: a minute's staleness is harmless, and 304s save the body. */
export const RECORD_MAX_AGE_SECONDS = 60;

export function recordsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/records', async (req, res) => {
    const query = parseOrThrow(listQuery, req.query, 'query');
    const { records, nextCursor } = await listRecordsPage(ctx.database.readDb, query.cursor, query.limit);
    res.json({ records: records.map(toRecordDto), nextCursor });
  });

  // Archivists (Bearer token or session) also get the private columns, as privateExtra.
  router.get('/api/records/:id', cacheUnlessStaff(RECORD_MAX_AGE_SECONDS), optionalUser(ctx), async (req, res) => {
    const id = parseId(req.params.id, 'record id');
    const { lang } = parseOrThrow(explainQuery, req.query, 'query');
    const row = await getRecord(ctx.database.db, id);
    const staff = res.locals.user !== undefined;
    if (staff) res.setHeader('Cache-Control', 'private, no-store');
    const dto = staff ? toStaffRecordDto(row) : toRecordDto(row);
    const explained = lang ? { explained: explainedJson(dto, lang) } : {};
    const [attestedNames, person] = await Promise.all([listAttestedNames(ctx.database.db, id), personOfRecord(ctx.database.db, id)]);
    res.json({ record: { ...dto, attestedNames, person, ...explained } });
  });

  return router;
}
