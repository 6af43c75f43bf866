import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { currentUser } from '../../auth/auth.middleware.ts';
import type { AppContext } from '../../shared/context.ts';
import { parseId } from '../../shared/validate.ts';
import type { LinkReason } from '../../links/link.model.ts';
import { decideLink, listLinks } from '../../links/links.service.ts';
import { REASON_MAX } from '../../shared/decision-reason.ts';
import { getPerson } from '../../links/persons.service.ts';
import { DEFAULT_LINK_THRESHOLD } from '../../links/link-weights.data.ts';
import { toRecordDto } from '../../records/record.dto.ts';
import { recordsById } from '../../records/records.service.ts';
import { BadRequestError } from '../../shared/errors.ts';
import type { Translate } from '../i18n/i18n.ts';
import { formFor, pageFor } from '../web.auth.ts';
import { pageContext, renderPage } from '../web.render.ts';

const STATUSES = ['proposed', 'automatic', 'confirmed', 'rejected', 'unlinked'] as const;
const listQuery = z.object({
  status: z.enum(STATUSES).catch('proposed'),
  cursor: z.string().max(200).optional().catch(undefined),
  done: z.enum(['confirmed', 'rejected', 'unlinked']).optional().catch(undefined),
});

/** A reason in the page's language, by its stable code (the English text if the code has no words yet). */
export function reasonText(reason: LinkReason, t: Translate): string {
  const key = `links.reason.${reason.code}`;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(reason.params)) params[k] = k === 'kind' ? t(`links.date.${v}`) : v === '' ? '—' : v;
  const text = t(key, params);
  return text === key ? reason.text : text;
}

/** The person-link review queue (archivists): two records side by side with the reasons, and the decision forms. */
export function linksPages(ctx: AppContext): Router {
  const router = Router();

  const show = async (req: Request, res: Response, failed: { id: number; error: string } | null, status: number) => {
    const query = listQuery.parse(req.query);
    let page;
    try {
      page = await listLinks(ctx.database.db, { status: query.status, cursor: query.cursor, limit: 20 });
    } catch (err) {
      if (!(err instanceof BadRequestError)) throw err;
      page = await listLinks(ctx.database.db, { status: query.status, limit: 20 });
    }
    const { t } = pageContext(req, res);
    const records = await recordsById(ctx.database.db, page.links.flatMap((l) => l.recordIds));
    const shown = (id: number) => {
      const row = records.get(id);
      return row ? toRecordDto(row) : null;
    };
    const links = page.links.map((l) => ({ ...l, pair: l.recordIds.map(shown), why: l.reasons.map((r) => reasonText(r, t)), rescoredWhy: (l.rescored?.reasons ?? []).map((r) => reasonText(r, t)) }));
    const nextHref = page.nextCursor ? `/moderation/links?${new URLSearchParams({ status: query.status, cursor: page.nextCursor }).toString()}` : null;
    res.setHeader('Cache-Control', 'no-store');
    renderPage(req, res, 'links', { status: query.status, statuses: STATUSES, links, nextHref, done: query.done ?? null, failed, minScore: DEFAULT_LINK_THRESHOLD }, status);
  };

  router.get('/moderation/links', pageFor('archivist'), async (req, res) => {
    await show(req, res, null, 200);
  });

  for (const decision of ['confirm', 'reject', 'unlink'] as const) {
    router.post(`/moderation/links/:id/${decision}`, formFor(ctx, 'archivist'), async (req, res) => {
      const id = parseId(req.params.id, 'link id');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const reason = typeof body.reason === 'string' ? body.reason.slice(0, REASON_MAX + 1) : '';
      if (decision !== 'confirm' && reason.trim() === '') {
        await show(req, res, { id, error: pageContext(req, res).t('links.reasonRequired') }, 400);
        return;
      }
      await decideLink(ctx.database.db, id, decision, currentUser(res), reason);
      const done = decision === 'confirm' ? 'confirmed' : decision === 'reject' ? 'rejected' : 'unlinked';
      res.redirect(303, `/moderation/links?done=${done}`);
    });
  }

  // Public: a person's records side by side.
  router.get('/persons/:id', async (req, res) => {
    const person = await getPerson(ctx.database.db, parseId(req.params.id, 'person id'));
    renderPage(req, res, 'person', { person });
  });

  return router;
}
