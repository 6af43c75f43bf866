import { glossary } from './glossary.ts';
import { CITIES, COUNTRIES } from './places.data.ts';

/**
 * The shapes of names in occupation phrases (occupation.tokens.ts): a word the tables do not know is
 * kept as a name only when its shape says it is one — a proper adjective, a chief directorate «Глав-», a
 * body named by its first syllables, a station's name, a place or a person. Everything else stays unknown.
 */

const CITY = glossary(CITIES);
const COUNTRY = glossary(COUNTRIES);

/** The endings of an adjective in any case: «Сокольнического» after a name is the next word, not the surname. */
export const ADJECTIVE_ENDING = /(?:ого|его|ому|ему|ий|ый|ой|ая|яя|ое|ее|ую|юю|ые|ие|ых|их|ым|им|ыми|ими)$/;

/** A proper adjective not in the tables («Фрунзенского», «Кирижский»): a name, never a word to translate. */
export const PROPER_ADJECTIVE = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$/;
/** A capital at the start of a phrase may be only the phrase's: «Химический» is a word, so -ический is never taken for a name there. */
export const COMMON_ADJECTIVE = /(?:ическ|ческ)[а-я]+$/;
/** «Главкондитер», «Главметиза»: a chief directorate («Глав-») by its own name. */
export const GLAV = /^Глав[а-яё]{3,}$/;
/**
 * Bodies named by their kind's first syllables, not in the tables: «Моснарпит», «Мособлпечатьсоюза» (a Moscow
 * body: «Мос-»), «Союзрыба» (an All-Union one: «Союз-»), «Наркомзем» (a People’s Commissariat). The name is kept
 * and only what its first syllables state is said; words of the tables («Москва», «Моссовет», «союза») never get here.
 */
export const SHORT_NAMES: ReadonlyArray<{ pattern: RegExp; zh: string; en: string }> = [
  // Not «Москва», «Мост…», nor a surname («Мосиенков»).
  { pattern: /^Мос(?!ков|кв|т)[а-яё]{4,}(?<!ов|ев|ова|ева|ин|ина)$/, zh: '（莫斯科机构）', en: ' (a Moscow organisation)' },
  { pattern: /^Союз[а-яё]{4,}$/, zh: '（全苏机构）', en: ' (an All-Union organisation)' },
  { pattern: /^Нарком[а-яё]{3,}$/, zh: '（人民委员部）', en: ' (a People’s Commissariat)' },
];

/**
 * «Монголии», «Пекине», «Шанхае»: a city or country of the tables in a case the tables do not list. Each
 * candidate dictionary form must be in the tables, so nothing is guessed.
 */
export function knownPlace(word: string) {
  const candidates = [word, word.replace(/ии$/, 'ия'), word.replace(/е$/, ''), word.replace(/е$/, 'а'), word.replace(/ае$/, 'ай'), word.replace(/и$/, 'ь'), word.replace(/ы$/, 'а')];
  for (const c of candidates) {
    const found = CITY.lookup(c) ?? COUNTRY.lookup(c);
    if (found) return found;
  }
  return undefined;
}

/** «Горького» → Горький, «Зелинского» → Зелинский: a surname that declines as an adjective, in its dictionary form; others as written. */
export const surnameOf = (s: string) => s.replace(/(?<=к)ого$/, 'ий');

/** «депо Москва-Сортировочная», «станция Пресня»: after a station's kind word, a capitalised word is its name. */
export const STATION_NAME = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*(?:-\d+)?$/;
