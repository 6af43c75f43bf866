import { known, named, unknown, type ExplainLang, type Part } from './explain.types.ts';
import { termKey } from './glossary.ts';
import { ADDRESS_PLACES, NAMED_STREETS, NUMBERED_PARTS, STREET_KINDS, type AddressWord } from './address.data.ts';
import { renderPlace } from './place.render.ts';
import { splitTopLevel } from './text.split.ts';
import { romanise } from './translit.ts';
import { readOccupation } from './occupation.reader.ts';
import { LEXICON, tokenize } from './occupation.tokens.ts';

const index = (words: readonly AddressWord[]) => new Map(words.flatMap((w) => w.ru.map((r) => [termKey(r), w] as const)));
const STREET = index(STREET_KINDS);
const NUMBERED = index(NUMBERED_PARTS);
const WHOLE = index(ADDRESS_PLACES);
const NAMED = index(NAMED_STREETS);

/** «ул. Боровая», «Грохольский пер.», «ул. 9-я Рота»: the kind translated, the name kept (zh) or romanised (en). */
export function renderStreet(text: string, lang: ExplainLang): Part[] | [] {
  const m = /^(\S+)\s+(.+)$/.exec(text.trim());
  const tail = /^(.+?)\s+(\S+)$/.exec(text.trim());
  let kind: AddressWord | undefined;
  let name = '';
  if (m && STREET.has(termKey(m[1]!))) [kind, name] = [STREET.get(termKey(m[1]!)), m[2]!];
  else if (tail && STREET.has(termKey(tail[2]!))) [kind, name] = [STREET.get(termKey(tail[2]!)), tail[1]!];
  if (!kind) return [];
  if (lang === 'zh') return [named(name), known(kind.zh)];
  return [named(romanise(name)), known(` ${kind.en}`)];
}

function renderNumbered(text: string, lang: ExplainLang): Part[] | undefined {
  // «д. 55 а»: a letter written apart from its number is still the house's.
  // «д. 55 а»; «д.2.», «барак 3.»: a full stop after the number ends the part, it is not part of the number.
  const m = /^([а-яё]+\.?)\s*(.+)$/i.exec(text.trim().replace(/(\d)\s+([а-я])$/, '$1$2').replace(/(\d[а-я]?)\.$/, '$1'));
  const word = m && NUMBERED.get(termKey(m[1]!));
  if (!m || !word || !/^[\d/а-яё-]+[а-я]?$/i.test(m[2]!.trim())) {
    // «кв. (клуб)»: the word alone, what follows is said by its own segment.
    return word && termKey(text) === termKey(word.ru[0]!) ? [known(word[lang].replace(/\s*\{n\}\s*/, ''))] : undefined;
  }
  return [known(word[lang].replace('{n}', m[2]!.trim()))];
}

/** «гостиница "Люкс"»: a kind of building with its name. */
function renderBuilding(text: string, lang: ExplainLang): Part[] | undefined {
  const m = /^([а-яё. ]+?)\s+("[^"]+"?)$/i.exec(text);
  const word = m && WHOLE.get(termKey(m[1]!));
  if (!m || !word) return undefined;
  return lang === 'zh' ? [named(m[2]!), known(word.zh)] : [known(`${word.en} `), named(m[2]!)];
}

/** «8-3», «24»: house (and flat) in the short form the lists use. */
function renderShort(text: string, lang: ExplainLang): Part[] | undefined {
  const m = /^(\d+[а-я]?(?:\/\d+)?)(?:-(\d+[а-я]?))?$/.exec(text);
  if (!m) return undefined;
  const house = NUMBERED.get('д')!;
  const flat = NUMBERED.get('кв')!;
  const out = [known(house[lang].replace('{n}', m[1]!))];
  if (m[2]) out.push(known(`${lang === 'zh' ? '' : ', '}${flat[lang].replace('{n}', m[2])}`));
  return out;
}

function renderSegment(segment: string, lang: ExplainLang): Part[] {
  const other = /^по другим (?:данным|сведениям)\s*[-–:]?\s*(?:в\s+)?(.+)$/.exec(segment);
  if (other) return [known(lang === 'zh' ? '另有记载：' : 'other records say: '), ...renderSegment(other[1]!, lang)];
  const aside = /^(.+?)\s*\(([^()]+)\)$/.exec(segment);
  if (aside) return [...renderSegment(aside[1]!, lang), known(lang === 'zh' ? '（' : ' ('), ...renderSegment(aside[2]!, lang), known(lang === 'zh' ? '）' : ')')];
  const whole = WHOLE.get(termKey(segment));
  if (whole) return [known(whole[lang])];
  // «Алексеевский студенческий городок», «Алексеевский студгородок»: the campus by its name.
  const campus = /^([А-ЯЁ][а-яё]+)\s+(студгородок|студенческий городок)$/.exec(segment);
  const kind = campus && WHOLE.get(termKey(campus[2]!));
  if (campus && kind) return lang === 'zh' ? [named(campus[1]!), known(kind.zh)] : [named(romanise(campus[1]!)), known(` ${kind.en}`)];
  const rendered = renderNumbered(segment, lang) ?? renderShort(segment, lang) ?? renderBuilding(segment, lang) ?? renderStreet(segment, lang);
  if (rendered.length > 0) return rendered;
  if (/^(?:г|с|д|дер|пос)\.\s*[А-ЯЁ]/.test(segment)) return renderPlace(segment, lang);
  return renderNamedStreet(segment, lang) ?? renderPlaceName(segment, lang) ?? renderInstitution(segment, lang) ?? [unknown(segment)];
}

