import { z } from 'zod';
import { normalisePartialDate } from '../core/records/index.ts';
import { BIOGRAPHY_MAX, FIELD_BY_NAME, type RecordField, type RecordFieldName } from '../core/records/index.ts';
import type { FieldIssue } from '../shared/errors.ts';
import { decode, type Reading } from '../core/transliteration/index.ts';

/**
 * What the public may propose, checked without any I/O: the HTTP route and the
 * web form both hand the raw body to checkCorrectionInput. Text is kept as
 * written (evidence and field values byte for byte); only hanzi lose white
 * space and pinyin has its spaces collapsed.
 */
export const EVIDENCE_MAX = 10_000;
export const HANZI_MAX = 6;
export const PINYIN_MAX = 200;
/** Facts about people repressed in the 1920s–30s: born no earlier than 1800, no event after 1960. */
export const CORRECTION_DATE_BOUNDS = { minYear: 1800, maxYear: 1960 } as const;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** PostgreSQL text cannot hold U+0000: refused here as a 400, not left to fail as a 500. */
const noNul = (s: string) => !s.includes('\u0000');
const NUL_MESSAGE = 'must not contain the NUL character';
const text = (max: number) => z.string().max(max).refine(noNul, NUL_MESSAGE);
const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const correctionBody = z
  .object({
    kind: z.enum(['chinese-name', 'field'], { error: 'must be "chinese-name" or "field"' }),
    hanzi: optionalText(text(100)),
    pinyin: optionalText(text(PINYIN_MAX)),
    field: optionalText(text(100)),
    value: z.union([text(BIOGRAPHY_MAX), z.number()], { error: 'must be text or a number' }).optional(),
    evidence: z
      .string({ error: 'is required' })
      .refine((s) => s.trim().length > 0, 'is required')
      .refine(noNul, NUL_MESSAGE)
      .refine((s) => codePoints(s) <= EVIDENCE_MAX, `must be at most ${EVIDENCE_MAX} characters`),
    submitter: z
      .object({
        name: optionalText(z.string().trim().max(200).refine(noNul, NUL_MESSAGE)),
        email: optionalText(z.string().trim().max(320).pipe(z.email({ error: 'is not an email address' }))),
      })
      .strict()
      .optional(),
  })
  .strict();

export type CorrectionBody = z.input<typeof correctionBody>;

export interface Submitter {
  name: string | null;
  email: string | null;
}

export type CorrectionProposal =
  | { kind: 'chinese-name'; hanzi: string | null; pinyin: string | null; evidence: string; submitter: Submitter }
  | { kind: 'field'; field: RecordFieldName; value: string; evidence: string; submitter: Submitter };

export type CheckResult = { ok: true; proposal: CorrectionProposal } | { ok: false; issues: FieldIssue[] };

export function checkCorrectionInput(raw: unknown): CheckResult {
  const parsed = correctionBody.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
    };
  }
  const body = parsed.data;
  const submitter: Submitter = { name: body.submitter?.name ?? null, email: body.submitter?.email ?? null };
  const issues: FieldIssue[] = [];
  const forbid = (names: Array<'hanzi' | 'pinyin' | 'field' | 'value'>) => {
    for (const name of names) if (body[name] !== undefined) issues.push({ field: name, message: `is not part of a ${body.kind} correction` });
  };

  if (body.kind === 'chinese-name') {
    forbid(['field', 'value']);
    const hanzi = body.hanzi === undefined ? null : body.hanzi.replace(/\s+/g, '');
    const pinyin = body.pinyin === undefined ? null : body.pinyin.trim().replace(/\s+/g, ' ');
    if (hanzi === null && pinyin === null) issues.push({ field: 'hanzi', message: 'give the characters, the pinyin, or both' });
    if (hanzi !== null) {
      const problem = hanziProblem(hanzi);
      if (problem) issues.push({ field: 'hanzi', message: problem });
    }
    if (pinyin !== null) {
      const problem = pinyinProblem(pinyin);
      if (problem) issues.push({ field: 'pinyin', message: problem });
    }
    if (issues.length === 0 && hanzi !== null && pinyin !== null && attestedPinyin(hanzi, pinyin) === undefined) {
      issues.push({ field: 'pinyin', message: `does not have one syllable per character of "${hanzi}"` });
    }
    if (issues.length === 0 && hanzi !== null && pinyin === null && attestedPinyin(hanzi, null) === undefined) {
      issues.push({ field: 'pinyin', message: `is needed: the characters "${hanzi}" have no known reading` });
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, proposal: { kind: 'chinese-name', hanzi, pinyin, evidence: body.evidence, submitter } };
  }

  forbid(['hanzi', 'pinyin']);
  if (body.field === undefined) issues.push({ field: 'field', message: 'is required for a field correction' });
  if (body.value === undefined) issues.push({ field: 'value', message: 'is required for a field correction' });
  const field = body.field === undefined ? undefined : FIELD_BY_NAME.get(body.field);
  if (body.field !== undefined && !field) issues.push({ field: 'field', message: `"${truncate(body.field)}" is not a record field` });
  if (field && !field.correctable) issues.push({ field: 'field', message: `${field.name} keeps what the source recorded and cannot be corrected` });
  if (issues.length > 0 || !field || body.value === undefined) return { ok: false, issues };
  const value = checkFieldValue(field, body.value);
  if (!value.ok) return { ok: false, issues: [{ field: 'value', message: value.message }] };
  return { ok: true, proposal: { kind: 'field', field: field.name, value: value.value, evidence: body.evidence, submitter } };
}

