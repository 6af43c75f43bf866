import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { accountsOpenApi } from '../auth/accounts.openapi.ts';
import { authOpenApi } from '../auth/auth.openapi.ts';
import { correctionsOpenApi } from '../corrections/corrections.openapi.ts';
import { exportOpenApi } from '../exports/export.openapi.ts';
import { healthOpenApi } from '../health/health.openapi.ts';
import { importsOpenApi } from '../imports/imports.openapi.ts';
import { linksOpenApi } from '../links/links.openapi.ts';
import { conflictsOpenApi } from '../records/conflicts.openapi.ts';
import { recordsOpenApi } from '../records/records.openapi.ts';
import { searchOpenApi } from '../search/search.openapi.ts';
import { SECURITY_SCHEMES } from './openapi.shared.ts';

/**
 * The API's version: the major number changes with every breaking change,
 * each listed in CHANGELOG.md. Served in the document's `info.version`.
 */
export const API_VERSION = '2.4.2';

/** The document's own routes. */
const documentOpenApi: ZodOpenApiPathsObject = {
  '/api/openapi.json': {
    get: { tags: ['operations'], summary: 'This OpenAPI 3.1 document', responses: { '200': { description: 'The document', content: { 'application/json': {} } } } },
  },
  '/api/docs': {
    get: { tags: ['operations'], summary: 'Interactive documentation (Swagger UI, served locally)', responses: { '200': { description: 'HTML page', content: { 'text/html': {} } } } },
  },
};

/**
 * One entry per feature: a feature's routes are documented in its own
 * `<feature>.openapi.ts`, and adding a feature is one line here. A route that
 * exists without a document entry fails tests/integration/openapi.test.ts.
 */
const FEATURES: ZodOpenApiPathsObject[] = [
  healthOpenApi,
  recordsOpenApi,
  searchOpenApi,
  correctionsOpenApi,
  authOpenApi,
  accountsOpenApi,
  importsOpenApi,
  exportOpenApi,
  conflictsOpenApi,
  linksOpenApi,
  documentOpenApi,
];

/** Every documented route with its zod schemas (the contract test validates real responses with them). */
export function apiPaths(): ZodOpenApiPathsObject {
  return Object.assign({}, ...FEATURES) as ZodOpenApiPathsObject;
}

let cached: ReturnType<typeof createDocument> | undefined;

/** Built once per process (it depends on code only, never on requests or configuration). */
export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'namebridge',
      version: API_VERSION,
      description:
        'A memorial name registry: Soviet-era Cyrillic records of Chinese victims of repression, kept as written and matched across scripts (王希祥 / Wang Xixiang → «Ван-Си-Сян»). Every error body is `{"error": {"code", "message"}}`; lists page with an opaque `cursor` (`nextCursor`, null on the last page). Breaking changes: CHANGELOG.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [
      { name: 'search', description: 'Cross-script name search' },
      { name: 'records', description: 'Records as the sources wrote them' },
      { name: 'corrections', description: 'Public proposals and record history' },
      { name: 'moderation', description: 'Archivists decide on proposals' },
      { name: 'imports', description: 'CSV imports (archivists)' },
      { name: 'accounts', description: 'Web sessions, accounts and API tokens' },
      { name: 'links', description: 'Records of one person, linked by archivists' },
      { name: 'operations', description: 'Health, readiness, this document' },
    ],
    components: { securitySchemes: SECURITY_SCHEMES },
    paths: apiPaths(),
  });
  return cached;
}
