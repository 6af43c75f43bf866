import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errors, json, type Same } from '../http/openapi.shared.ts';
import type { Stats } from './stats.service.ts';

export const statsSchema = z
  .strictObject({
    records: z.number().int().meta({ example: 3_100_000 }),
    sources: z.number().int(),
    attestedNames: z.number().int(),
    pendingCorrections: z.number().int(),
    bySource: z.record(z.string(), z.number().int()).meta({ description: 'Records per source, for the first 100 sources by name', example: { 'mos.memo.ru': 3000 } }),
    staleReadings: z.number().int().meta({ description: 'Records whose readings another decoder version derived (`namebridge reindex` rebuilds them)', example: 0 }),
    backend: z.enum(['postgres', 'pglite']),
  })
  .meta({ id: 'Stats' });

const statsMatch: Same<Omit<z.output<typeof statsSchema>, 'backend'>, Stats> = true;
void statsMatch;

const check = z.strictObject({ name: z.string(), ok: z.boolean(), message: z.string().optional() });

export const healthOpenApi: ZodOpenApiPathsObject = {
  '/healthz': {
    get: {
      tags: ['operations'],
      summary: 'Liveness: the process answers (no database call)',
      responses: { '200': json('Alive', z.strictObject({ status: z.literal('ok') })) },
    },
  },
  '/readyz': {
    get: {
      tags: ['operations'],
      summary: 'Readiness: every check passes (database reachable, migrations current, no stale readings)',
      responses: {
        '200': json('Ready', z.strictObject({ status: z.literal('ready'), checks: z.array(check) })),
        '503': json('Not ready: the failing checks say why', z.strictObject({ status: z.literal('not_ready'), checks: z.array(check) })),
      },
    },
  },
  '/api/stats': {
    get: {
      tags: ['records'],
      summary: 'Counts: records, sources, attested names, pending corrections',
      description: 'Cacheable for a minute: `ETag`, `If-None-Match` → 304. Each process reads the counts at most every `STATS_CACHE_SECONDS`.',
      responses: {
        '200': json('The counts', statsSchema),
        '304': { description: 'Not modified since the `If-None-Match` ETag' },
        ...errors(),
      },
    },
  },
};
