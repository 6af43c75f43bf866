import { Router } from 'express';
import { appLimits } from '../../auth/rate-limit.ts';
import { cachedStats } from '../../health/stats.service.ts';
import type { AppContext } from '../../shared/context.ts';
import { searchQuerySchema } from '../../search/search.params.ts';
import { searchRecords, type SearchResponse, type SearchWarning } from '../../search/search.service.ts';
import { BadRequestError } from '../../shared/errors.ts';
import { toFieldErrors } from '../form-errors.ts';
import { MESSAGES, translator, type Lang } from '../i18n/i18n.ts';
import { searchSummary } from '../record-explain.view.ts';
import { pageContext, renderPage } from '../web.render.ts';

/** The search form's fields; anything else in the query string (lang) is not the search's. */
export const SEARCH_FIELDS = ['q', 'birthYear', 'birthYearFrom', 'birthYearTo', 'birthplace', 'limit', 'cursor'] as const;

const ERROR_KEYS: Record<string, string> = {
  q: 'search.error.q',
  birthYear: 'search.error.birthYear',
  birthYearFrom: 'search.error.birthYearRange',
  birthYearTo: 'search.error.birthYearRange',
  birthplace: 'search.error.birthplace',
  cursor: 'search.error.cursor',
  limit: 'search.error.cursor',
};

/** The non-empty search fields of a query string, as the form sent them. */
export function searchFormValues(query: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of SEARCH_FIELDS) {
    const v = query[name];
    if (typeof v === 'string' && v.trim() !== '') values[name] = v;
  }
  return values;
}

/** `/search?…`: the same search, at the page the cursor names (the first page without one). */
export function pageHref(values: Record<string, string>, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (k !== 'cursor') params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  return `/search?${params.toString()}`;
}

/**
 * A search warning in the page's language, by its stable code; a code this
 * interface has no words for yet is shown in the service's English (marked so).
 */
export function warningText(warning: SearchWarning, lang: Lang): { text: string; lang: Lang | null } {
  // "no_match" has a sentence per filter.
  const key = warning.code === 'no_match' ? `search.warning.no_match.${warning.filter}` : `search.warning.${warning.code}`;
  if (!(key in MESSAGES.en)) return { text: warning.message, lang: 'en' };
  const { code: _code, message: _message, ...params } = warning;
  return { text: translator(lang)(key, params), lang: null };
}

/**
 * A person's records under one result: the best-ranked record of each person
 * heads its group; the person's other records on the page are listed under it
 * (`also`) and not again. Records with no person are their own group.
 */
export function personGroups(results: SearchResponse['results']): { also: Map<number, Array<{ id: number; fullName: string }>>; hidden: Set<number> } {
  const head = new Map<number, number>();
  const also = new Map<number, Array<{ id: number; fullName: string }>>();
  const hidden = new Set<number>();
  for (const r of results) {
    if (!r.person) continue;
    const first = head.get(r.person.id);
    if (first === undefined) {
      head.set(r.person.id, r.record.id);
      also.set(r.record.id, []);
    } else {
      also.get(first)!.push({ id: r.record.id, fullName: r.record.fullName });
      hidden.add(r.record.id);
    }
  }
  return { also, hidden };
}

/** GET / (the search box) and GET /search?q=… (results). */
export function searchPages(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { records } = await cachedStats(ctx);
    renderPage(req, res, 'home', { values: {}, errors: {}, records });
  });

  // One budget with GET /api/search; a refused search gets the 429 page in the visitor's language.
  router.get('/search', appLimits(ctx).search, async (req, res) => {
    const values = searchFormValues(req.query as Record<string, unknown>);
    const { t, lang } = pageContext(req, res);
    const parsed = searchQuerySchema.safeParse(values);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'q'), message: i.message }));
      const errors = toFieldErrors(issues, t, ERROR_KEYS, 'search.error.q');
      renderPage(req, res, 'home', { values, errors, records: null }, 400);
      return;
    }
    let response;
    try {
      response = await searchRecords(ctx.database, parsed.data);
    } catch (err) {
      // A cursor this server did not issue (an edited link): the form again, with the error.
      if (err instanceof BadRequestError) {
        renderPage(req, res, 'home', { values, errors: { cursor: t('search.error.cursor') }, records: null }, 400);
        return;
      }
      throw err;
    }
    renderPage(req, res, 'search', {
      values,
      response,
      personGroups: personGroups(response.results),
      warnings: response.warnings.map((w) => warningText(w, lang)),
      nextHref: response.nextCursor ? pageHref(values, response.nextCursor) : null,
      firstHref: values.cursor ? pageHref(values) : null,
      summaryOf: (record: Parameters<typeof searchSummary>[0]) => searchSummary(record, lang),
    });
  });

  return router;
}