/** «Арбат», «Арбат 36», «Кремль»: streets and places Moscow names without a kind word. */
function renderNamedStreet(segment: string, lang: ExplainLang): Part[] | undefined {
  const m = /^(.+?)(?:\s+(\d+[а-я]?(?:\/\d+)?))?$/.exec(segment);
  const street = m && NAMED.get(termKey(m[1]!));
  if (!m || !street) return undefined;
  const house = m[2] ? [known(lang === 'zh' ? '，' : ', '), ...renderShort(m[2], lang)!] : [];
  return [known(street[lang]), ...house];
}

/**
 * «Кунцево», «Сокольники»: one capitalised word standing alone in an address is the name of a
 * village, settlement or district of Moscow — kept as a name (romanised in English), not translated.
 */
function renderPlaceName(segment: string, lang: ExplainLang): Part[] | undefined {
  if (!/^[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*$/.test(segment) && !twoWordName(segment)) return undefined;
  return [named(lang === 'en' ? romanise(segment) : segment)];
}

/**
 * «Воронцово Поле», «Сивцев Вражек», «Чистые пруды», «Б. Якиманка»: two words standing alone, the first
 * capitalised (or «Б.», «М.», «Н.», «В.», «Ср.» — Большая, Малая, Нижние…), neither a word any table knows,
 * are the name of a Moscow street or place; kept as written like a one-word name.
 */
function twoWordName(segment: string): boolean {
  const m = /^([А-ЯЁ][а-яё]+|[БМНВ]\.|Ср\.)\s+([А-ЯЁа-яё][а-яё]+)$/.exec(segment);
  if (!m) return false;
  // A word made by rule («Пионерская» from пионер) is no word a table lists: street names are made the same way.
  const listed = (w: string) => { const lex = LEXICON.get(termKey(w)); return lex !== undefined && !lex.made; };
  return [m[1]!, m[2]!].every((w) => !listed(w) && !STREET.has(termKey(w)) && !WHOLE.has(termKey(w)) && !NUMBERED.has(termKey(w)));
}

/**
 * «общежитие Метростроя», «барак № 3»: a building named by its institution, read like an occupation's workplace.
 * A name followed by a word that is no building or workplace («Старопетровский поезд», a mistyped «проезд») stands
 * where a street's kind would: only a kind word of the address tables may be one, so the segment stays Russian.
 */
function renderInstitution(segment: string, lang: ExplainLang): Part[] | undefined {
  const tokens = tokenize(segment);
  const kindless = tokens.some((t, i) => {
    const next = tokens[i + 1];
    return t.t === 'name' && next?.t === 'word' && next.lex.role === 'noun' && next.lex.kind !== 'place';
  });
  if (kindless) return undefined;
  const parts = readOccupation(segment, lang);
  return parts.some((p) => p.untranslated) ? undefined : parts;
}

/** «…, кв.1$ другой адрес: г.Дмитров, …»: a second address after «$», said to be one. */
const SECOND_ADDRESS: ReadonlyArray<{ pattern: RegExp; zh: string; en: string }> = [
  { pattern: /^другой адрес:\s*/i, zh: '另一地址：', en: 'other address: ' },
  { pattern: /^временный адрес:\s*/i, zh: '临时地址：', en: 'temporary address: ' },
];

/** The last address as written → parts: «Грохольский пер., д.13, кв. 11» → Grokholsky lane, house 13, apt. 11. */
export function renderAddress(text: string, lang: ExplainLang): Part[] {
  const [first = '', ...more] = text.split(/\s*\$\s*/);
  const parts = renderOneAddress(first, lang);
  for (const other of more) {
    const label = SECOND_ADDRESS.find((l) => l.pattern.test(other));
    parts.push(known(lang === 'zh' ? '；' : '; '));
    if (!label) parts.push(unknown(other));
    else parts.push(known(label[lang]), ...renderOneAddress(other.replace(label.pattern, ''), lang));
  }
  return parts;
}

/** What clerks wrote for punctuation, as the address reader expects it. */
function tidy(text: string): string {
  return text
    // «д.30. кв. 30»: a full stop between the numbered parts is a comma.
    .replace(/(\d[а-я]?)\.\s+(?=(?:кв|корп|кор|комн|д|стр)\.)/gi, '$1, ')
    // «пер. . Д. 12», «наб. . д.12/2»: a stray full stop between two parts is the comma between them.
    .replace(/\.\s+\.\s+/g, '., ')
    // «ул, Красная Пресня», «д, 7», «Б, Коммунистическая ул.»: a comma typed for an abbreviation's full stop.
    .replace(/(^|\s)(ул|д|пер|кв|корп|Б|М)\s*,\s*(?=[А-ЯЁ\d])/g, '$1$2. ')
    // «М. Грузинскаяул.»: the street word glued to its name.
    .replace(/([а-яё](?:ая|ий|ый|ой))(ул\.|пер\.)/g, '$1 $2');
}

function renderOneAddress(text: string, lang: ExplainLang): Part[] {
  const parts: Part[] = [];
  splitTopLevel(tidy(text)).forEach((segment, i) => {
    if (i > 0) parts.push(known(lang === 'zh' ? '，' : ', '));
    parts.push(...renderSegment(unglue(segment), lang));
  });
  return parts;
}

/** «ул.Серафимовича», «кор.2»: a street or house word glued to what follows, as the lists often write it. */
function unglue(segment: string): string {
  return segment.replace(/^([а-яё]{1,5}\.)(?=[А-ЯЁа-яё\d])/, '$1 ');
}
