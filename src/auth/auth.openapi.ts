import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { STAFF_AUTH, errors, isoTime, json } from '../http/openapi.shared.ts';
import { accountSchema } from './accounts.openapi.ts';
import { loginBody } from './session.routes.ts';
import { ROLES } from './user.types.ts';
import { newUserBody } from './users.routes.ts';

const userSchema = z.strictObject({ id: z.number().int(), email: z.string(), role: z.enum(ROLES) });
const sessionSchema = z.strictObject({ user: userSchema, csrfToken: z.string(), expiresAt: isoTime });

export const authOpenApi: ZodOpenApiPathsObject = {
  '/api/session': {
    post: {
      tags: ['accounts'],
      summary: 'Web login: sets the httpOnly `nb_session` cookie; rate-limited per client address',
      requestBody: { content: { 'application/json': { schema: loginBody, example: { email: 'ann@example.org', password: '…' } } } },
      responses: {
        '201': json('Logged in; keep `csrfToken` for unsafe requests', sessionSchema, {
          headers: z.object({ 'Set-Cookie': z.string().meta({ description: '`__Host-nb_session=…; HttpOnly; Secure; SameSite=Lax` over https (`nb_session` over http)' }) }),
        }),
        ...errors('bad_request', 'unauthorized', 'rate_limited'),
      },
    },
    get: {
      tags: ['accounts'],
      summary: 'Who is logged in (by the session cookie)',
      security: [{ sessionCookie: [] }],
      responses: { '200': json('The session', sessionSchema), ...errors('unauthorized') },
    },
    delete: {
      tags: ['accounts'],
      summary: 'Log out (no CSRF token needed)',
      responses: { '204': { description: 'Logged out; the cookie is cleared' }, ...errors() },
    },
  },
  '/api/users': {
    get: {
      tags: ['accounts'],
      summary: 'Accounts (admin)',
      security: STAFF_AUTH,
      responses: {
        '200': json(
          'Every account',
          z.strictObject({
            users: z.array(accountSchema),
          }),
        ),
        ...errors('unauthorized', 'forbidden'),
      },
    },
    post: {
      tags: ['accounts'],
      summary: 'Create an account (admin)',
      security: STAFF_AUTH,
      requestBody: { content: { 'application/json': { schema: newUserBody } } },
      responses: {
        '201': json('Created', z.strictObject({ id: z.number().int(), email: z.string(), role: z.enum(ROLES) })),
        ...errors('bad_request', 'validation_failed', 'unauthorized', 'forbidden', 'conflict'),
      },
    },
  },
};
