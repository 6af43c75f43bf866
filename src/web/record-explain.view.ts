import type { Request } from 'express';
import { citation, explainRecord, fillLetter, likelyArchives, requestContents, summaryLine, type ExplainInput, type Fact } from '../core/explain/index.ts';
import type { RecordDto } from '../records/record.dto.ts';
import type { Lang } from './i18n/i18n.ts';

/**
 * What the record page adds for a family (src/explain does the work; this
 * shapes it for the views record-explained, record-next-steps and record-cite):
 * the explained facts (zh, en: ru reads the record itself), the likely
 * archives with a filled letter, the citation and the Open Graph tags.
 */
export interface RecordExplainView {
  facts: Fact[];
  archives: Array<{ name: string; ru: string; address: string | null; holds: string; source: string; letter: string }>;
  contents: { items: readonly string[]; source: string };
  permalink: string;
  citation: string;
  og: { title: string; description: string; url: string };
}

/** The stable address of a record: its id path on this host (no language, no query). */
export function permalinkOf(req: Request, id: number): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/records/${id}`;
}

export function recordExplainView(record: RecordDto, lang: Lang, permalink: string, now = new Date()): RecordExplainView {
  const explainLang = lang === 'zh' ? 'zh' : 'en';
  const facts = lang === 'ru' ? [] : explainRecord(record, explainLang);
  const archives = likelyArchives(record).map((a) => ({
    name: lang === 'ru' ? a.ru : a[explainLang],
    ru: a.ru,
    address: a.address,
    holds: a.holds[lang],
    source: a.source,
    letter: fillLetter(record, a),
  }));
  const dates = [record.birthDate ?? record.birthYear, record.executedOn ?? record.deathDate].filter(Boolean).join(' – ');
  const summary = facts.filter((f) => ['birthplace', 'executedOn', 'burialPlace'].includes(f.field)).map((f) => f.text).join(' · ');
  return {
    facts,
    archives,
    contents: requestContents(lang),
    permalink,
    citation: citation(record, permalink, now.toISOString(), lang),
    og: {
      title: `${record.fullName}${dates ? ` (${dates})` : ''}`,
      description: summary || record.source,
      url: permalink,
    },
  };
}

/** The one-line summary of a search result in the visitor's language; in Russian, the record's own words. */
export function searchSummary(record: ExplainInput, lang: Lang): string {
  if (lang !== 'ru') return summaryLine(record, lang);
  const born = record.birthDate ?? record.birthYear;
  const pieces = [born || record.birthplace ? `род. ${[born, record.birthplace].filter(Boolean).join(', ')}` : '', record.executedOn ? `расстрелян(а) ${record.executedOn}` : ''];
  return pieces.filter(Boolean).join(' · ');
}
