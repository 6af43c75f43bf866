import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { STAFF_AUTH, cursorParam, errors, idPath, isoTime, json, nextCursor, type Same } from '../http/openapi.shared.ts';
import { attestedNameSchema, recordSchema } from '../records/records.openapi.ts';
import type { LinkDto } from './link.dto.ts';
import { decisionBody, linkListQuery } from './links.routes.ts';
import type { LinkDecision } from './links.service.ts';
import type { PersonDto } from './persons.service.ts';

/** Person linking (src/links/): archivists review proposals; anyone reads a person. */
const reasonsSchema = z.array(
  z.strictObject({
    code: z.string().meta({ description: 'Stable: the web interface words reasons by it', example: 'same_birth_year' }),
    points: z.number(),
    text: z.string().meta({ description: 'English' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
);

const linkSchema = z
  .strictObject({
    id: z.number().int(),
    recordIds: z.tuple([z.number().int(), z.number().int()]).meta({ description: 'The two records, smaller id first' }),
    score: z.number().min(0).max(1).meta({ example: 0.87 }),
    reasons: reasonsSchema,
    status: z.enum(['proposed', 'confirmed', 'rejected', 'unlinked']),
    automatic: z.boolean().meta({ description: 'Confirmed automatically (LINK_AUTO_CONFIRM_SCORE), for review' }),
    model: z.string().meta({ description: 'The scoring model that proposed it' }),
    decidedBy: z.string().nullable(),
    decidedAt: isoTime.nullable(),
    decisionReason: z.string().nullable(),
    createdAt: isoTime,
    rescored: z
      .strictObject({ score: z.number().min(0).max(1), reasons: reasonsSchema, at: isoTime })
      .nullable()
      .meta({ description: 'A decided link whose records changed since: the model\'s score now (the decision and its score stay)' }),
  })
  .meta({ id: 'Link' });

const personSchema = z
  .strictObject({
    id: z.number().int(),
    recordCount: z.number().int(),
    sources: z.array(z.string()),
    names: z.strictObject({
      recorded: z.array(z.string()).meta({ description: 'Spellings as recorded, any script', example: ['Ван-Си-Сян', 'Ван Си-сян'] }),
      hanzi: z.array(z.string()).meta({ description: 'Attested characters', example: ['王希祥'] }),
    }),
    records: z.array(recordSchema.extend({ attestedNames: z.array(attestedNameSchema) })).meta({ description: 'Each record as its source wrote it, side by side; never merged' }),
  })
  .meta({ id: 'Person' });

const linkMatches: Same<z.output<typeof linkSchema>, LinkDto> = true;
const personMatches: Same<z.output<typeof personSchema>, PersonDto> = true;
void linkMatches;
void personMatches;

const DECISIONS: Record<LinkDecision, string> = {
  confirm: 'Confirm a proposed link (archivist): the two records become one person',
  reject: 'Reject a proposed link (archivist)',
  unlink: 'Undo a confirmed link (archivist): the person splits where the link was',
};

const decisionRoutes = Object.fromEntries(
  Object.entries(DECISIONS).map(([decision, summary]) => [
    `/api/links/{id}/${decision}`,
    {
      post: {
        tags: ['links'],
        summary,
        description: 'A session cookie request also needs the CSRF token (`X-CSRF-Token` or `_csrf`).',
        security: STAFF_AUTH,
        requestParams: { path: idPath('link') },
        requestBody: { content: { 'application/json': { schema: decisionBody } } },
        responses: {
          '200': json('The link as decided, and the person its records now belong to', z.strictObject({ link: linkSchema, personId: z.number().int().nullable() })),
          ...errors('bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict'),
        },
      },
    },
  ]),
) as ZodOpenApiPathsObject;

export const linksOpenApi: ZodOpenApiPathsObject = {
  '/api/links': {
    get: {
      tags: ['links'],
      summary: 'Link proposals and decisions (archivist), best score first, a page at a time',
      security: STAFF_AUTH,
      requestParams: { query: linkListQuery.extend({ cursor: cursorParam }) },
      responses: {
        '200': json('A page of links (`Cache-Control: no-store`)', z.strictObject({ links: z.array(linkSchema), nextCursor })),
        ...errors('bad_request', 'unauthorized', 'forbidden'),
      },
    },
  },
  '/api/links/{id}': {
    get: {
      tags: ['links'],
      summary: 'One link with its reasons (archivist)',
      security: STAFF_AUTH,
      requestParams: { path: idPath('link') },
      responses: { '200': json('The link', z.strictObject({ link: linkSchema })), ...errors('bad_request', 'unauthorized', 'forbidden', 'not_found') },
    },
  },
  ...decisionRoutes,
  '/api/persons/{id}': {
    get: {
      tags: ['links'],
      summary: 'A person: the records joined by confirmed links, each as its source wrote it',
      requestParams: { path: idPath('person') },
      responses: { '200': json('The person', z.strictObject({ person: personSchema })), ...errors('bad_request', 'not_found') },
    },
  },
};
