import { z } from 'zod';
import { explainRecord, type ExplainInput } from '../core/explain/index.ts';

/** `?lang=zh|en` of GET /api/records/:id; other query parameters are left to other features. */
export const explainQuery = z.object({
  lang: z.enum(['zh', 'en'], { message: 'lang must be zh or en (ru is the record itself)' }).optional(),
});

/** The API shape of the explained facts: what the record says, each with its span as written. */
export function explainedJson(record: ExplainInput, lang: 'zh' | 'en') {
  return explainRecord(record, lang).map(({ field, label, text, original, untranslated }) => ({ field, label, text, original, untranslated }));
}
