import { termKey } from './glossary.ts';
import { PREFIXES } from './occupation-prefixes.data.ts';
import type { WordEntry } from './occupation-words.data.ts';
import type { Lexeme, Token } from './occupation.tokens.ts';

/**
 * Words written as one of two or more the tables know (occupation.tokens.ts asks here for a word no
 * table lists): two or more positions in hyphens, two adjectives in hyphens, and a word of the
 * tables after the first halves Soviet compounds were built with (occupation-prefixes.data.ts).
 * Every part must be a word of the tables, so nothing is guessed.
 */
type Lexicon = ReadonlyMap<string, Lexeme>;

/**
 * The dictionary forms a first half in -о/-е can be the short form of: «культурно» = культурный,
 * «туристско» = туристский, «историко» = исторический, «геолого» = геологический, «физико» = физический.
 */
const firstHalfForms = (stem: string) => [stem + 'ый', stem + 'ий', stem + 'ой', stem.replace(/ик$/, 'ический'), stem.replace(/ог$/, 'огический')];

/** An entry whose English is a proper adjective («Moscow», «Central») joins as a name («Moscow–Kazan»), not with "and". */
const proper = (l: Lexeme) => /^[A-Z]/.test(l.entry.en);

/**
 * «культурно-пропагандистским», «Кредитно-экономического», «историко-партийного»: two adjectives (or more)
 * written as one, each but the last in its short form in -о/-е. All must be adjectives of the tables; the
 * compound takes the case of its last half and says all ("cultural and propaganda", 文化宣传).
 */
