import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { STAFF_AUTH, cursorParam, errors, idPath, isoTime, json, nextCursor, type Same } from '../http/openapi.shared.ts';
import { correctionBody } from './correction.input.ts';
import type { CorrectionDto } from './correction.dto.ts';
import type { RecordHistoryDto } from './history.service.ts';
import { approveBody, historyQuery, listQuery, rejectBody } from './corrections.routes.ts';

const actorSchema = z.strictObject({ type: z.enum(['public', 'archivist', 'admin', 'system']), label: z.string() });

const correctionSchema = z
  .strictObject({
    id: z.number().int(),
    recordId: z.number().int(),
    recordFullName: z.string().meta({ example: 'Ван-Си-Сян' }),
    kind: z.enum(['chinese-name', 'field']),
    hanzi: z.string().nullable().meta({ example: '王希祥' }),
    pinyin: z.string().nullable(),
    field: z.string().nullable(),
    value: z.string().nullable(),
    evidence: z.string(),
    submitter: z.strictObject({ name: z.string().nullable(), email: z.string().nullable() }).meta({ description: 'Private: archivists only' }),
    client: z.string().nullable().meta({ description: 'Short hash of the submitting address' }),
    status: z.enum(['pending', 'approved', 'rejected']),
    createdAt: isoTime,
    decidedAt: isoTime.nullable(),
    decidedBy: actorSchema.nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: 'Correction', description: 'A proposal as archivists see it, with evidence and the submitter\'s contact' });

const historySchema = z
  .strictObject({
    recordId: z.number().int(),
    events: z.array(z.strictObject({ id: z.number().int(), kind: z.string(), actor: actorSchema, at: isoTime, reason: z.string().nullable(), data: z.unknown() })),
    corrections: z.array(z.strictObject({ id: z.number().int(), kind: z.string(), status: z.string(), submittedAt: isoTime, decidedAt: isoTime.nullable() })),
    nextCursor,
  })
  .meta({ id: 'RecordHistory' });

const correctionMatches: Same<z.output<typeof correctionSchema>, CorrectionDto> = true;
const historyMatches: Same<z.output<typeof historySchema>, RecordHistoryDto> = true;
void correctionMatches;
void historyMatches;

const one = z.strictObject({ correction: correctionSchema });
const csrfNote = 'With the session cookie, send the CSRF token as `X-CSRF-Token`.';

export const correctionsOpenApi: ZodOpenApiPathsObject = {
  '/api/records/{id}/corrections': {
    post: {
      tags: ['corrections'],
      summary: 'Propose a correction (public, no account); rate-limited per client address',
      requestParams: { path: idPath('record') },
      requestBody: {
        content: {
          'application/json': {
            schema: correctionBody,
            example: { kind: 'chinese-name', hanzi: '王希祥', evidence: 'His letters, signed 王希祥', submitter: { email: 'me@example.org' } },
          },
        },
      },
      responses: {
        '201': json('Stored, awaiting moderation', z.strictObject({ id: z.number().int(), status: z.literal('pending') })),
        ...errors('bad_request', 'not_found', 'payload_too_large', 'rate_limited'),
      },
    },
  },
  '/api/records/{id}/history': {
    get: {
      tags: ['corrections'],
      summary: 'A record\'s public history: events in order and each correction\'s status (never a contact)',
      requestParams: { path: idPath('record'), query: historyQuery.extend({ cursor: cursorParam }) },
      responses: { '200': json('The history page', historySchema), ...errors('bad_request', 'not_found') },
    },
  },
  '/api/corrections': {
    get: {
      tags: ['moderation'],
      summary: 'The moderation queue (archivist)',
      security: STAFF_AUTH,
      requestParams: { query: listQuery.extend({ cursor: cursorParam }) },
      responses: {
        '200': json('A page of corrections', z.strictObject({ corrections: z.array(correctionSchema), nextCursor })),
        ...errors('bad_request', 'unauthorized', 'forbidden'),
      },
    },
  },
  '/api/corrections/{id}': {
    get: {
      tags: ['moderation'],
      summary: 'One correction (archivist)',
      security: STAFF_AUTH,
      requestParams: { path: idPath('correction') },
      responses: { '200': json('The correction', one), ...errors('bad_request', 'unauthorized', 'forbidden', 'not_found') },
    },
  },
  '/api/corrections/{id}/approve': {
    post: {
      tags: ['moderation'],
      summary: 'Approve a pending correction (archivist)',
      description: csrfNote,
      security: STAFF_AUTH,
      requestParams: { path: idPath('correction') },
      requestBody: { content: { 'application/json': { schema: approveBody } } },
      responses: { '200': json('Approved', one), ...errors('bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict') },
    },
  },
  '/api/corrections/{id}/reject': {
    post: {
      tags: ['moderation'],
      summary: 'Reject a pending correction, with a reason (archivist)',
      description: csrfNote,
      security: STAFF_AUTH,
      requestParams: { path: idPath('correction') },
      requestBody: { content: { 'application/json': { schema: rejectBody } } },
      responses: { '200': json('Rejected', one), ...errors('bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict') },
    },
  },
};
