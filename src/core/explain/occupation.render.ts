import { known, named, unknown, type ExplainLang, type Part } from './explain.types.ts';
import { glossary } from './glossary.ts';
import { POSITIONS, WORKPLACES } from './occupations.data.ts';
import { CITIES } from './places.data.ts';
import { renderPlace } from './place.render.ts';
import { renderAddress } from './address.render.ts';
import { insideParentheses, splitTopLevel } from './text.split.ts';
import { readOccupation } from './occupation.reader.ts';
import { tokenize, type Token } from './occupation.tokens.ts';
import { PARTY_STATUS, renderDatedParty, renderParty } from './party.render.ts';

const POSITION = glossary(POSITIONS);
const WORKPLACE = glossary(WORKPLACES);
const CITY = glossary(CITIES);

const sep = (lang: ExplainLang) => known(lang === 'zh' ? '' : ' ');

/** One step along a workplace phrase: what it matched and how long it was. */
type Step = { parts: Part[]; length: number; number?: string };

const QUOTED = /^"[^"]*"?/;
const NUMBER = /^№\s*(\d+[а-я]?)/i;
const ORDINAL = /^(\d+)-(?:й|я|е|го|ое|ая)(?=\s)/i;
const NAMED_AFTER = /^им\.\s*(?:"[^"]*"|[А-ЯЁ][^\s,:]*(?:\s+[А-ЯЁ][^\s,:]*)?)/;
const LOCATION = /^(?:в|на)\s+((?:г\.|ул\.|ул\s)\s*[^,:"]+(?:,\s*д\.\s*\d+\w*)?|[^,:"]+?\s(?:ул\.|пер\.)(?:,\s*д\.\s*\d+\w*)?)(?=$|[\s,:])/i;
const CITY_OF = /^г\.\s*([А-ЯЁ][а-яё-]+)/;
const DISTRICT = /^([А-ЯЁ][а-яё]+(?:ского|цкого|ого))\s+р-на/;

function step(rest: string, lang: ExplainLang): Step {
  const q = QUOTED.exec(rest);
  if (q) return { parts: [named(q[0])], length: q[0].length };
  const n = NUMBER.exec(rest);
  if (n) return { parts: [known(lang === 'zh' ? `${n[1]}号` : `No. ${n[1]}`)], length: n[0].length, number: n[1] };
  const o = ORDINAL.exec(rest);
  if (o) return { parts: [known(lang === 'zh' ? `第${o[1]}` : `No. ${o[1]}`)], length: o[0].length };
  const named_ = NAMED_AFTER.exec(rest);
  if (named_) return { parts: [known(lang === 'zh' ? '以' : 'named after '), named(named_[0].replace(/^им\.\s*/, '')), known(lang === 'zh' ? '命名' : '')], length: named_[0].length };
  const loc = LOCATION.exec(rest);
  if (loc) {
    const inCity = /^г\./.test(loc[1]!);
    return { parts: [known(lang === 'zh' ? '位于' : inCity ? 'in ' : 'at '), ...renderLocation(loc[1]!, lang)], length: loc[0].length };
  }
  const city = CITY_OF.exec(rest);
  if (city && CITY.lookup(city[1]!)) return { parts: [known(lang === 'zh' ? `${CITY.lookup(city[1]!)!.zh}市` : `in ${CITY.lookup(city[1]!)!.en}`)], length: city[0].length };
  const district = DISTRICT.exec(rest);
  if (district) return { parts: lang === 'zh' ? [named(district[1]!), known('区')] : [named(district[1]!), known(' district')], length: district[0].length };
  const term = WORKPLACE.prefix(rest) ?? POSITION.prefix(rest);
  if (term) return { parts: [known(term.term[lang])], length: rest.length - term.rest.length };
  const word = /^\S+/.exec(rest)![0];
  return { parts: [unknown(word)], length: word.length };
}

/** «на ул. Покровке», «в г. Москве», «на Садово-Каретной ул., д. 14». */
function renderLocation(text: string, lang: ExplainLang): Part[] {
  if (/^г\./.test(text)) return renderPlace(text, lang);
  return renderAddress(text, lang);
}

const untranslatedCount = (parts: readonly Part[]) => parts.filter((p) => p.untranslated).length;

/**
 * A phrase the tables do not know whole: the compositional reading (occupation.reader.ts) when it
 * explains every word, else the older word-by-word reading over the phrase tables when that does
 * (it knows addresses after «на ул.»), else the phrase kept in Russian.
 */
function better(tables: Part[], text: string, lang: ExplainLang): Part[] {
  const composed = readOccupation(text, lang);
  if (untranslatedCount(composed) === 0) return composed;
  if (untranslatedCount(tables) === 0) return tables;
  // A phrase with any word no table knows stays Russian, whole and marked: half a reading would mislead.
  return [unknown(text.trim())];
}

/** A workplace («Прачечная № 5», «артель "Коллективный труд"»): names kept, words from the tables. */
export function renderWorkplace(text: string, lang: ExplainLang): Part[] {
  const whole = better(renderWorkplaceByTables(text, lang), text, lang);
  // «завод № 93 (Химзавод)», «Гастроном №1 (ул.Горького, 40)»: a workplace and, in parentheses, its other name or its place.
  const aside = untranslatedCount(whole) > 0 ? /^([^()]+?)\s*\(([^()]+)\)$/.exec(text.trim()) : null;
  if (aside) {
    const main = renderWorkplace(aside[1]!, lang);
    const other = renderWorkplace(aside[2]!, lang);
    if (untranslatedCount(main) + untranslatedCount(other) === 0) return [...main, known(lang === 'zh' ? '（' : ' ('), ...other, known(lang === 'zh' ? '）' : ')')];
  }
  const units = splitTopLevel(text);
  if (untranslatedCount(whole) === 0 || units.length < 2) return whole;
  // «завод №24, монтажный цех»: a workplace, then its unit, each named as a workplace in the order written.
  const read = units.map((u) => better(renderWorkplaceByTables(u, lang), u, lang));
  if (read.some((r) => untranslatedCount(r) > 0)) return whole;
  return read.flatMap((r, i) => [...(i > 0 ? [known(lang === 'zh' ? '，' : ', ')] : []), ...r]);
}

