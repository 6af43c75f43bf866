import type { RequestHandler } from 'express';
import { readCookie } from '../auth/cookies.ts';
import { DEFAULT_LANG, isLang, LANGUAGES, type Lang } from './i18n/i18n.ts';

export const LANG_COOKIE = 'nb_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The interface language: `?lang=` first (then remembered in a cookie), then
 * the cookie, then the browser's Accept-Language, then English. Pure.
 */
export function pickLanguage(input: { query?: unknown; cookie?: string | undefined; acceptLanguage?: string | undefined }): Lang {
  if (isLang(input.query)) return input.query;
  if (isLang(input.cookie)) return input.cookie;
  return fromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANG;
}

/** The best of zh, ru, en in an Accept-Language header (q-values honoured), or undefined. */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLang);
}

/** The same page in another language: the current URL with `lang` set. */
export function languageLinks(originalUrl: string): Array<{ lang: Lang; href: string }> {
  const url = new URL(originalUrl, 'http://localhost');
  return LANGUAGES.map((lang) => {
    url.searchParams.set('lang', lang);
    return { lang, href: `${url.pathname}${url.search}` };
  });
}

/** Sets res.locals.lang; an explicit `?lang=` is remembered in a cookie for later pages. */
export const languageMiddleware: RequestHandler = (req, res, next) => {
  const query = req.query.lang;
  const lang = pickLanguage({ query, cookie: readCookie(req.get('cookie'), LANG_COOKIE), acceptLanguage: req.get('accept-language') });
  if (isLang(query)) {
    res.append('Set-Cookie', `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${req.secure ? '; Secure' : ''}`);
  }
  res.locals.lang = lang;
  res.vary('Accept-Language');
  res.vary('Cookie');
  next();
};
