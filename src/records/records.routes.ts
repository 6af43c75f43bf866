import { Router } from 'express';
import { z } from 'zod';
import { cacheUnlessStaff } from '../http/cache.ts';
import type { AppContext } from '../shared/context.ts';
import { decodeCursor, encodeCursor, limitParam } from '../shared/pagination.ts';
import { parseId } from '../shared/validate.ts';
import { parseOrThrow } from '../shared/validate.ts';
import { BadRequestError, NotFoundError } from '../shared/errors.ts';
import { listAttestedNames } from '../corrections/history.service.ts';
import { optionalUser } from '../auth/auth.middleware.ts';
import { toRecordDto, toStaffRecordDto } from './record.dto.ts';
import { personOfRecord } from '../links/persons.service.ts';
import { explainedJson, explainQuery } from './record.explained.ts';
import { findRecordById, listRecords } from './records.repository.ts';

export const listQuery = z.object({ limit: limitParam(50, 500), cursor: z.string().optional() }).strict();

/** A record changes only by moderation or a re-import: a minute's staleness is harmless, and 304s save the body. */
export const RECORD_MAX_AGE_SECONDS = 60;

export function recordsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/records', async (req, res) => {
    const query = parseOrThrow(listQuery, req.query, 'query');
    const after = decodeCursor(query.cursor);
    const afterId = after === undefined ? 0 : Number(after);
    if (!Number.isSafeInteger(afterId) || afterId < 0) throw new BadRequestError('cursor is not a cursor this server issued');
    // One extra row tells whether there is a next page without a count query.
    const rows = await listRecords(ctx.database.readDb, afterId, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    res.json({
      records: page.map(toRecordDto),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    });
  });

  // Archivists (Bearer token or session) also get the private columns, as privateExtra.
  router.get('/api/records/:id', cacheUnlessStaff(RECORD_MAX_AGE_SECONDS), optionalUser(ctx), async (req, res) => {
    const id = parseId(req.params.id, 'record id');
    const { lang } = parseOrThrow(explainQuery, req.query, 'query');
    const row = await findRecordById(ctx.database.db, id);
    if (!row) throw new NotFoundError(`No record with id ${id}`);
    const staff = res.locals.user !== undefined;
    if (staff) res.setHeader('Cache-Control', 'private, no-store');
    const dto = staff ? toStaffRecordDto(row) : toRecordDto(row);
    const explained = lang ? { explained: explainedJson(dto, lang) } : {};
    const [attestedNames, person] = await Promise.all([listAttestedNames(ctx.database.db, id), personOfRecord(ctx.database.db, id)]);
    res.json({ record: { ...dto, attestedNames, person, ...explained } });
  });

  return router;
}
