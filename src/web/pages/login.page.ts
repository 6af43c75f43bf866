import { Router } from 'express';
import { createSession, deleteSession, verifyPassword } from '../../auth/accounts.service.ts';
import { SESSION_COOKIE, clearedSessionCookie, readCookie, sessionCookie } from '../../auth/cookies.ts';
import { appLimits } from '../../auth/rate-limit.ts';
import type { AppContext } from '../../http/context.ts';
import { issueFormToken, requireFormToken } from '../form-token.ts';
import { safeNext } from '../web.auth.ts';
import { pageContext, renderPage } from '../web.render.ts';

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * GET/POST /login (email and password; sets the `nb_session` cookie, as
 * POST /api/session does) and POST /logout. Login attempts are rate-limited and
 * need the form's token (form-token.ts): a forged login would sign a visitor
 * into someone else's account.
 */
export function loginPages(ctx: AppContext): Router {
  const router = Router();
  const ttlMs = ctx.config.SESSION_TTL_HOURS * 3600_000;
  const loginLimit = appLimits(ctx).login;

  router.get('/login', (req, res) => {
    renderPage(req, res, 'login', { email: '', next: safeNext(req.query.next), errors: {}, formToken: issueFormToken(req, res) });
  });

  // The form token first: a forged post is refused before it counts against the address's attempts.
  router.post('/login', requireFormToken, loginLimit, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = text(body.email, 320).trim();
    const password = text(body.password, 1024);
    const next = safeNext(body.next);
    const { t } = pageContext(req, res);
    const errors: Record<string, string> = {};
    if (!email) errors.email = t('login.error.email');
    if (!password) errors.password = t('login.error.password');
    const user = Object.keys(errors).length === 0 ? await verifyPassword(ctx.database.db, email, password) : undefined;
    if (!user) {
      if (Object.keys(errors).length === 0) errors._form = t('login.error.wrong');
      renderPage(req, res, 'login', { email, next, errors, formToken: issueFormToken(req, res) }, 401);
      return;
    }
    const session = await createSession(ctx.database.db, user.id, ttlMs);
    res.append('Set-Cookie', sessionCookie(session.id, { secure: req.secure, maxAgeSeconds: Math.floor(ttlMs / 1000) }));
    res.redirect(303, next);
  });

  // As DELETE /api/session: no CSRF token needed, the worst a forged logout does is end a session.
  router.post('/logout', async (req, res) => {
    const id = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (id) await deleteSession(ctx.database.db, id);
    res.append('Set-Cookie', clearedSessionCookie(req.secure));
    res.redirect(303, '/');
  });

  return router;
}
