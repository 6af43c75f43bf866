import type { Request, Response } from 'express';
import type { HtmlErrorRenderer } from '../http/error-handler.ts';
import { readCookie } from '../auth/cookies.ts';
import { LANG_COOKIE, pickLanguage } from './language.ts';
import { pageUrlOf, renderPage } from './web.render.ts';

/** Paths of the web interface: everything but the JSON API, the health check and the static files. */
export function isWebPath(path: string): boolean {
  return !(path === '/api' || path.startsWith('/api/') || path === '/healthz' || path === '/readyz' || path.startsWith('/static/'));
}

const KNOWN_STATUSES = new Set([400, 401, 403, 404, 409, 413, 415, 429, 500]);

/**
 * HTML error pages for the web interface, in the visitor's language. The
 * status comes from the app's one error handler (src/http/error-handler.ts),
 * which calls this; API paths keep their JSON.
 */
export const renderWebErrorPage: HtmlErrorRenderer = (req, res, error) => {
  if (!isWebPath(req.path) || res.headersSent) return false;
  renderErrorPage(req, res, error.status, error.csrf === true);
  return true;
};

function renderErrorPage(req: Request, res: Response, status: number, csrf: boolean): void {
  res.locals.lang ??= pickLanguage({ query: req.query.lang, cookie: readCookie(req.get('cookie'), LANG_COOKIE), acceptLanguage: req.get('accept-language') });
  const key = csrf ? 'csrf' : KNOWN_STATUSES.has(status) ? String(status) : status >= 500 ? '500' : '400';
  // A refused form: back to the page it was on, to be loaded again with a fresh token.
  const backHref = csrf ? pageUrlOf(req) : null;
  try {
    renderPage(req, res, 'error', { status, key, backHref }, status);
  } catch (err) {
    req.log?.error({ err }, 'error page failed');
    res.status(status).type('text/plain').send(`${status}`);
  }
}
