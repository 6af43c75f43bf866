import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { STAFF_AUTH, cursorParam, errors, idPath, isoTime, json, nextCursor, type Same } from '../http/openapi.shared.ts';
import type { ConflictDto } from './conflicts.service.ts';
import { conflictListQuery, resolveBody } from './conflicts.routes.ts';

/** Conflicts between approved corrections and re-imported sources (src/records/conflicts.routes.ts). */
const conflictSchema = z
  .strictObject({
    id: z.number().int(),
    recordId: z.number().int(),
    field: z.string().meta({ example: 'birthYear' }),
    correctedValue: z.unknown().meta({ description: 'The approved correction\'s value, shown on the record', example: 1898 }),
    sourceValue: z.unknown().meta({ description: 'What the re-import says', example: 1888 }),
    previousSourceValue: z.unknown().meta({ description: 'What the source said before' }),
    status: z.enum(['open', 'resolved']),
    importJobId: z.number().int().nullable(),
    resolution: z.enum(['correction', 'source']).nullable(),
    reason: z.string().nullable(),
    createdAt: isoTime,
    resolvedAt: isoTime.nullable(),
  })
  .meta({ id: 'Conflict' });

const conflictMatches: Same<z.output<typeof conflictSchema>, ConflictDto> = true;
void conflictMatches;

export const conflictsOpenApi: ZodOpenApiPathsObject = {
  '/api/conflicts': {
    get: {
      tags: ['moderation'],
      summary: 'Conflicts between approved corrections and re-imported sources (archivist), a page at a time',
      security: STAFF_AUTH,
      requestParams: { query: conflictListQuery.extend({ cursor: cursorParam }) },
      responses: {
        '200': json('A page of conflicts (`Cache-Control: no-store`)', z.strictObject({ conflicts: z.array(conflictSchema), nextCursor })),
        ...errors('bad_request', 'unauthorized', 'forbidden'),
      },
    },
  },
  '/api/conflicts/{id}/resolve': {
    post: {
      tags: ['moderation'],
      summary: 'Resolve a conflict (archivist): keep the correction, or take the source\'s new value',
      description: 'A session cookie request also needs the CSRF token (`X-CSRF-Token` or `_csrf`).',
      security: STAFF_AUTH,
      requestParams: { path: idPath('conflict') },
      requestBody: { content: { 'application/json': { schema: resolveBody, example: { keep: 'correction', reason: 'The certificate of rehabilitation gives 1898' } } } },
      responses: {
        '200': json('The resolved conflict', z.strictObject({ conflict: conflictSchema })),
        ...errors('bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict'),
      },
    },
  },
};
