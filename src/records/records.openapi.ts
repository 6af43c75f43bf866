import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { cursorParam, errors, idPath, isoTime, json, nextCursor, STAFF_AUTH, type Same } from '../http/openapi.shared.ts';
import type { AttestedNameDto } from './attested-names.service.ts';
import type { RecordDto } from './record.dto.ts';
import type { PersonRef } from '../links/persons.service.ts';
import { explainQuery, type explainedJson } from './record.explained.ts';
import { listQuery } from './records.routes.ts';

/** The public record (src/records/record.dto.ts), as the API documents it. */
const text = z.string().nullable();
export const recordSchema = z
  .strictObject({
    id: z.number().int(),
    source: z.string().meta({ example: 'mos.memo.ru' }),
    externalId: z.string(),
    fullName: z.string().meta({ description: 'As the source recorded it, never changed', example: 'Ван-Си-Сян' }),
    surname: text,
    givenName: text,
    patronymic: text,
    birthYear: z.number().int().nullable().meta({ example: 1898 }),
    birthDate: text,
    birthplace: text.meta({ example: 'Китай, пров. Шаньдун' }),
    nationality: text.meta({ example: 'китаец' }),
    occupation: text,
    residence: text,
    arrestDate: text,
    charge: text,
    sentence: text,
    sentenceDate: text,
    executedOn: text,
    deathDate: text,
    burialPlace: text,
    rehabilitationDate: text,
    biography: text,
    normalisedDates: z.record(z.string(), z.string()).meta({ description: 'Sortable forms (YYYY, YYYY-MM, YYYY-MM-DD) of the dates that parse' }),
    extra: z.record(z.string(), z.unknown()).meta({ description: 'Source columns without a field of their own' }),
    sourceValues: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The source\'s own value of each field shown corrected by an approved correction (`{}` when none)', example: { birthYear: 1888 } }),
    version: z.number().int().meta({ description: 'Bumped by every change; the ETag follows it' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Record' });

export const attestedNameSchema = z
  .strictObject({
    hanzi: z.string().nullable().meta({ example: '王希祥' }),
    pinyin: z.string().meta({ example: 'wang xi xiang' }),
    evidence: z.string(),
    approvedAt: isoTime,
  })
  .meta({ id: 'AttestedName', description: 'A Chinese name confirmed by an approved correction' });

/** A record's person: the records joined to it by confirmed links (src/links/). */
export const personRefSchema = z
  .strictObject({ id: z.number().int(), recordIds: z.array(z.number().int()) })
  .meta({ id: 'PersonRef', description: 'The person this record belongs to: every record joined by confirmed links' });

const explainedSchema = z
  .strictObject({
    field: z.string().meta({ example: 'birthplace' }),
    label: z.string().meta({ example: '出生地' }),
    text: z.string().meta({ example: '中国山东省' }),
    original: z.string().meta({ description: 'The span of the record the fact comes from, exactly as written', example: 'Китай, пров. Шаньдун' }),
    untranslated: z.array(z.string()).meta({ description: 'Russian terms left untranslated inside `text`' }),
  })
  .meta({ id: 'ExplainedFact' });

// The documented shapes must stay the DTOs the code returns: a drift is a compile error.
const recordMatches: Same<z.output<typeof recordSchema>, RecordDto> = true;
const attestedMatches: Same<z.output<typeof attestedNameSchema>, AttestedNameDto> = true;
const personMatches: Same<z.output<typeof personRefSchema>, PersonRef> = true;
const explainedMatches: Same<z.output<typeof explainedSchema>, ReturnType<typeof explainedJson>[number]> = true;
void recordMatches;
void personMatches;
void explainedMatches;
void attestedMatches;

export const recordsOpenApi: ZodOpenApiPathsObject = {
  '/api/records': {
    get: {
      tags: ['records'],
      summary: 'Records in id order, a page at a time (keyset pagination)',
      requestParams: { query: listQuery.extend({ cursor: cursorParam }) },
      responses: {
        '200': json('A page of records; follow `nextCursor` for the next', z.strictObject({ records: z.array(recordSchema), nextCursor })),
        ...errors('bad_request'),
      },
    },
  },
  '/api/records/{id}': {
    get: {
      tags: ['records'],
      summary: 'One record, with its attested Chinese names and its person',
      description:
        'Cacheable: `ETag` (the record and its version) and `If-None-Match` → 304. With a Bearer token or an archivist session the record also carries `privateExtra` (its private columns) and is `private, no-store`. `?lang=zh|en` adds `explained`: what the record says in that language.',
      requestParams: { path: idPath('record'), query: explainQuery },
      security: [{}, ...STAFF_AUTH],
      responses: {
        '200': json(
          'The record',
          z.strictObject({
            record: recordSchema.extend({
              attestedNames: z.array(attestedNameSchema),
              person: personRefSchema.nullable(),
              privateExtra: z.record(z.string(), z.unknown()).optional().meta({ description: 'Staff only: the private columns of the record' }),
              explained: z.array(explainedSchema).optional().meta({ description: 'With `?lang=zh|en`: each fact in that language, with its span as written' }),
            }),
          }),
        ),
        '304': { description: 'Not modified since the `If-None-Match` ETag' },
        ...errors('bad_request', 'unauthorized', 'not_found'),
      },
    },
  },
};
