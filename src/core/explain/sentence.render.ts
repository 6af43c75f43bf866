import { explainDate } from './dates.explain.ts';
import { known, unknown, type ExplainLang, type Part } from './explain.types.ts';
import { BODIES } from './bodies.data.ts';
import { CHARGES } from './charges.data.ts';
import { FATES, SENTENCE_PATTERNS } from './fates.data.ts';
import { glossary } from './glossary.ts';
import { splitTopLevel } from './text.split.ts';

const BODY = glossary(BODIES);
const CHARGE = glossary(CHARGES);
export const FATE = glossary(FATES);

/** «ВМН», «10 лет ИТЛ», «расстрелян» → the sentence in the visitor's language, or undefined. */
export function renderFate(text: string, lang: ExplainLang): string | undefined {
  const clean = text.trim().replace(/^к\s+/i, '');
  const term = FATE.lookup(clean);
  if (term) return term[lang];
  for (const p of SENTENCE_PATTERNS) {
    const m = p.pattern.exec(clean);
    if (m) return p[lang].replace('{n}', m[1]!);
  }
  return undefined;
}

/** «58-6, 58-8», «шпионаж», «ст. 58-10 УК РСФСР». */
export function renderCharge(text: string, lang: ExplainLang): Part[] {
  const parts: Part[] = [];
  const items = splitTopLevel(text.replace(/\s+и\s+/g, ', ').replace(/(^|\s)ст\.\s*/g, '$1').replace(/\s*УК РСФСР/g, ''));
  items.forEach((item, i) => {
    if (i > 0) parts.push(known(lang === 'zh' ? '；' : '; '));
    const term = CHARGE.lookup(item);
    parts.push(term ? known(term[lang]) : unknown(item));
  });
  return parts;
}

/** «Приговорен: Комиссия НКВД и Прокурора СССР 2 сентября 1937 г., обв.: шпионаж»: body, date, sentence, charge. */
export function renderSentence(text: string, lang: ExplainLang): Part[] {
  const parts: Part[] = [];
  // «… к 5 годам ИТЛ по обвинению во вредительстве»: the charge is its own segment.
  const normalised = text.replace(/\s+по обвинению\s+(?:во?\s+)?/g, ', обв. в ').replace(/\s+(?=к\s+\d+\s+(?:годам|лет))/g, ', ');
  // Everything after «обв.» is the charge, commas and all («обв. в 58-1а, 58-8, 58-11»).
  const chargeAt = /(?:^|,\s*)обв\.?:?\s*(?:в\s+)?/i.exec(normalised);
  const head = chargeAt ? normalised.slice(0, chargeAt.index) : normalised;
  splitTopLevel(head).forEach((segment, i) => {
    if (i > 0) parts.push(known(lang === 'zh' ? '，' : ', '));
    const fate = renderFate(segment, lang);
    if (fate) return void parts.push(known(fate));
    const dated = FATE.prefix(segment);
    const datedWhen = dated && explainDate(dated.rest, lang);
    if (dated && datedWhen) return void parts.push(known(lang === 'zh' ? `${datedWhen}${dated.term.zh}` : `${dated.term.en} in ${datedWhen}`));
    const date = explainDate(segment, lang);
    if (date) return void parts.push(known(date));
    const body = BODY.prefix(segment);
    if (!body) return void parts.push(unknown(segment));
    parts.push(known(body.term[lang]));
    if (!body.rest) return;
    const when = explainDate(body.rest, lang) ?? renderFate(body.rest, lang);
    parts.push(when ? known(lang === 'zh' ? `，${when}` : `, ${when}`) : unknown(` ${body.rest}`));
  });
  if (chargeAt) {
    if (parts.length > 0) parts.push(known(lang === 'zh' ? '，' : ', '));
    parts.push(known(lang === 'zh' ? '罪名：' : 'charged with '), ...renderCharge(normalised.slice(chargeAt.index + chargeAt[0].length), lang));
  }
  return parts;
}
