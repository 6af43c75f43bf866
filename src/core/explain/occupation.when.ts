import { explainDate } from './dates.explain.ts';
import type { Token } from './occupation.tokens.ts';

const SINCE: Readonly<Record<string, { zh: [string, string]; en: string }>> = {
  в: { zh: ['', ''], en: 'in' }, во: { zh: ['', ''], en: 'in' }, до: { zh: ['', '以前'], en: 'until' },
  с: { zh: ['自', '起'], en: 'from' }, со: { zh: ['自', '起'], en: 'from' }, по: { zh: ['至', ''], en: 'to' },
};

/** «в 1936 г.», «до февраля 1937 г.», «в 1919-1920 гг.», «4 августа 1937 г.»: when, shown beside the position. */
export function readWhen(rest: string): { token: Token; length: number } | undefined {
  const m = /^(?:(в|во|до|с|со|по)\s+)?((?:\d{1,2}\s+)?(?:[а-я]+\s+)?\d{4})(?:\s*[-–]\s*(\d{4}))?(?:\s*(?:гг?\.?|года|год)(?=[\s,)]|$))?/i.exec(rest);
  if (!m) return undefined;
  const from = explainDate(m[2]!, 'en');
  if (!from) return undefined;
  const to = m[3] ? explainDate(m[3], 'en') : undefined;
  if (m[3] && !to) return undefined;
  const how = SINCE[(m[1] ?? 'в').toLowerCase()]!;
  const zhDate = `${explainDate(m[2]!, 'zh')}${m[3] ? `至${explainDate(m[3], 'zh')}` : ''}`;
  // «8 июля 1937 г.»: a day is "on" it, a month or a year "in" it.
  const on = how.en === 'in' && /^\d{1,2}\s/.test(m[2]!) ? 'on' : how.en;
  const en = `${on} ${from}${to ? `–${to}` : ''}`;
  return { token: { t: 'date', raw: m[0], zh: `${how.zh[0]}${zhDate}${how.zh[1]}`, en }, length: m[0].length };
}