function compoundAdjective(word: string, lexicon: Lexicon): Token | undefined {
  const halves = word.toLowerCase().split('-');
  // «планово-финансово-торговым»: three or more, every one before the last in its short form.
  if (halves.length < 2 || halves.slice(0, -1).some((h) => !/^[а-яё]+[ое]$/.test(h)) || !/^[а-яё]+$/.test(halves.at(-1)!)) return undefined;
  const firsts = halves.slice(0, -1).map((h) => firstHalfForms(h.slice(0, -1)).map((f) => lexicon.get(termKey(f))).find((l) => l?.role === 'adj'));
  const last = lexicon.get(termKey(halves.at(-1)!));
  if (last?.role !== 'adj' || firsts.some((f) => f === undefined)) return undefined;
  const all = [...(firsts as Lexeme[]), last];
  if (all.some(proper)) return undefined;
  // «проектно-конструкторский»: two words English says alike are said once; and a half whose rendering is already
  // inside another's says nothing more («автоматно-токарный»: automatic-lathe, not "automatic-lathe and lathe";
  // «фасовочно-развесочная»: 称量分装, not 分装称量分装).
  const en = saidOnce(all.map((l) => l.entry.en), (a, b) => new RegExp(`(?:^|[\\s-])${escape(b)}(?:$|[\\s-])`).test(a));
  const zh = saidOnce(all.map((l) => l.entry.zh), (a, b) => a.includes(b));
  const entry: WordEntry = { ru: word, zh: zh.join(''), en: en.length > 1 ? `${en.slice(0, -1).join(', ')} and ${en.at(-1)!}` : en[0]! };
  return { t: 'word', raw: word, lex: { ...last, entry } };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each rendering once, without one another already contains (`within(a, b)`: b is inside a). */
function saidOnce(renderings: readonly string[], within: (a: string, b: string) => boolean): string[] {
  const distinct = [...new Set(renderings)];
  return distinct.filter((b) => !distinct.some((a) => a !== b && within(a, b)));
}

/** «инженер-экономист», «бухгалтера-ревизора», «летчик-наблюдатель-преподаватель»: positions written as one. */
function compoundPosition(word: string, lexicon: Lexicon): Token | undefined {
  const parts = word.split('-').map((h) => lexicon.get(termKey(h)));
  if (parts.length < 2 || parts.some((p) => p?.kind !== 'person')) return undefined;
  const all = parts as Lexeme[];
  // «художник-живописец»: two positions Chinese names alike are one (画家, not 画家兼画家).
  const entry: WordEntry = { ru: word, zh: [...new Set(all.map((p) => p.entry.zh))].join('兼'), en: all.map((p) => p.entry.en).join('-') };
  return { t: 'word', raw: word, lex: { ...all[0]!, entry, nominative: all.every((p) => p.nominative), oblique: all.every((p) => p.oblique) } };
}

/**
 * Words that say another thing after a prefix than the prefix's field and the word would:
 * - «теплоэлектропроект»: a word ending in «-проект» is a design organisation's name, not "a project";
 * - «Металлокомбинат», «лесокомбинат»: a combine named by its material works it or makes it (a metallurgical or a
 *   metalworking works), which "metal combine" does not say;
 * - «киностроительство», «жилстроительство»: the prefix names what is built (cinemas and studios, dwellings), not
 *   a kind of construction — "film construction" says nothing true;
 * - «политчасть», «спецчасть», «медчасть»: a «часть» after a prefix is an office of an institution (political
 *   affairs, the secret records office, the medical room), never the troop unit the table's «часть» is.
 * A word of these that is ordinary vocabulary is listed whole («политчасть»).
 */
const NOT_AFTER_PREFIX = new Set(['проект', 'комбинат', 'строительство', 'часть'].map(termKey));

/**
 * «радиотелеграфного», «авиатехник», «спецработ», «фотокинолаборатории», «металло-прокатного»: a word of the
 * tables after one or more first halves of compounds, said of their field (radio telegraph, aviation
 * technician). What is left after the prefixes must be a noun or an adjective of the tables of four
 * letters or more, so «автор», «партия», «Металлолом» are never read this way.
 */
function prefixed(lower: string, lexicon: Lexicon): { zh: string; en: string; lex: Lexeme } | undefined {
  for (const p of PREFIXES) {
    if (!lower.startsWith(p.ru)) continue;
    const rest = lower.slice(p.ru.length).replace(/^-/, '');
    if (rest.length < 4) continue;
    const listed = lexicon.get(termKey(rest));
    const lex = listed && (listed.role === 'noun' || listed.role === 'adj') && !/^the /i.test(listed.entry.en) && !NOT_AFTER_PREFIX.has(termKey(listed.entry.ru)) ? listed : undefined;
    const inner = lex ? { zh: lex.entry.zh, en: lex.entry.en, lex } : prefixed(rest, lexicon);
    if (inner) return { zh: p.zh + inner.zh, en: `${p.en} ${inner.en}`, lex: inner.lex };
  }
  return undefined;
}

/**
 * A word the tables do not list, read as a compound of words they do. A capitalised word is read by its
 * prefixes only at the start of the phrase: inside it, «Стройпуть» is a body's own name.
 */
export function readCompound(word: string, lexicon: Lexicon, first: boolean): Token | undefined {
  const both = compoundPosition(word, lexicon) ?? compoundAdjective(word, lexicon);
  if (both) return both;
  if (!/^[а-яё-]+$/.test(word) && !(first && /^[А-ЯЁ][а-яё-]+$/.test(word))) return undefined;
  const read = prefixed(word.toLowerCase(), lexicon);
  if (!read) return undefined;
  const entry: WordEntry = { ru: word, zh: read.zh, en: read.en };
  return { t: 'word', raw: word, lex: { ...read.lex, entry } };
}

/**
 * «хоз-ва», «об-ва», «упр-ния», «произ-ва»: a word contracted as clerks did and ГОСТ 7.12-93 allows (its first
 * letters and its ending with a hyphen between: «хоз-во» хозяйство, «т-во» товарищество), read as the one word of
 * the tables that begins and ends so. Two letters at least on each side and two left out between; where two words
 * of the tables fit, or a word is made by rule, nothing is read.
 */
export function readContraction(word: string, lexicon: Lexicon): Token | undefined {
  const m = /^([а-яё]{2,})-([а-яё]{2,4})$/.exec(word);
  if (!m) return undefined;
  const [head, tail] = [m[1]!, m[2]!];
  let found: Lexeme | undefined;
  for (const [key, lex] of lexicon) {
    if (/[^а-яё]/.test(key) || key.length < head.length + tail.length + 2 || !key.startsWith(head) || !key.endsWith(tail)) continue;
    if (lex.made || (found && found.entry !== lex.entry)) return undefined;
    found = found ? { ...found, nominative: found.nominative || lex.nominative, oblique: found.oblique || lex.oblique } : lex;
  }
  return found && { t: 'word', raw: word, lex: { ...found, entry: { ...found.entry, ru: word } } };
}

/**
 * «Москов. контора», «Ленинградск. ж.д.»: a proper adjective of the tables (its English a name: Moscow, Leningrad)
 * cut short after four letters or more, as «Моск.» is listed. Only one proper adjective of the tables may begin so,
 * and it must be capitalised as written; a common adjective cut short («центр.», «спорт.») may be a noun's, so no.
 */
export function readShortProper(word: string, lexicon: Lexicon): Token | undefined {
  const m = /^([А-ЯЁ][а-яё]{3,})\.$/.exec(word);
  if (!m) return undefined;
  const stem = m[1]!.toLowerCase();
  const fits = new Set<Lexeme>();
  for (const lex of lexicon.values()) {
    const ru = lex.entry.ru.toLowerCase();
    if (lex.role === 'adj' && !lex.made && /^[A-Z]/.test(lex.entry.en) && /^[а-яё]+$/.test(ru) && ru.startsWith(stem) && ru !== stem) fits.add(lex);
  }
  const entries = new Set([...fits].map((l) => l.entry));
  if (entries.size !== 1) return undefined;
  const lex = [...fits][0]!;
  return { t: 'word', raw: word, lex: { ...lex, entry: { ...lex.entry, ru: word }, nominative: true, oblique: true } };
}
