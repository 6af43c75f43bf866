import type { RequestHandler } from 'express';
import { hasRole, requireRole } from '../auth/auth.middleware.ts';
import type { Role } from '../auth/user.types.ts';
import type { AppContext } from '../shared/context.ts';
import { ForbiddenError } from '../shared/errors.ts';

/**
 * A page for staff: anonymous visitors are sent to /login (and back
 * afterwards); a logged-in account without the role gets the 403 page. The
 * web router has already looked up the session (optionalUser).
 */
export function pageFor(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user;
    if (!user) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (!hasRole(user, roles)) throw new ForbiddenError(`This needs the ${roles.join(' or ')} role`);
    next();
  };
}

/**
 * A form post for staff: the session cookie and its CSRF token (`_csrf`) are
 * required (403 without the token, 401 without a session), as for the API.
 */
export function formFor(ctx: AppContext, ...roles: Role[]): RequestHandler {
  return requireRole(ctx, ...roles);
}

/** Only same-site paths after login: "/moderation", never "//evil.example" or "https://…". */
export function safeNext(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.length > 500) return '/';
  return [...raw].some((c) => c.charCodeAt(0) < 0x20) ? '/' : raw;
}
