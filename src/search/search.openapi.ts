import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errors, json, nextCursor, type Same } from '../http/openapi.shared.ts';
import { searchQuerySchema } from './search.params.ts';
import type { SearchResponse } from './search.service.ts';

const syllableSchema = z.strictObject({
  recordText: z.string().nullable().meta({ example: 'Ван' }),
  pinyin: z.string().nullable().meta({ example: 'wang' }),
  queryText: z.string().nullable().meta({ example: '王' }),
  queryPinyin: z.string().nullable().meta({ example: 'wang' }),
  rule: z.string().meta({ example: 'exact' }),
  cost: z.number(),
});

const searchRecordSchema = z.strictObject({
  id: z.number().int(),
  externalId: z.string(),
  source: z.string(),
  fullName: z.string().meta({ example: 'Ван-Си-Сян' }),
  birthYear: z.number().int().nullable(),
  birthDate: z.string().nullable(),
  birthplace: z.string().nullable(),
  nationality: z.string().nullable(),
  executedOn: z.string().nullable(),
  readings: z.array(
    z.strictObject({
      pinyin: z.string().meta({ example: 'wang xi xiang' }),
      wadeGiles: z.string().meta({ example: 'Wang Hsi-hsiang' }),
      origin: z.enum(['decoded', 'attested']),
      hanzi: z.string().optional().meta({ example: '王希祥' }),
    }),
  ),
  likelySurnameCharacters: z.array(z.string()).meta({ example: ['王', '汪'] }),
});

const personSummarySchema = z
  .strictObject({ id: z.number().int(), recordCount: z.number().int(), sourceCount: z.number().int() })
  .meta({ id: 'PersonSummary' });

export const searchResponseSchema = z
  .strictObject({
    query: z.strictObject({
      q: z.string().meta({ example: '王希祥' }),
      script: z.enum(['cyrillic', 'latin', 'han', 'mixed', 'empty']),
      readings: z.array(z.strictObject({ pinyin: z.string(), cost: z.number(), surname: z.array(z.string()), given: z.array(z.string()) })),
      russianParts: z.array(z.string()),
      birthplace: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
    }),
    results: z.array(
      z.strictObject({
        record: searchRecordSchema,
        score: z.number().min(0).max(1).meta({ example: 0.95 }),
        strength: z.enum(['strong', 'possible', 'weak']),
        match: z.strictObject({
          reading: z.string().meta({ example: 'wang xi xiang' }),
          origin: z.enum(['decoded', 'attested', 'name']),
          syllables: z.array(syllableSchema),
          swapped: z.boolean().optional(),
        }),
        person: personSummarySchema.nullable().optional().meta({ description: 'The person this record belongs to (records joined by confirmed links), or null' }),
      }),
    ),
    nextCursor,
    warnings: z
      .array(
        z.union([
          z.strictObject({ code: z.literal('unknown_birthplace'), message: z.string(), birthplace: z.string() }),
          z.strictObject({ code: z.literal('no_match'), message: z.string(), filter: z.enum(['nationality', 'birthYear', 'birthplace']), value: z.string() }),
          z.strictObject({ code: z.literal('partial'), message: z.string() }),
        ]),
      )
      .meta({ description: 'What the search could not honour: `code` is stable, `message` English, the other keys the code\'s parameters (objects since API 2.0.0; strings before: see CHANGELOG.md)' }),
  })
  .meta({ id: 'SearchResponse' });

const searchMatches: Same<z.output<typeof searchResponseSchema>, SearchResponse> = true;
void searchMatches;

export const searchOpenApi: ZodOpenApiPathsObject = {
  '/api/search': {
    get: {
      tags: ['search'],
      summary: 'Cross-script name search: 王希祥, "Wang Xixiang", "Wang Hsi-hsiang" or «Ван-Си-Сян»',
      description:
        'Characters, pinyin, Wade–Giles, Cyrillic or Latin: `q=王希祥` finds the record written «Ван-Си-Сян», with the syllable-by-syllable reason (Ван → wang ← 王). Ranked; `nextCursor` pages on.',
      requestParams: { query: searchQuerySchema },
      responses: {
        '200': json('Ranked results, each with its explanation', searchResponseSchema),
        ...errors('bad_request', 'rate_limited'),
      },
    },
  },
};
