import { Router } from 'express';
import { verifyPassword } from '../../auth/accounts.service.ts';
import { clearedSessionCookie } from '../../auth/cookies.ts';
import { endSession, startSession } from '../../auth/login.ts';
import { appLimits } from '../../auth/rate-limit.ts';
import type { AppContext } from '../../shared/context.ts';
import { issueFormToken, requireFormToken } from '../form-token.ts';
import { safeNext } from '../web.auth.ts';
import { pageContext, renderPage } from '../web.render.ts';

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * GET/POST /login (email and password; sets the session cookie, as
 * POST /api/session does) and POST /logout. Login attempts are rate-limited and
 * need the form's token (form-token.ts): a forged login would sign a visitor
 * into someone else's account.
 */
export function loginPages(ctx: AppContext): Router {
  const router = Router();
  const { login: loginLimit, loginAccount: accountLimit } = appLimits(ctx);

  router.get('/login', (req, res) => {
    renderPage(req, res, 'login', { email: '', next: safeNext(req.query.next), errors: {}, formToken: issueFormToken(req, res) });
  });

  // The form token first: a forged post is refused before it counts against the address's attempts.
  router.post('/login', requireFormToken, loginLimit, accountLimit, async (req, res) => {
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
    await startSession(ctx, req, res, user);
    res.redirect(303, next);
  });

  // As DELETE /api/session: no CSRF token needed, the worst a forged logout does is end a session.
  router.post('/logout', async (req, res) => {
    await endSession(ctx, req);
    res.append('Set-Cookie', clearedSessionCookie(req.secure));
    res.redirect(303, '/');
  });

  return router;
}
