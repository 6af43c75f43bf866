import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../shared/context.ts';
import { parseOrThrow } from '../shared/validate.ts';
import { UnauthorizedError } from '../shared/errors.ts';
import { findSession, verifyPassword } from './accounts.service.ts';
import { sessionIdOf } from './auth.middleware.ts';
import { clearedSessionCookie } from './cookies.ts';
import { endSession, startSession } from './login.ts';
import { appLimits } from './rate-limit.ts';

export const loginBody = z.object({ email: z.string().max(320), password: z.string().max(1024) }).strict();

/**
 * JSON login for the web interface: POST /api/session sets the httpOnly
 * session cookie (`__Host-nb_session` over https, `nb_session` over http) and
 * returns the account and its CSRF token; GET tells who is logged in; DELETE
 * logs out. API clients use Bearer tokens instead.
 */
export function sessionRouter(ctx: AppContext): Router {
  const router = Router();
  const { login: loginLimit, loginAccount: accountLimit } = appLimits(ctx);

  router.post('/api/session', loginLimit, accountLimit, async (req, res) => {
    const body = parseOrThrow(loginBody, req.body ?? {}, 'login');
    const user = await verifyPassword(ctx.database.db, body.email, body.password);
    if (!user) throw new UnauthorizedError('Email or password is wrong');
    const session = await startSession(ctx, req, res, user);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({ user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  });

  router.get('/api/session', async (req, res) => {
    const session = await sessionOf(ctx, req);
    if (!session) throw new UnauthorizedError('Not logged in');
    res.setHeader('Cache-Control', 'no-store');
    res.json({ user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  });

  // Logging out needs no CSRF token: the worst a forged request can do is end a session.
  router.delete('/api/session', async (req, res) => {
    await endSession(ctx, req);
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  return router;
}

async function sessionOf(ctx: AppContext, req: Request) {
  const id = sessionIdOf(req);
  return id ? findSession(ctx.database.db, id) : undefined;
}
