import { renderDate } from './dates.explain.ts';
import type { ExplainLang } from './explain.types.ts';

export interface CiteInput {
  fullName: string;
  birthYear?: number | null;
  source: string;
  externalId: string;
}

/** "Cite this record" in the visitor's language: name as written, source, its id, the permalink and the day accessed. */
export function citation(record: CiteInput, permalink: string, accessedIso: string, lang: ExplainLang | 'ru'): string {
  const day = accessedIso.slice(0, 10);
  const born = record.birthYear ? String(record.birthYear) : null;
  if (lang === 'zh') {
    return `“${record.fullName}”${born ? `（${born}年生）` : ''}。${record.source}，记录编号 ${record.externalId}。namebridge，${permalink}（访问日期：${renderDate(day, 'zh')}）。`;
  }
  if (lang === 'ru') {
    return `«${record.fullName}»${born ? `, ${born} г. р.` : ''}. ${record.source}, запись ${record.externalId}. namebridge, ${permalink} (дата обращения: ${day.split('-').reverse().join('.')}).`;
  }
  return `“${record.fullName}”${born ? `, born ${born}` : ''}. ${record.source}, record ${record.externalId}. namebridge, ${permalink} (accessed ${renderDate(day, 'en')}).`;
}
