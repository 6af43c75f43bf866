import { z } from 'zod';
import type { ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import type { ErrorCode } from '../shared/errors.ts';
import { STATUS as ERROR_STATUS } from './error-handler.ts';

/**
 * What every feature's `<feature>.openapi.ts` shares: the error body, the
 * status each error code gets (src/http/error-handler.ts), the two ways to
 * authenticate, and the path parameters. A feature lists its routes as plain
 * data with these helpers; src/http/openapi.document.ts puts them together.
 */

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request: `details` names each offending field',
  401: 'Missing, invalid, expired or revoked credentials',
  403: 'Authenticated, but the wrong role (or a cookie request without its CSRF token)',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  415: 'Unsupported media type or encoding',
  429: 'Too many requests: wait `Retry-After` seconds',
  500: 'Internal error (nothing about internals is said; the log has the request id)',
};

export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: 'Stable machine-readable code (see each response for the codes it may carry)' }),
      message: z.string().meta({ description: 'English, for people' }),
      details: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error', example: { error: { code: 'not_found', message: 'No record with id 999999' } } });

/**
 * The error responses of a route, from the codes it can return (grouped by
 * status). Every route can also fail with 500 `internal`.
 */
export function errors(...codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...codes, 'internal' as const]) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, list] of byStatus) {
    const response: ZodOpenApiResponseObject = {
      description: `${ERROR_TEXT[status]}. Codes: ${list.map((c) => `\`${c}\``).join(', ')}`,
      content: { 'application/json': { schema: errorBodySchema } },
    };
    if (status === 429) response.headers = z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait' }) });
    out[String(status)] = response;
  }
  return out;
}

/** A JSON 200/201 response. */
export function json(description: string, schema: z.ZodType, extra: Partial<ZodOpenApiResponseObject> = {}): ZodOpenApiResponseObject {
  return { description, content: { 'application/json': { schema } }, ...extra };
}

/** Security requirements: staff routes take a Bearer token or the web session cookie. */
export const STAFF_AUTH: Array<Record<string, string[]>> = [{ bearerToken: [] }, { sessionCookie: [] }];
export const SECURITY_SCHEMES = {
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from `namebridge token create EMAIL` (only its hash is stored): `Authorization: Bearer nb_…`',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'nb_session',
    description:
      'The web session set by `POST /api/session` (named `__Host-nb_session` over https, `nb_session` over plain http). Unsafe methods also need the session\'s CSRF token in `X-CSRF-Token`.',
  },
} as const;

/** `:id` of a path: a positive integer (anything else is a 400 `bad_request`, not a 404). */
export const idPath = (what: string) =>
  z.object({ id: z.string().regex(/^[1-9]\d{0,14}$/).meta({ description: `The ${what} id`, example: '1' }) });

export const cursorParam = z
  .string()
  .optional()
  .meta({ description: 'Opaque keyset cursor: the `nextCursor` of the previous page' });
export const nextCursor = z.string().nullable().meta({ description: 'Cursor of the next page; null on the last page' });
export const isoTime = z.string().meta({ format: 'date-time', example: '2026-03-01T12:00:00.000Z' });

/**
 * True when two types are the same. A feature asserts that its documented
 * response schema is exactly its DTO type (`const ok: Same<z.output<typeof s>, Dto> = true`),
 * so the document cannot drift from what the code returns without a compile error.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
