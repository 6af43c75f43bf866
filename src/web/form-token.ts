import type { Request, RequestHandler, Response } from 'express';
import { readCookie, readCookies } from '../auth/cookies.ts';
import { randomSecret, safeEqual } from '../auth/secrets.ts';
import { CsrfError } from '../shared/errors.ts';

/**
 * CSRF protection for the forms anyone may post without an account (login and
 * the public correction form): a double-submit cookie. Rendering the form sets
 * a random token in a cookie (once per browser session) and puts the same token
 * in the form's hidden `_csrf` field; the post must carry both, equal. Another
 * site can make a browser post the form, but it can neither read our cookie
 * nor set it, so it cannot know the value to put in the field.
 *
 * Not signed: with no session there is nothing to bind a signature to, so a
 * signed token would be as valid in an attacker's hands as in the visitor's;
 * what signing would stop — a cookie planted by a sibling subdomain or over
 * plain http — the `__Host-` name stops on https (such a cookie must be
 * Secure, host-only and Path=/). Staff forms use the session's token instead
 * (requireRole).
 */
export const FORM_FIELD = '_csrf';

/** `__Host-` only over https: browsers refuse that name on a cookie that is not Secure. */
export function formCookieName(secure: boolean): string {
  return secure ? '__Host-nb_form' : 'nb_form';
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The visitor's form token: the one their cookie already holds (every tab of a
 * browser shares it), or a new one set now. Call it when rendering the form.
 */
export function issueFormToken(req: Request, res: Response): string {
  const existing = readCookie(req.get('cookie'), formCookieName(req.secure));
  if (existing && TOKEN_SHAPE.test(existing)) return existing;
  const token = randomSecret();
  // HttpOnly: the page carries the token in its form, no script needs the cookie.
  // SameSite=Lax: arriving by a link from elsewhere still sends it, so it is reused, not replaced.
  res.append('Set-Cookie', `${formCookieName(req.secure)}=${token}; Path=/; HttpOnly; SameSite=Lax${req.secure ? '; Secure' : ''}`);
  return token;
}

/** Pure: does the post carry the token its cookie holds, and not come from another site? */
export function formTokenValid(input: { cookie: string | undefined; field: unknown; fetchSite: string | undefined }): boolean {
  // Browsers that send Sec-Fetch-Site say where the post came from; only our own pages (or the user typing) may post.
  if (input.fetchSite !== undefined && input.fetchSite !== 'same-origin' && input.fetchSite !== 'none') return false;
  if (!input.cookie || !TOKEN_SHAPE.test(input.cookie) || typeof input.field !== 'string') return false;
  return safeEqual(input.cookie, input.field);
}

/** 403 (the "form expired" page) unless the post carries its form token; runs before the rate limiters, so forged posts count for nothing. */
export const requireFormToken: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  const field = body && typeof body === 'object' ? (body as Record<string, unknown>)[FORM_FIELD] : undefined;
  // Two form cookies (one planted by another host or over http) are refused, not guessed between.
  const cookies = readCookies(req.get('cookie'), formCookieName(req.secure));
  const cookie = cookies.length === 1 ? cookies[0] : undefined;
  const valid = formTokenValid({ cookie, field, fetchSite: req.get('sec-fetch-site') });
  if (!valid) throw new CsrfError('Form token missing or invalid: reload the form and send it again');
  next();
};
