import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response } from 'express';
import { Eta } from 'eta';
import type { AuthUser } from '../auth/user.types.ts';
import { LANG_TAG, translator, type Lang, type Translate } from './i18n/i18n.ts';
import { languageLinks } from './language.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The interface language of a web page (set by languageMiddleware). */
      lang?: Lang;
    }
  }
}

export const VIEWS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'views');

/**
 * One Eta instance: autoEscape on (every `<%= %>` is HTML-escaped), templates
 * compiled once and cached. Views use `<%~ %>` only for the layout's body and
 * their own includes, never for data.
 */
const eta = new Eta({ views: VIEWS_DIR, autoEscape: true, cache: true, autoTrim: [false, 'nl'] });

/** What every view gets besides its own data. */
export interface PageContext {
  lang: Lang;
  langTag: string;
  t: Translate;
  /** Formats an ISO time in the page's language (UTC). */
  time: (iso: string | null | undefined) => string;
  user: AuthUser | null;
  /** The session's CSRF token, for the hidden `_csrf` field of every form of a logged-in page. */
  csrfToken: string | null;
  langLinks: Array<{ lang: Lang; href: string }>;
  path: string;
}

export function pageContext(req: Request, res: Response): PageContext {
  const lang = res.locals.lang ?? 'en';
  const langTag = LANG_TAG[lang];
  const format = new Intl.DateTimeFormat(langTag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return {
    lang,
    langTag,
    t: translator(lang),
    time: (iso) => (iso ? `${format.format(new Date(iso))} UTC` : ''),
    user: res.locals.user ?? null,
    csrfToken: res.locals.session?.csrfToken ?? null,
    langLinks: languageLinks(pageUrlOf(req)),
    path: req.path,
  };
}

/**
 * The page a language link should open: the URL itself for a GET; for a form
 * post that re-renders its page (errors), the page the form is on.
 */
export function pageUrlOf(req: Pick<Request, 'method' | 'originalUrl' | 'path'>): string {
  if (req.method === 'GET' || req.method === 'HEAD') return req.originalUrl;
  const record = /^\/records\/([^/]+)\/corrections$/.exec(req.path);
  if (record) return `/records/${record[1]}`;
  if (req.path.startsWith('/moderation/')) return '/moderation';
  return req.path;
}

/** Renders a view into the layout and sends it as HTML. */
export function renderPage(req: Request, res: Response, view: string, data: Record<string, unknown>, status = 200): void {
  const html = eta.render(view, { ...pageContext(req, res), ...data });
  res.status(status).type('html').setHeader('Cache-Control', 'no-store');
  res.send(html);
}
