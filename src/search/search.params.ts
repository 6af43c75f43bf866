import { z } from 'zod';
import { limitParam } from '../shared/pagination.ts';

export const MAX_QUERY_LENGTH = 200;
const year = z.coerce.number().int().min(1700).max(2100);

/** GET /api/search query string; the CLI builds the same object. */
export const searchQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, 'q is required: a name in characters, pinyin, Wade–Giles or Cyrillic')
      .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`)
      .meta({ description: 'A name in characters, pinyin, Wade–Giles, Cyrillic or Latin', example: '王希祥' }),
    limit: limitParam(20, 100),
    cursor: z.string().max(200).optional(),
    birthYear: year.optional(),
    birthYearFrom: year.optional(),
    birthYearTo: year.optional(),
    birthplace: z.string().trim().min(1).max(200).optional(),
    nationality: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((p) => p.birthYear === undefined || (p.birthYearFrom === undefined && p.birthYearTo === undefined), {
    message: 'give birthYear or a range (birthYearFrom/birthYearTo), not both',
    path: ['birthYear'],
  })
  .refine((p) => p.birthYearFrom === undefined || p.birthYearTo === undefined || p.birthYearFrom <= p.birthYearTo, {
    message: 'birthYearFrom must not be after birthYearTo',
    path: ['birthYearFrom'],
  });

export type SearchParams = z.output<typeof searchQuerySchema>;