export function hanziProblem(hanzi: string): string | undefined {
  const n = codePoints(hanzi);
  if (n < 1 || n > HANZI_MAX) return `must be 1–${HANZI_MAX} Chinese characters, got ${n}`;
  if (!/^\p{Script=Han}+$/u.test(hanzi)) return 'must contain Chinese characters only';
  return undefined;
}

export function pinyinProblem(pinyin: string): string | undefined {
  if (decode(pinyin).script !== 'latin' || pinyinReadings(pinyin).length === 0) return `"${truncate(pinyin)}" is not pinyin`;
  return undefined;
}

/**
 * Readings of Latin text that really are a romanised name: the core's Latin
 * decoder is lenient for search (it skips letters it cannot place, "hello
 * world" → "wo"), so a proposal's pinyin must read with no letter skipped and
 * at a small cost (pinyin with or without tones, Wade–Giles, the record's own
 * Russian-style spelling).
 */
export function pinyinReadings(pinyin: string): Reading[] {
  const decoded = decode(pinyin, { maxReadings: 20 });
  if (decoded.script !== 'latin') return [];
  return decoded.readings.filter((r) => r.cost < MAX_PINYIN_COST && r.syllables.every((s) => !s.rule.split('+').includes('skip')));
}
const MAX_PINYIN_COST = 1;

/**
 * The toneless pinyin stored with an attested name: the submitter's pinyin as
 * the core reads it (the reading with one syllable per character, when
 * characters are given), or else the characters' own best reading.
 */
export function attestedPinyin(hanzi: string | null, pinyin: string | null): string | undefined {
  const syllables = hanzi === null ? undefined : codePoints(hanzi);
  if (pinyin !== null) {
    const readings = pinyinReadings(pinyin);
    const fit = syllables === undefined ? readings[0] : readings.find((r) => r.pinyin.split(' ').length === syllables);
    return fit?.pinyin;
  }
  return hanzi === null ? undefined : decode(hanzi).readings[0]?.pinyin;
}

type ValueCheck = { ok: true; value: string } | { ok: false; message: string };

/** A value valid for the field's kind, as the text stored in the correction. */
export function checkFieldValue(field: RecordField, value: string | number): ValueCheck {
  if (field.kind === 'year') {
    const year = typeof value === 'number' ? value : /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(year)) return { ok: false, message: 'must be a year (four digits)' };
    const { minYear, maxYear } = CORRECTION_DATE_BOUNDS;
    if (year < minYear || year > maxYear) return { ok: false, message: `year ${year} is outside ${minYear}–${maxYear}` };
    return { ok: true, value: String(year) };
  }
  if (typeof value !== 'string') return { ok: false, message: 'must be text' };
  if (value.trim() === '') return { ok: false, message: 'must not be empty' };
  if (codePoints(value) > field.maxLength) return { ok: false, message: `must be at most ${field.maxLength} characters` };
  if (field.kind === 'date') {
    const parsed = normalisePartialDate(value, CORRECTION_DATE_BOUNDS);
    if (!parsed.ok) return { ok: false, message: parsed.message };
  }
  return { ok: true, value };
}

/** The value to write into the record for an approved field correction. */
export function fieldValueForRecord(fieldName: string, value: string): string | number {
  return FIELD_BY_NAME.get(fieldName)?.kind === 'year' ? Number(value) : value;
}

export const codePoints = (s: string) => [...s].length;
const truncate = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