function renderWorkplaceByTables(text: string, lang: ExplainLang): Part[] {
  const parts: Part[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const s = step(rest, lang);
    if (parts.length > 0) parts.push(sep(lang));
    parts.push(...s.parts);
    rest = rest.slice(s.length).replace(/^[\s,]+/, '');
  }
  return parts;
}

/** One position or job, with a workplace after «в»/«на» or in the genitive. */
function renderJob(text: string, lang: ExplainLang): Part[] {
  // «член ВКП(б)» is one word; an aside has a space before its parenthesis.
  const aside = /^(.+?)\s+\((.+)\)$/.exec(text);
  if (aside) {
    return [...renderJob(aside[1]!, lang), known(lang === 'zh' ? '（' : ' ('), ...renderOccupation(aside[2]!, lang), known(lang === 'zh' ? '）' : ')')];
  }
  const whole = POSITION.lookup(text) ?? WORKPLACE.lookup(text);
  if (whole) return [known(whole[lang])];
  return partyStatus(text, lang) ?? better(renderJobByTables(text, lang), text, lang);
}

/** «в 1932-1935 кандидат в члены ВКП(б)», «член ВКП(б)»: a party status among the jobs, read as one, with its years. */
function partyStatus(text: string, lang: ExplainLang): Part[] | undefined {
  const dated = renderDatedParty(text, lang);
  if (dated || !PARTY_STATUS.test(text)) return dated;
  const parts = renderParty(text, lang);
  return parts.some((p) => p.untranslated) ? undefined : parts;
}

function renderJobByTables(text: string, lang: ExplainLang): Part[] {
  const lead = POSITION.prefix(text);
  if (!lead) return renderWorkplaceByTables(text, lang);
  const where = lead.rest.replace(/^(?:в|на)\s+/i, '');
  const workplace = renderWorkplaceByTables(where, lang);
  return lang === 'zh'
    ? [...workplace, known('的'), known(lead.term.zh)]
    : [known(`${lead.term.en} at `), ...workplace];
}

/** The occupation phrase of a record («Прачечная № 5: гладильщик», «гладильщик в китайской прачечной»). */
export function renderOccupation(text: string, lang: ExplainLang): Part[] {
  const inner = insideParentheses(text);
  if (inner !== undefined) return renderOccupation(inner, lang);
  const colon = text.indexOf(':');
  if (colon > 0 && !/^по /.test(text)) {
    const workplace = renderWorkplace(text.slice(0, colon), lang);
    const jobs = renderJobs(text.slice(colon + 1), lang);
    return lang === 'zh' ? [...workplace, known('：'), ...jobs] : [...jobs, known(' at '), ...workplace];
  }
  const jobs = renderJobs(text, lang);
  const split = untranslatedCount(jobs) > 0 ? workplaceFirst(text) : undefined;
  const read = split && renderOccupation(`${split[0]}: ${split[1]}`, lang);
  return read && untranslatedCount(read) === 0 ? read : jobs;
}

/** What may stand in a workplace named before its position: its kind, adjectives, names and numbers, no person. */
const WORKPLACE_TOKEN = (t: Token) =>
  (t.t === 'word' && t.lex.kind !== 'person' && t.lex.role !== 'deputy' && t.lex.role !== 'aside') || ['title', 'quoted', 'number', 'ordinal', 'namesake', 'place'].includes(t.t);

/**
 * «КОГИЗ инспектор отдела кадров», «1-й ГПЗ им. Кагановича контролер измерительной лаборатории»: the
 * workplace written first and the position after it with no colon, as the list's «workplace: position»
 * would be. Split before the first position in the nominative (with its adjectives and deputies) when all
 * before it is a workplace and begins with one.
 */
function workplaceFirst(text: string): [string, string] | undefined {
  const tokens = tokenize(text);
  const person = tokens.findIndex((t) => t.t === 'word' && t.lex.kind === 'person' && t.lex.role === 'noun' && t.lex.nominative);
  let at = person;
  while (at > 0 && tokens[at - 1]!.t === 'word' && ['adj', 'deputy'].includes((tokens[at - 1] as Token & { t: 'word' }).lex.role)) at -= 1;
  const before = tokens.slice(0, Math.max(0, at));
  const head = before.find((t) => t.t !== 'ordinal');
  const place = head !== undefined && ((head.t === 'word' && (head.lex.kind === 'place' || head.lex.role === 'org')) || head.t === 'title');
  if (at <= 0 || !place || !before.every(WORKPLACE_TOKEN)) return undefined;
  return [before.map((t) => t.raw).join(' '), tokens.slice(at).map((t) => t.raw).join(' ')];
}

function renderJobs(text: string, lang: ExplainLang): Part[] {
  const parts: Part[] = [];
  // «… в декабре 1936 г. Не работал»: a capital after a year's «г.» starts another sentence, read as another job.
  const jobs = text.trim().split(/(?<=\d{4}\s?гг?)\.\s+(?=[А-ЯЁ])/).flatMap((sentence) => splitTopLevel(sentence));
  jobs.forEach((job, i) => {
    if (i > 0) parts.push(known(lang === 'zh' ? '，' : ', '));
    parts.push(...renderJob(job, lang));
  });
  return parts;
}
