import type { Request, RequestHandler, Response } from 'express';
import { markPrivate } from '../http/cache.ts';
import type { AppContext } from '../shared/context.ts';
import { CsrfError, ForbiddenError, UnauthorizedError } from '../shared/errors.ts';
import { authenticateToken, checkCsrfToken, findSession, type FoundSession } from './accounts.service.ts';
import { readSessionCookie } from './cookies.ts';
import type { AuthUser, Role } from './user.types.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Set by requireRole / optionalUser when the request carries valid credentials. */
      user?: AuthUser;
      /** The web session, when the credentials were the session cookie. */
      session?: FoundSession;
    }
  }
}

type Authentication =
  | { ok: true; user: AuthUser; session?: FoundSession }
  | { ok: false; reason: 'missing' | 'invalid' | 'csrf' };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `Authorization: Bearer TOKEN` first; otherwise the web session cookie. A
 * cookie-authenticated unsafe request (POST, DELETE, …) must also carry the
 * session's CSRF token (`X-CSRF-Token` header or `_csrf` form field).
 */
async function authenticate(ctx: AppContext, req: Request): Promise<Authentication> {
  const header = req.get('authorization');
  if (header !== undefined) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    const user = match ? await authenticateToken(ctx.database.db, match[1]!) : undefined;
    return user ? { ok: true, user } : { ok: false, reason: 'invalid' };
  }
  const sessionId = sessionIdOf(req);
  if (!sessionId) return { ok: false, reason: 'missing' };
  const session = await findSession(ctx.database.db, sessionId);
  if (!session) return { ok: false, reason: 'invalid' };
  if (!SAFE_METHODS.has(req.method) && !checkCsrfToken(session, csrfTokenOf(req))) return { ok: false, reason: 'csrf' };
  return { ok: true, user: session.user, session };
}

/**
 * The session id the request's cookie holds (`__Host-nb_session` over https,
 * `nb_session` over http), or undefined; a request carrying two is refused
 * with 401 (cookies.ts says why).
 */
export function sessionIdOf(req: Request): string | undefined {
  const cookie = readSessionCookie(req.get('cookie'), req.secure);
  if (cookie.kind === 'duplicate') {
    throw new UnauthorizedError("The request carries two session cookies; clear this site's cookies and log in again");
  }
  return cookie.kind === 'one' ? cookie.id : undefined;
}

function csrfTokenOf(req: Request): unknown {
  const body: unknown = req.body;
  return req.get('x-csrf-token') ?? (body && typeof body === 'object' ? (body as Record<string, unknown>)._csrf : undefined);
}

/** admin may do everything an archivist may. No roles given: any account. */
export function hasRole(user: AuthUser, roles: readonly Role[]): boolean {
  return roles.length === 0 || roles.includes(user.role) || user.role === 'admin';
}

/**
 * 401 `unauthorized` without valid credentials, 403 `forbidden` for the wrong
 * role or a cookie request without its CSRF token; otherwise sets res.locals.user.
 */
export function requireRole(ctx: AppContext, ...roles: Role[]): RequestHandler {
  return async (req, res, next) => {
    const auth = await authenticate(ctx, req);
    if (!auth.ok) {
      if (auth.reason === 'csrf') throw new CsrfError();
      throw new UnauthorizedError(auth.reason === 'missing' ? 'Authentication required' : 'Invalid, expired or revoked credentials');
    }
    if (!hasRole(auth.user, roles)) throw new ForbiddenError(`This needs the ${roles.join(' or ')} role`);
    res.locals.user = auth.user;
    if (auth.session) res.locals.session = auth.session;
    markPrivate(res);
    next();
  };
}

/** Sets res.locals.user when the credentials are valid; otherwise goes on anonymously. */
export function optionalUser(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const auth = await authenticate(ctx, req);
    if (auth.ok) {
      res.locals.user = auth.user;
      if (auth.session) res.locals.session = auth.session;
    }
    next();
  };
}

/** The authenticated account of a route behind requireRole. */
export function currentUser(res: Response): AuthUser {
  const user = res.locals.user;
  if (!user) throw new UnauthorizedError();
  return user;
}
