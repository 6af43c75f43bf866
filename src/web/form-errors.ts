import type { FieldIssue } from '../shared/errors.ts';
import type { Translate } from './i18n/i18n.ts';

/** Field name → translated message, shown next to the field and in the summary at the top of the form. */
export type FieldErrors = Record<string, string>;

/**
 * The core's validation messages are English and technical; a form shows, for
 * each field that failed, the translated message its page names for it
 * (`messageKeys[field]`), or `fallbackKey` for any other.
 */
export function toFieldErrors(issues: readonly FieldIssue[], t: Translate, messageKeys: Readonly<Record<string, string>>, fallbackKey: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = messageKeys[issue.field];
    const field = key ? issue.field : '_form';
    errors[field] ??= t(key ?? fallbackKey);
  }
  return errors;
}

export function issuesOf(err: unknown): FieldIssue[] | undefined {
  const details = (err as { details?: unknown }).details;
  if (!Array.isArray(details)) return undefined;
  return details.filter((d): d is FieldIssue => typeof d === 'object' && d !== null && typeof (d as FieldIssue).field === 'string');
}
