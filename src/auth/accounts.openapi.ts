import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { STAFF_AUTH, errors, idPath, isoTime, json, type Same } from '../http/openapi.shared.ts';
import type { AccountInfo, Ended, TokenInfo } from './account-lifecycle.service.ts';
import { ROLES } from './user.types.ts';
import { newTokenBody, passwordBody } from './users.routes.ts';

/** Account lifecycle over HTTP (src/auth/users.routes.ts): admins only, accounts by id, tokens by prefix. */

export const accountSchema = z
  .strictObject({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(ROLES),
    createdAt: isoTime,
    disabled: z.boolean(),
    disabledAt: isoTime.nullable(),
  })
  .meta({ id: 'Account', description: 'An account; never its password hash' });

const tokenSchema = z
  .strictObject({
    prefix: z.string().meta({ description: 'The token\'s first characters: enough to name it, useless to authenticate', example: 'nb_a1b2c3' }),
    createdAt: isoTime,
    expiresAt: isoTime,
    revokedAt: isoTime.nullable(),
    status: z.enum(['live', 'revoked', 'expired']),
  })
  .meta({ id: 'ApiToken' });

const ended = {
  id: z.number().int(),
  email: z.string(),
  sessionsEnded: z.number().int().meta({ description: 'Web sessions of the account ended' }),
  tokensRevoked: z.number().int().meta({ description: 'API tokens of the account revoked' }),
};

const accountMatches: Same<z.output<typeof accountSchema>, AccountInfo> = true;
const tokenMatches: Same<z.output<typeof tokenSchema>, TokenInfo> = true;
const endedMatches: Same<z.output<z.ZodObject<typeof ended>>, { id: number; email: string } & Ended> = true;
void accountMatches;
void tokenMatches;
void endedMatches;

const userPath = idPath('account');
const adminErrors = ['bad_request', 'unauthorized', 'forbidden', 'not_found'] as const;

export const accountsOpenApi: ZodOpenApiPathsObject = {
  '/api/users/{id}/disable': {
    post: {
      tags: ['accounts'],
      summary: 'Disable an account (admin): its sessions end and its tokens are revoked at once',
      security: STAFF_AUTH,
      requestParams: { path: userPath },
      responses: { '200': json('Disabled', z.strictObject({ ...ended, disabled: z.literal(true) })), ...errors(...adminErrors) },
    },
  },
  '/api/users/{id}/enable': {
    post: {
      tags: ['accounts'],
      summary: 'Enable an account again (admin); its old sessions and tokens stay ended',
      security: STAFF_AUTH,
      requestParams: { path: userPath },
      responses: { '200': json('Enabled', z.strictObject({ id: z.number().int(), email: z.string(), disabled: z.literal(false) })), ...errors(...adminErrors) },
    },
  },
  '/api/users/{id}/password': {
    put: {
      tags: ['accounts'],
      summary: 'Set an account\'s password (admin): its sessions end and its tokens are revoked',
      security: STAFF_AUTH,
      requestParams: { path: userPath },
      requestBody: { content: { 'application/json': { schema: passwordBody } } },
      responses: { '200': json('Changed', z.strictObject(ended)), ...errors('bad_request', 'validation_failed', 'unauthorized', 'forbidden', 'not_found') },
    },
  },
  '/api/users/{id}/tokens': {
    get: {
      tags: ['accounts'],
      summary: 'An account\'s API tokens, newest first (admin): prefix, dates, status; never a hash',
      security: STAFF_AUTH,
      requestParams: { path: userPath },
      responses: { '200': json('The tokens', z.strictObject({ tokens: z.array(tokenSchema) })), ...errors(...adminErrors) },
    },
    post: {
      tags: ['accounts'],
      summary: 'Issue an API token for an account (admin); the token is shown this once',
      security: STAFF_AUTH,
      requestParams: { path: userPath },
      requestBody: { content: { 'application/json': { schema: newTokenBody, example: { expiresDays: 90 } } } },
      responses: {
        '201': json('Issued (`Cache-Control: no-store`)', z.strictObject({ token: z.string().meta({ example: 'nb_a1b2c3…' }), prefix: z.string(), expiresAt: isoTime })),
        ...errors(...adminErrors),
      },
    },
  },
  '/api/tokens/{prefix}': {
    delete: {
      tags: ['accounts'],
      summary: 'Revoke a live token by its prefix (or the whole token) (admin)',
      security: STAFF_AUTH,
      requestParams: { path: z.object({ prefix: z.string().meta({ example: 'nb_a1b2c3' }) }) },
      responses: { '200': json('Revoked', z.strictObject({ revoked: z.array(z.string()) })), ...errors(...adminErrors, 'conflict') },
    },
  },
};
