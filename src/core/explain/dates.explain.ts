import { normalisePartialDate } from '../records/index.ts';
import type { ExplainLang } from './explain.types.ts';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Russian month names in the genitive, as biographies write full dates («15 августа 1937 г.»). */
const RU_MONTHS: Readonly<Record<string, number>> = {
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6,
  июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
  // «в январе 1930 г.»: the month alone, in the prepositional.
  январе: 1, феврале: 2, марте: 3, апреле: 4, мае: 5, июне: 6,
  июле: 7, августе: 8, сентябре: 9, октябре: 10, ноябре: 11, декабре: 12,
};

/** A date as the record writes it → YYYY, YYYY-MM or YYYY-MM-DD; undefined when it is not a date. */
export function parseRecordDate(text: string): string | undefined {
  const value = text.trim().replace(/^в\s+/i, '').replace(/\s*(?:г\.?|года|гг\.?)$/, '');
  const worded = /^(?:(\d{1,2})\s+)?([а-я]+)\s+(\d{4})$/i.exec(value);
  if (worded) {
    const month = RU_MONTHS[worded[2]!.toLowerCase()];
    if (month === undefined) return undefined;
    const dotted = `${worded[1] ? `${worded[1]}.` : ''}${month}.${worded[3]}`;
    const parsed = normalisePartialDate(dotted);
    return parsed.ok ? parsed.normalised : undefined;
  }
  const parsed = normalisePartialDate(value);
  return parsed.ok ? parsed.normalised : undefined;
}

/**
 * A normalised partial date in the visitor's language, never more precise than
 * the source: 1938 → 1938年 / 1938; 1938-09 → 1938年9月 / September 1938.
 */
export function renderDate(normalised: string, lang: ExplainLang): string {
  const [year, month, day] = normalised.split('-').map(Number);
  if (lang === 'zh') return `${year}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`;
  if (!month) return String(year);
  const name = EN_MONTHS[month - 1];
  return day ? `${day} ${name} ${year}` : `${name} ${year}`;
}

/** A date as written → rendered, or undefined when it does not parse (the caller keeps it in Russian). */
export function explainDate(text: string, lang: ExplainLang): string | undefined {
  const normalised = parseRecordDate(text);
  return normalised === undefined ? undefined : renderDate(normalised, lang);
}

/** «1-го Мая», «8-го марта», «26 июня»: a day of a month with no year (a holiday a works is named after). */
export function explainDayOfMonth(text: string, lang: ExplainLang): string | undefined {
  const m = /^(\d{1,2})(?:-го)?\s+([А-Яа-яЁё]+)$/.exec(text.trim());
  const month = m ? RU_MONTHS[m[2]!.toLowerCase()] : undefined;
  if (!m || month === undefined || /е$/.test(m[2]!) || Number(m[1]) < 1 || Number(m[1]) > 31) return undefined;
  return lang === 'zh' ? `${month}月${Number(m[1])}日` : `${Number(m[1])} ${EN_MONTHS[month - 1]}`;
}
