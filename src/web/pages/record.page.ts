import { Router, type Request, type Response } from 'express';
import { appLimits } from '../../auth/rate-limit.ts';
import { checkCorrectionInput } from '../../corrections/correction.input.ts';
import { submitCorrection } from '../../corrections/corrections.service.ts';
import { historyOfRecord } from '../../corrections/history.service.ts';
import { listAttestedNames } from '../../records/attested-names.service.ts';
import type { AppContext } from '../../shared/context.ts';
import { parseId } from '../../shared/validate.ts';
import { toRecordDto } from '../../records/record.dto.ts';
import { RECORD_FIELDS } from '../../core/records/index.ts';
import { shownReadings } from '../../core/match/index.ts';
import { claimsOf, getRecord } from '../../records/records.service.ts';
import { personOfRecord } from '../../links/persons.service.ts';
import { BadRequestError } from '../../shared/errors.ts';
import { issuesOf, toFieldErrors, type FieldErrors } from '../form-errors.ts';
import { issueFormToken, requireFormToken } from '../form-token.ts';
import { historyItems } from '../history.view.ts';
import { permalinkOf, recordExplainView } from '../record-explain.view.ts';
import { pageContext, renderPage } from '../web.render.ts';

/** The correction form's fields (a chinese-name proposal), as the page names them. */
export interface CorrectionForm {
  hanzi: string;
  pinyin: string;
  evidence: string;
  name: string;
  email: string;
}

const EMPTY_FORM: CorrectionForm = { hanzi: '', pinyin: '', evidence: '', name: '', email: '' };

const ERROR_KEYS: Record<string, string> = {
  hanzi: 'correction.error.hanzi',
  pinyin: 'correction.error.pinyin',
  evidence: 'correction.error.evidence',
  name: 'correction.error.name',
  email: 'correction.error.email',
};

/** The posted form (urlencoded strings; anything else counts as empty). */
export function correctionFormOf(body: unknown): CorrectionForm {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const str = (k: keyof CorrectionForm) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  return { hanzi: str('hanzi'), pinyin: str('pinyin'), evidence: str('evidence'), name: str('name'), email: str('email') };
}

/** The form as the corrections service takes it: the same validation as POST /api/records/:id/corrections. */
export function correctionInputOf(form: CorrectionForm) {
  return {
    kind: 'chinese-name' as const,
    hanzi: form.hanzi,
    pinyin: form.pinyin,
    evidence: form.evidence,
    submitter: { name: form.name, email: form.email },
  };
}

/** GET /records/:id (every field, source, attested names, history, the correction form) and the form's POST. */
export function recordPages(ctx: AppContext): Router {
  const router = Router();
  const submissionLimit = appLimits(ctx).submissions;

  const show = async (req: Request, res: Response, form: CorrectionForm, errors: FieldErrors, status: number) => {
    const id = parseId(req.params.id, 'record id');
    const record = toRecordDto(await getRecord(ctx.database.db, id));
    const [claims, attestedNames, historyDto, person] = await Promise.all([
      claimsOf(ctx.database.db, id),
      listAttestedNames(ctx.database.db, id),
      historyOfRecord(ctx.database.db, id),
      personOfRecord(ctx.database.db, id),
    ]);
    const summary = shownReadings(record.fullName, attestedNames);
    const values = record as unknown as Record<string, unknown>;
    const fields = RECORD_FIELDS.flatMap((f) => {
      const value = values[f.name];
      const claim = claims.find((c) => c.field === f.name);
      const corrected = claim ? { source: record.sourceValues[f.name] ?? null, evidence: claim.evidence ?? '' } : null;
      return (value === null || value === undefined || value === '') && !corrected ? [] : [{ name: f.name, value: String(value ?? ''), corrected }];
    });
    const extra = Object.entries(record.extra).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
    const { t, time, lang } = pageContext(req, res);
    const history = historyItems(historyDto.events, t, time);
    const formToken = issueFormToken(req, res);
    const explain = recordExplainView(record, lang, permalinkOf(req, id));
    renderPage(req, res, 'record', { record, fields, extra, attestedNames, history, summary, person, form, errors, formToken, explain }, status);
  };

  router.get('/records/:id', async (req, res) => {
    await show(req, res, EMPTY_FORM, {}, 200);
  });

  // The form token first (form-token.ts): a forged post neither lands nor uses up the address's submissions.
  router.post('/records/:id/corrections', requireFormToken, submissionLimit, async (req, res) => {
    const id = parseId(req.params.id, 'record id');
    const form = correctionFormOf(req.body);
    try {
      await submitCorrection(ctx.database.db, id, correctionInputOf(form), req.ip ?? null);
    } catch (err) {
      const issues = err instanceof BadRequestError ? issuesOf(err) : undefined;
      if (!issues) throw err;
      // The service stops at the first failing layer; a form shows every field's problem at once.
      if (!issues.some((i) => i.field === 'hanzi' || i.field === 'pinyin')) {
        const name = checkCorrectionInput({ ...correctionInputOf(form), evidence: 'x', submitter: undefined });
        if (!name.ok) issues.push(...name.issues.filter((i) => i.field === 'hanzi' || i.field === 'pinyin'));
      }
      const { t } = pageContext(req, res);
      const named = issues.map((i) => ({ ...i, field: i.field.replace(/^submitter\./, '') }));
      await show(req, res, form, toFieldErrors(named, t, ERROR_KEYS, 'correction.error.form'), 400);
      return;
    }
    res.redirect(303, `/records/${id}/correction-sent`);
  });

  router.get('/records/:id/correction-sent', async (req, res) => {
    const id = parseId(req.params.id, 'record id');
    renderPage(req, res, 'correction-sent', { record: toRecordDto(await getRecord(ctx.database.db, id)) });
  });

  return router;
}
