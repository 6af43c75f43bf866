import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { STAFF_AUTH, errors } from '../http/openapi.shared.ts';
import { exportQuery } from './export.routes.ts';

export const exportOpenApi: ZodOpenApiPathsObject = {
  '/api/export': {
    get: {
      tags: ['records'],
      summary: 'Every record (or one source\'s) with its attested names, approved corrections and open conflicts, streamed as a download (archivist)',
      description:
        'Each record carries its attested names, its claims (approved field corrections, with the source\'s value under each) and its open conflicts. ' +
        'Nothing private: no submitter contacts, no pending proposals, no accounts. `namebridge restore` reads it back.',
      security: STAFF_AUTH,
      requestParams: { query: exportQuery },
      responses: {
        '200': {
          description: 'The export (a broken download, never a short file, if it fails midway)',
          content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } },
        },
        ...errors('bad_request', 'unauthorized', 'forbidden'),
      },
    },
  },
};
